import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../../web-components/candidate');

/** Each candidate file's relative imports (type-only ones too) that land in the folder. */
async function importGraph(): Promise<Map<string, string[]>> {
  const files = (await readdir(root, { recursive: true }))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(root, f));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const source = await readFile(file, 'utf8');
    const targets = [...source.matchAll(/(?:from\s+|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)]
      .map((m) => path.resolve(path.dirname(file), m[1]!).replace(/\.js$/, '.ts'))
      .filter((target) => files.includes(target));
    graph.set(file, targets);
  }
  return graph;
}

/** One import circle, as file names relative to the folder, or null when there is none. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const done = new Set<string>();
  const path_: string[] = [];
  const visit = (file: string): string[] | null => {
    const at = path_.indexOf(file);
    if (at !== -1) return [...path_.slice(at), file];
    if (done.has(file)) return null;
    path_.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path_.pop();
    done.add(file);
    return null;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle.map((f) => path.relative(root, f));
  }
  return null;
}

describe('candidate recorder: the import graph (issue 18)', () => {
  it('has no import circle among the recorder files', async () => {
    const graph = await importGraph();
    assert.ok(graph.size > 40, `read the files (${graph.size})`);
    assert.equal(findCycle(graph)?.join(' → ') ?? null, null);
  });
});
