import { programmeFr } from '../../../web-components/i18n/locales/fr-programme.js';
import { assertTranslatesAll, sourcesUnder } from '../french-catalogue.js';

describe('programme pages: French translations', () => {
  it('translate every apply-page and feedback message, with the same values, and nothing stale', async () => {
    const files = await sourcesUnder('programme');
    await assertTranslatesAll(files, programmeFr, 'fr-programme.ts', 40);
  });
});
