import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { guestFr } from '../../../web-components/i18n/locales/fr-guest.js';

const root = path.resolve(import.meta.dirname, '../../../web-components/guest');

/** Every `msg(…, { id })` of the hiring manager's page, with its English text. */
async function messageIds(): Promise<Map<string, string>> {
  const files = (await readdir(root)).filter((f) => f.endsWith('.ts'));
  const ids = new Map<string, string>();
  for (const file of files) {
    const source = await readFile(path.join(root, file), 'utf8');
    for (const match of source.matchAll(
      /msg\(\s*(?:str`([^`]*)`|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*,\s*\{\s*id:\s*'([^']+)'/g,
    )) {
      ids.set(match[4]!, match[1] ?? match[2] ?? match[3]!);
    }
  }
  return ids;
}

describe('hiring manager page: French translations', () => {
  it('translate every message of the guest page, with the same values, and nothing stale', async () => {
    const ids = await messageIds();
    assert.ok(ids.size > 25, `found the messages (${ids.size})`);
    const missing = [...ids.keys()].filter((id) => !(id in guestFr));
    assert.deepEqual(missing, [], 'missing in fr-guest.ts');
    const stale = Object.keys(guestFr).filter((id) => !ids.has(id));
    assert.deepEqual(stale, [], 'translations nobody uses');
    for (const [id, english] of ids) {
      const values = (english.match(/\$\{/g) ?? []).length;
      const french = guestFr[id]!;
      const translatedValues = typeof french === 'string' ? 0 : french.values.length;
      assert.equal(translatedValues, values, `${id}: ${values} value(s)`);
    }
  });
});
