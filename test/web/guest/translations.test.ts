import { guestFr } from '../../../web-components/i18n/locales/fr-guest.js';
import { assertTranslatesAll, sourcesUnder } from '../french-catalogue.js';

describe('hiring manager page: French translations', () => {
  it('translate every message of the guest page, with the same values, and nothing stale', async () => {
    const files = await sourcesUnder('guest');
    await assertTranslatesAll(files, guestFr, 'fr-guest.ts', 25);
  });
});
