/**
 * Start-up time and resident memory at rest: the compiled start (`npm start`) against running
 * the TypeScript through tsx (`npm run dev`). Each run gets a fresh DATA_DIR on SQLite and local
 * disk; start-up is the time from spawn to the first 200 from /health, RSS is read from /proc
 * after `--settle` seconds of idleness.
 *
 *   npx tsx scripts/bench/start.ts [--runs 5] [--settle 5]
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildServer } from '../build-server.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, settle: { type: 'string', default: '5' } },
});
const runs = Number(values.runs);
const settleMs = Number(values.settle) * 1000;
const root = path.resolve(import.meta.dirname, '../..');

const modes = {
  compiled: ['--enable-source-maps', 'dist/server/main.js'],
  tsx: ['--import', 'tsx', 'server/main.ts'],
} as const;

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+)/)![1]) / 1024;
}

async function once(args: readonly string[], port: number) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-start-'));
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    const startMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, settleMs));
    return { startMs, rss: await rssMb(child.pid!) };
  } finally {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

await buildServer();
console.log(`node ${process.version}, ${runs} runs each, RSS after ${settleMs / 1000} s at rest`);
console.log('mode      start p50 (min–max) ms      RSS p50 (min–max) MB');
for (const [name, args] of Object.entries(modes)) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once(args, 3900 + i));
  const starts = results.map((r) => r.startMs);
  const rss = results.map((r) => r.rss);
  const range = (xs: number[], digits: number) =>
    `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
  console.log(`${name.padEnd(9)} ${range(starts, 0).padEnd(26)}${range(rss, 1)}`);
}
