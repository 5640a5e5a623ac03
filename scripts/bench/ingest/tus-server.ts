/**
 * The tus reference: @tus/server with its FileStore, as its own process, nothing else in it.
 *
 *   npx tsx scripts/bench/ingest/tus-server.ts <port> <directory> [durable]
 *
 * Prints "tus listening" once it accepts uploads on 127.0.0.1:<port>/files.
 *
 * `durable`: each PATCH is answered only after its bytes are fdatasynced, as our server answers a
 * chunk only after its fsync. FileStore itself never syncs, so plain tus is faster on a busy disk
 * for a reason that is not its code; this is the like-for-like reference.
 */
import { open } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';

const [port, directory, mode] = process.argv.slice(2);
if (!port || !directory || (mode !== undefined && mode !== 'durable')) {
  console.error('usage: tus-server.ts <port> <directory> [durable]');
  process.exit(2);
}

/** FileStore, but a write resolves only once its bytes are on disk. */
class DurableFileStore extends FileStore {
  override async write(stream: Readable, id: string, offset: number): Promise<number> {
    const written = await super.write(stream, id, offset);
    const handle = await open(join(directory!, id), 'r');
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
    return written;
  }
}

const tus = new Server({
  path: '/files',
  relativeLocation: true,
  datastore:
    mode === 'durable' ? new DurableFileStore({ directory }) : new FileStore({ directory }),
});
const http = createServer((req, res) => {
  tus.handle(req, res).catch((err: unknown) => {
    console.error('tus request failed:', err);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});
http.keepAliveTimeout = 65_000;
http.listen(Number(port), '127.0.0.1', () => console.log('tus listening'));
process.once('SIGTERM', () => http.close(() => process.exit(0)));
