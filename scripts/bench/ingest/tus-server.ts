/**
 * The tus reference: @tus/server with its FileStore, as its own process, nothing else in it.
 *
 *   npx tsx scripts/bench/ingest/tus-server.ts <port> <directory>
 *
 * Prints "tus listening" once it accepts uploads on 127.0.0.1:<port>/files.
 */
import { createServer } from 'node:http';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';

const [port, directory] = process.argv.slice(2);
if (!port || !directory) {
  console.error('usage: tus-server.ts <port> <directory>');
  process.exit(2);
}

const tus = new Server({
  path: '/files',
  relativeLocation: true,
  datastore: new FileStore({ directory }),
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
