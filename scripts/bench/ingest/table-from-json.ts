/**
 * One table from the rows of several runs (each written with `ingest.ts --json FILE`), so that
 * a matrix measured in pieces reads as one.
 *
 *   npx tsx scripts/bench/ingest/table-from-json.ts FILE.jsonl [FILE.jsonl …]
 */
import { readFile } from 'node:fs/promises';
import type { IngestRow } from './measure.js';
import { footnotes, markdownTable } from './report.js';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: table-from-json.ts FILE.jsonl [FILE.jsonl …]');
  process.exit(2);
}
const rows: IngestRow[] = [];
for (const file of files) {
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    if (line.trim()) rows.push(JSON.parse(line) as IngestRow);
  }
}
rows.sort((a, b) => a.recorders - b.recorders);
console.log(`${markdownTable(rows)}\n\n${footnotes(rows)}`);
