/**
 * Serves workspace components on their own for tests in real Chromium: an esbuild bundle of
 * harness-entry.ts, a blank page, and a real H.264/AAC video with byte ranges (express.static).
 * `/expired/*` answers 403, as a signed media link does once its time is up.
 */
import { rmSync } from 'node:fs';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import express from 'express';
import { ffmpegClip } from '../../helpers/media-fixtures.js';

export interface Harness {
  url: string;
  close(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../../..');

let shared: Promise<Harness> | null = null;

/**
 * One harness for every component suite in the run: the bundle and the clip are made once. It
 * lives until the process exits (its server does not keep the process alive).
 */
export function sharedHarness(): Promise<Harness> {
  shared ??= startHarness().then((harness) => {
    process.once('exit', () => void harness.close());
    return harness;
  });
  return shared;
}

async function startHarness(): Promise<Harness> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ws-harness-'));
  await build({
    entryPoints: [path.join(import.meta.dirname, 'harness-entry.ts')],
    bundle: true,
    format: 'esm',
    outfile: path.join(dir, 'harness.js'),
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  const clip = await ffmpegClip({
    seconds: 12,
    videoCodec: 'h264',
    audioCodec: 'aac',
    container: 'mp4',
    width: 320,
    height: 240,
  });
  await copyFile(clip, path.join(dir, 'clip.mp4'));
  await writeFile(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harness</title>' +
      '<script type="module" src="/harness.js"></script></head><body><main id="stage"></main></body></html>',
  );
  const app = express();
  app.use('/expired', (_req, res) => {
    res.status(403).end();
  });
  app.use(express.static(dir));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      rmSync(dir, { recursive: true, force: true }); // also runs at exit, where only sync works
    },
  };
}
