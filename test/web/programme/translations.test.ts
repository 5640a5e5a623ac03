import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { programmeFr } from '../../../web-components/i18n/locales/fr-programme.js';

const root = path.resolve(import.meta.dirname, '../../../web-components/programme');

/** Every `msg(…, { id })` of the apply page and the candidate's feedback, with its English text. */
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

describe('programme pages: French translations', () => {
  it('translate every apply-page and feedback message, with the same values, and nothing stale', async () => {
    const ids = await messageIds();
    assert.ok(ids.size > 40, `found the messages (${ids.size})`);
    const missing = [...ids.keys()].filter((id) => !(id in programmeFr));
    assert.deepEqual(missing, [], 'missing in fr-programme.ts');
    const stale = Object.keys(programmeFr).filter((id) => !ids.has(id));
    assert.deepEqual(stale, [], 'translations nobody uses');
    for (const [id, english] of ids) {
      const values = (english.match(/\$\{/g) ?? []).length;
      const french = programmeFr[id]!;
      const translatedValues = typeof french === 'string' ? 0 : french.values.length;
      assert.equal(translatedValues, values, `${id}: ${values} value(s)`);
    }
  });
});
