/**
 * The check every French catalogue passes: each `msg(…, { id })` of its pages is translated
 * with as many values as the English text, and no translation is left that nothing uses.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export const WEB_COMPONENTS = path.resolve(import.meta.dirname, '../../web-components');

type Catalogue = Record<string, string | { values: unknown[] }>;

/** The TypeScript sources under `dir` (a path inside web-components/), sub-folders included. */
export async function sourcesUnder(dir: string): Promise<string[]> {
  const root = path.join(WEB_COMPONENTS, dir);
  return (await readdir(root, { recursive: true }))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(root, f));
}

/** Every `msg(…, { id })` in these files, with its English text. */
async function messageIds(files: string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const file of files) {
    const source = await readFile(file, 'utf8');
    for (const match of source.matchAll(
      /msg\(\s*(?:str`([^`]*)`|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*,\s*\{\s*id:\s*'([^']+)'/g,
    )) {
      ids.set(match[4]!, match[1] ?? match[2] ?? match[3]!);
    }
  }
  return ids;
}

/** Fails unless `catalogue` (named `name`) translates exactly the messages of `files`. */
export async function assertTranslatesAll(
  files: string[],
  catalogue: Catalogue,
  name: string,
  atLeast: number,
): Promise<void> {
  const ids = await messageIds(files);
  assert.ok(ids.size > atLeast, `found the messages (${ids.size})`);
  const missing = [...ids.keys()].filter((id) => !(id in catalogue));
  assert.deepEqual(missing, [], `missing in ${name}`);
  const stale = Object.keys(catalogue).filter((id) => !ids.has(id));
  assert.deepEqual(stale, [], 'translations nobody uses');
  for (const [id, english] of ids) {
    const values = (english.match(/\$\{/g) ?? []).length;
    const french = catalogue[id]!;
    const translatedValues = typeof french === 'string' ? 0 : french.values.length;
    assert.equal(translatedValues, values, `${id}: ${values} value(s)`);
  }
}
