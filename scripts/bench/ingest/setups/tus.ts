/** The tus reference (tus-server.ts) in its own process, FileStore in a fresh temp directory. */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mapConcurrently } from '../concurrency.js';
import { freePort } from '../free-port.js';
import { httpRequest } from '../http-client.js';
import {
  compiledBenchFile,
  type Instrumentation,
  instrumentedEnv,
  REPO_ROOT,
  stopProcess,
} from '../instrumented-process.js';
import type { RecorderOutcome, RecorderTarget, SystemUnderTest } from '../types.js';

const TUS = { 'tus-resumable': '1.0.0' };

/** `durable`: the reference that, like our server, answers only fsynced bytes (tus-server.ts). */
export async function startTus(
  instrumentation: Instrumentation,
  durable = false,
): Promise<SystemUnderTest> {
  const directory = await mkdtemp(join(tmpdir(), 'ingest-tus-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // Started like our server: compiled JavaScript with the compiled probe preloaded, no tsx.
  const child = spawn(
    process.execPath,
    [compiledBenchFile('tus-server'), String(port), directory, ...(durable ? ['durable'] : [])],
    {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        ...instrumentedEnv(instrumentation),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (data: Buffer) => {
      if (data.toString().includes('tus listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the tus server exited with code ${code}`)));
  });
  return {
    label: durable ? 'tus-durable' : 'tus',
    ingestPids: [child.pid!],
    supportProcesses: () => ({}),
    prepare: (recorders, plan) => createUploads(origin, recorders, plan.seconds * plan.chunkBytes),
    countLost: (targets, outcomes, chunkBytes) => countLostBytes(targets, outcomes, chunkBytes),
    async stop() {
      await stopProcess(child);
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** One upload per recorder, its final length known up front (a recording's is not, but tus
 * then needs Upload-Defer-Length and one more request at the end; the PATCHes are the same). */
function createUploads(
  origin: string,
  recorders: number,
  length: number,
): Promise<RecorderTarget[]> {
  return mapConcurrently(Array.from({ length: recorders }), 16, async () => {
    const response = await httpRequest({
      method: 'POST',
      url: `${origin}/files`,
      headers: { ...TUS, 'upload-length': String(length) },
    });
    const location = response.headers.location;
    if (response.status !== 201 || !location) {
      throw new Error(`tus POST /files: ${response.status} ${response.body}`);
    }
    return { kind: 'tus', origin, uploadPath: new URL(location, origin).pathname } as const;
  });
}

/** Chunks acknowledged beyond what the server now reports as the upload's offset. */
async function countLostBytes(
  targets: RecorderTarget[],
  outcomes: RecorderOutcome[],
  chunkBytes: number,
): Promise<number> {
  const lost = await mapConcurrently(targets, 16, async (target, i) => {
    if (target.kind !== 'tus') throw new Error('not a tus recorder');
    const head = await httpRequest({
      method: 'HEAD',
      url: `${target.origin}${target.uploadPath}`,
      headers: TUS,
    });
    const stored = Number(head.headers['upload-offset'] ?? 0);
    return Math.max(0, Math.ceil((outcomes[i]!.ackedOffset - stored) / chunkBytes));
  });
  return lost.reduce((sum, n) => sum + n, 0);
}
