import { workspaceFr } from '../../../web-components/i18n/locales/fr-workspace.js';
import { assertTranslatesAll, sourcesUnder } from '../french-catalogue.js';

describe('workspace: French translations', () => {
  it('translate every workspace message, with the same number of values, and nothing stale', async () => {
    const files = await sourcesUnder('workspace');
    await assertTranslatesAll(files, workspaceFr, 'fr-workspace.ts', 100);
  });
});
