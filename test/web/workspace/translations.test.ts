import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { workspaceFr } from '../../../web-components/i18n/locales/fr-workspace.js';

const root = path.resolve(import.meta.dirname, '../../../web-components/workspace');

/** Every `msg(…, { id: 'ws.…' })` in the workspace sources, with its English text. */
async function messageIds(): Promise<Map<string, string>> {
  const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts'));
  const ids = new Map<string, string>();
  for (const file of files) {
    const source = await readFile(path.join(root, file), 'utf8');
    for (const match of source.matchAll(
      /msg\(\s*(?:str`([^`]*)`|'((?:[^'\\]|\\.)*)')\s*,\s*\{\s*id:\s*'([^']+)'/g,
    )) {
      ids.set(match[3]!, match[1] ?? match[2]!);
    }
  }
  return ids;
}

describe('workspace: French translations', () => {
  it('translate every workspace message, with the same number of values, and nothing stale', async () => {
    const ids = await messageIds();
    assert.ok(ids.size > 100, `found the messages (${ids.size})`);
    const missing = [...ids.keys()].filter((id) => !(id in workspaceFr));
    assert.deepEqual(missing, [], 'missing in fr-workspace.ts');
    const stale = Object.keys(workspaceFr).filter((id) => !ids.has(id));
    assert.deepEqual(stale, [], 'translations nobody uses');
    for (const [id, english] of ids) {
      const values = (english.match(/\$\{/g) ?? []).length;
      const french = workspaceFr[id]!;
      const translatedValues = typeof french === 'string' ? 0 : french.values.length;
      assert.equal(translatedValues, values, `${id}: ${values} value(s)`);
    }
  });
});
