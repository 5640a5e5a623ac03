import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { pino } from 'pino';
import { problemHandler } from '../../server/http/problem.js';
import { mediaFilesRouter } from '../../server/http/routes/media-files.js';
import { LocalDiskStorage } from '../../storage/local-disk-storage.js';

export interface LocalDiskFixture {
  storage: LocalDiskStorage;
  /** The storage root, to look at the files themselves. */
  root: string;
  /** Where the media route listens; also the storage's publicUrl. */
  baseUrl: string;
  signingSecret: string;
  cleanup(): Promise<void>;
}

/**
 * A LocalDiskStorage in a fresh temp directory, with its media route served on 127.0.0.1 so
 * that its signed URLs can be fetched like a browser would.
 */
export async function startLocalDiskFixture(): Promise<LocalDiskFixture> {
  // The root sits one level inside a private directory, so a test can check that nothing was
  // written beside it without being fooled by whatever else lives in the system temp directory.
  const parent = await mkdtemp(path.join(tmpdir(), 'local-disk-storage-'));
  const root = path.join(parent, 'root');
  await mkdir(root);
  const signingSecret = 'test-signing-secret';
  // The storage needs the URL and the app needs the storage: listen first, attach the app after.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const storage = new LocalDiskStorage({ root, publicUrl: baseUrl, signingSecret });
  const app = express();
  app.use(mediaFilesRouter(storage, signingSecret));
  app.use(problemHandler(pino({ level: 'silent' })));
  server.on('request', app);
  return {
    storage,
    root,
    baseUrl,
    signingSecret,
    async cleanup() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await rm(parent, { recursive: true, force: true });
    },
  };
}
