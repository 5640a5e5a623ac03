import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { candidateFr } from '../../../web-components/i18n/locales/fr-candidate.js';

const root = path.resolve(import.meta.dirname, '../../../web-components');

/** Every `msg(…, { id })` of the candidate pages, with its English text. */
async function messageIds(): Promise<Map<string, string>> {
  const dir = path.join(root, 'candidate');
  const files = (await readdir(dir, { recursive: true }))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
  files.push(path.join(root, 'candidate-page.ts'));
  const ids = new Map<string, string>();
  for (const file of files) {
    const source = await readFile(file, 'utf8');
    for (const match of source.matchAll(
      /msg\(\s*(?:str`([^`]*)`|'((?:[^'\\]|\\.)*)')\s*,\s*\{\s*id:\s*'([^']+)'/g,
    )) {
      ids.set(match[3]!, match[1] ?? match[2]!);
    }
  }
  return ids;
}

describe('candidate recorder: French translations', () => {
  it('translate every recorder message, with the same number of values, and nothing stale', async () => {
    const ids = await messageIds();
    assert.ok(ids.size > 100, `found the messages (${ids.size})`);
    const missing = [...ids.keys()].filter((id) => !(id in candidateFr));
    assert.deepEqual(missing, [], 'missing in fr-candidate.ts');
    const stale = Object.keys(candidateFr).filter((id) => !ids.has(id));
    assert.deepEqual(stale, [], 'translations nobody uses');
    for (const [id, english] of ids) {
      const values = (english.match(/\$\{/g) ?? []).length;
      const french = candidateFr[id]!;
      const translatedValues = typeof french === 'string' ? 0 : french.values.length;
      assert.equal(translatedValues, values, `${id}: ${values} value(s)`);
    }
  });
});
