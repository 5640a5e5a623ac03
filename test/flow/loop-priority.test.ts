import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnServer } from '../helpers/server-process.js';
import { freePort } from '../helpers/test-server.js';

/** Name and nice value of each thread of process `pid` (Linux /proc). */
async function threadsOf(pid: number): Promise<{ id: number; name: string; nice: number }[]> {
  const ids = await readdir(`/proc/${pid}/task`);
  return Promise.all(
    ids.map(async (id) => {
      const stat = await readFile(`/proc/${pid}/task/${id}/stat`, 'utf8');
      // "tid (comm) state …": nice is the 19th field, the 17th after the parenthesised name.
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const nice = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      return { id: Number(id), name, nice };
    }),
  );
}

describe('the event loop runs before the thread pool (docs/PERFORMANCE.md, issue 25)', function () {
  this.timeout(60_000);

  it("gives every libuv pool thread THREAD_POOL_NICENESS steps below the main thread's", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'loop-priority-'));
    const port = await freePort();
    const server = spawnServer({
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      THREAD_POOL_NICENESS: '7',
    });
    try {
      const [listening] = await server.waitForOutput(/\{[^\n]*"msg":"listening"[^\n]*\}/);
      const pid = server.child.pid!;
      const threads = await threadsOf(pid);
      const main = threads.find((t) => t.id === pid)!;
      const pool = threads.filter((t) => t.name === 'libuv-worker');
      assert.equal(pool.length, 16, 'UV_THREADPOOL_SIZE threads in the pool');
      for (const thread of pool) assert.equal(thread.nice, main.nice + 7);
      // Nothing else is lowered: V8's own threads (GC among them) keep the main thread's.
      for (const thread of threads.filter((t) => t.name !== 'libuv-worker'))
        assert.equal(thread.nice, main.nice, `${thread.name} keeps its priority`);
      assert.equal(JSON.parse(listening).threadPoolLowered, 16);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
