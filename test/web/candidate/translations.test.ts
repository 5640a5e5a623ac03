import path from 'node:path';
import { candidateFr } from '../../../web-components/i18n/locales/fr-candidate.js';
import { assertTranslatesAll, sourcesUnder, WEB_COMPONENTS } from '../french-catalogue.js';

describe('candidate recorder: French translations', () => {
  it('translate every recorder message, with the same number of values, and nothing stale', async () => {
    const files = [
      ...(await sourcesUnder('candidate')),
      path.join(WEB_COMPONENTS, 'candidate-page.ts'),
    ];
    await assertTranslatesAll(files, candidateFr, 'fr-candidate.ts', 100);
  });
});
