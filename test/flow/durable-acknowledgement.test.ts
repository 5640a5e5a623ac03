import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStorage } from '../../storage/create-storage.js';
import { startAnswer } from '../api/support.js';
import { type Api, createInterview, inviteOne, login } from '../helpers/api.js';
import { freshDatabase, type TestDatabase } from '../helpers/databases.js';
import { type ServerProcess, spawnServer } from '../helpers/server-process.js';
import { interceptSyncs, type SyncKind } from '../helpers/sync-interceptor.js';
import { freePort, startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * README: a chunk's `200` is sent "only once the bytes are durable", and its record too
 * (docs/deploy.md: one fdatasync of SQLite's WAL). Proven as a storage engine would be: every
 * fsync and fdatasync this process makes is held at a gate, and the chunk's answer must wait for
 * both the chunk file's fsync and the WAL's fdatasync. Then, as a process: SIGKILL right after
 * the last `200` loses no acknowledged chunk, on SQLite and on PostgreSQL.
 */
interface HeldSync {
  kind: SyncKind;
  file: string;
  release(): void;
}

/** Holds the syncs of files that match one of `patterns` until released; others go through. */
function holdSyncs(patterns: RegExp[]) {
  const held: HeldSync[] = [];
  let restore = () => {};
  return {
    async install() {
      restore = await interceptSyncs(async (kind, file) => {
        if (patterns.some((p) => p.test(file)))
          await new Promise<void>((release) => held.push({ kind, file, release }));
      });
    },
    /** Waits until a sync of a file whose path matches is held. */
    async waitFor(kind: SyncKind, file: RegExp): Promise<HeldSync> {
      const end = Date.now() + 20_000;
      for (;;) {
        const found = held.find((h) => h.kind === kind && file.test(h.file));
        if (found) return found;
        if (Date.now() > end) throw new Error(`no ${kind} of a file matching ${file} was made`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    uninstall() {
      restore();
      for (const h of held.splice(0)) h.release();
    },
  };
}

describe('a chunk is acknowledged only once it is durable (sqlite + local disk)', () => {
  let server: TestServer;
  let candidate: Api;
  let questionId: string;
  const chunkFiles = /\/answers\/[^/]+\/chunks\/\d+\./;
  const wal = /interviews\.sqlite-wal$/;
  const gate = holdSyncs([chunkFiles, wal]);

  before(async () => {
    server = await startTestServer({ database: 'sqlite', storage: 'local' });
    const admin = await login(server.url);
    const interview = await createInterview(admin);
    questionId = interview.questions[0]!.id;
    ({ candidate } = await inviteOne(admin, interview.id));
  });
  after(async () => {
    gate.uninstall();
    await server?.stop();
  });

  it("waits for the chunk file's fsync, then for the WAL's fdatasync, before its 200", async () => {
    const take = await startAnswer(candidate, questionId);
    await gate.install();
    let answered = false;
    const put = candidate.putChunk(take.id, 0, randomBytes(64 * 1024)).then((res) => {
      answered = true;
      return res;
    });

    const chunkSync = await gate.waitFor('sync', chunkFiles);
    await new Promise((r) => setTimeout(r, 300)); // room for an early answer to arrive
    assert.equal(answered, false, 'no 200 while the chunk file is not on disk');
    chunkSync.release();

    const walSync = await gate.waitFor('datasync', wal);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(answered, false, 'no 200 while the chunk record is not on disk');
    gate.uninstall();
    walSync.release();

    const res = await put;
    assert.equal(res.status, 200, JSON.stringify(res.body));
  });
});

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`SIGKILL right after a chunk's 200 loses nothing (${kind})`, function () {
    this.timeout(120_000);
    let dataDir: string;
    let database: TestDatabase;
    let running: ServerProcess | undefined;

    before(async () => {
      dataDir = await mkdtemp(path.join(tmpdir(), 'durable-ack-'));
      database = await freshDatabase(kind);
    });
    after(async () => {
      if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
      await running?.exited;
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('has every acknowledged chunk, bytes and record, after a restart', async () => {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const env = {
        PORT: String(port),
        PUBLIC_URL: url,
        DATA_DIR: dataDir,
        ADMIN_EMAIL: 'ops@example.test',
        ADMIN_PASSWORD: 'a long enough admin password',
        JWT_SECRET: randomBytes(32).toString('hex'),
        ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
      };
      running = spawnServer(env);
      await running.waitForOutput(/"msg":"listening"/);
      const admin = await login(url, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
      const interview = await createInterview(admin);
      const { candidate } = await inviteOne(admin, interview.id);
      const take = await startAnswer(candidate, interview.questions[0]!.id);
      const chunks = Array.from({ length: 12 }, () => randomBytes(100_000));
      const acknowledged: number[] = [];
      await Promise.all(
        chunks.map(async (bytes, index) => {
          const res = await candidate.putChunk(take.id, index, bytes, { sha256: true });
          if (res.status === 200) acknowledged.push(index);
          // The last acknowledgement ends the process at once, as a crash would.
          if (acknowledged.length === chunks.length) running!.child.kill('SIGKILL');
        }),
      );
      assert.equal(acknowledged.length, chunks.length);
      await running.exited;

      running = spawnServer(env);
      await running.waitForOutput(/"msg":"listening"/);
      const after = await candidate.get(`/candidate/answers/${take.id}`);
      assert.equal(after.status, 200, JSON.stringify(after.body));
      assert.deepEqual(
        after.body.receivedChunks,
        [...acknowledged].sort((a, b) => a - b),
      );
      // And the bytes, exactly as sent.
      const storage = await createStorage({ dataDir, publicUrl: url, signingSecret: 'unused' });
      const stored = await storage.list(`answers/${take.id}/chunks/`);
      assert.equal(stored.length, chunks.length);
      for (const object of stored) {
        const index = Number(/chunks\/(\d+)\./.exec(object.key)![1]);
        const { body } = await storage.get(object.key);
        const parts: Buffer[] = [];
        for await (const part of body) parts.push(part as Buffer);
        assert.ok(Buffer.concat(parts).equals(chunks[index]!), `chunk ${index} intact`);
      }
    });
  });
}
