import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  InvalidKeyError,
  RangeNotSatisfiableError,
  type Storage,
  StorageNotFoundError,
} from '../../storage/storage.js';
import { failingStream, readAll, streamOf } from './streams.js';

export interface StorageFixture {
  storage: Storage;
  cleanup(): Promise<void>;
}

/**
 * What every Storage must do, whatever its backend. Each test works under its own prefix, so
 * the suite can run against a shared real bucket and leaves nothing behind.
 */
export function runStorageContract(name: string, makeStorage: () => Promise<StorageFixture>): void {
  describe(`Storage contract: ${name}`, function () {
    this.timeout(120_000);
    let fixture: StorageFixture;
    let storage: Storage;
    let prefix: string;
    const runPrefix = `contract-${randomUUID()}/`;
    let testNumber = 0;

    before(async () => {
      fixture = await makeStorage();
      storage = fixture.storage;
    });
    beforeEach(() => {
      testNumber += 1;
      prefix = `${runPrefix}${testNumber}/`;
    });
    after(async () => {
      if (!fixture) return;
      await storage.deletePrefix(runPrefix);
      await fixture.cleanup();
    });

    it('stores a Buffer and reads the same bytes back', async () => {
      const bytes = randomBytes(3000);
      assert.deepEqual(await storage.put(`${prefix}a.bin`, bytes), { size: 3000 });
      const read = await storage.get(`${prefix}a.bin`);
      assert.equal(read.size, 3000);
      assert.equal(read.range, undefined);
      assert.deepEqual(await readAll(read.body), bytes);
      assert.deepEqual(await storage.stat(`${prefix}a.bin`), { key: `${prefix}a.bin`, size: 3000 });
    });

    it('stores a stream body and reports its size', async () => {
      const bytes = randomBytes(200_000);
      const result = await storage.put(`${prefix}chunk`, streamOf(bytes, 16_384));
      assert.equal(result.size, 200_000);
      assert.deepEqual(await readAll((await storage.get(`${prefix}chunk`)).body), bytes);
    });

    it('stores a stream under a fresh key (a chunk) like any other, in a new directory too', async () => {
      const bytes = randomBytes(300_000);
      const key = `${prefix}answers/new/chunks/000000.abc`;
      const result = await storage.put(key, streamOf(bytes, 65_536), { freshKey: true });
      assert.equal(result.size, 300_000);
      assert.deepEqual(await readAll((await storage.get(key)).body), bytes);
      assert.deepEqual(await storage.list(`${prefix}answers/new/`), [{ key, size: 300_000 }]);
    });

    it('leaves nothing under a fresh key whose stream fails midway', async () => {
      const key = `${prefix}chunks/000001.def`;
      const failure = storage.put(key, failingStream(600_000, 'network gone'), { freshKey: true });
      await assert.rejects(failure, /network gone/);
      assert.equal(await storage.stat(key), null);
      assert.deepEqual(await storage.list(`${prefix}chunks/`), []);
    });

    it('stores an empty object', async () => {
      assert.deepEqual(await storage.put(`${prefix}empty`, Buffer.alloc(0)), { size: 0 });
      assert.deepEqual(await storage.stat(`${prefix}empty`), { key: `${prefix}empty`, size: 0 });
      assert.equal((await readAll((await storage.get(`${prefix}empty`)).body)).length, 0);
    });

    it('stores a stream of several parts (12.5 MB) intact, ranges across part edges included', async () => {
      const bytes = randomBytes(12.5 * 1024 * 1024);
      const key = `${prefix}answer.webm`;
      assert.equal((await storage.put(key, streamOf(bytes, 65_536))).size, bytes.length);
      const whole = await storage.get(key);
      assert.equal(whole.size, bytes.length);
      assert.ok((await readAll(whole.body)).equals(bytes), 'the bytes read back differ');
      const partEdge = 5 * 1024 * 1024;
      const range = await storage.get(key, { start: partEdge - 10, end: partEdge + 9 });
      assert.deepEqual(await readAll(range.body), bytes.subarray(partEdge - 10, partEdge + 10));
    });

    it('replaces an object on a second put, also with a shorter body', async () => {
      await storage.put(`${prefix}k`, Buffer.from('the first, longer version'));
      await storage.put(`${prefix}k`, streamOf(Buffer.from('second'), 2));
      const read = await storage.get(`${prefix}k`);
      assert.equal(read.size, 6);
      assert.equal((await readAll(read.body)).toString(), 'second');
    });

    it('reads byte ranges: start-end, open-ended, last byte, end past the size', async () => {
      const bytes = Buffer.from('0123456789');
      await storage.put(`${prefix}digits`, bytes);
      const cases: [{ start: number; end?: number }, string, { start: number; end: number }][] = [
        [{ start: 2, end: 5 }, '2345', { start: 2, end: 5 }],
        [{ start: 7 }, '789', { start: 7, end: 9 }],
        [{ start: 9, end: 9 }, '9', { start: 9, end: 9 }],
        [{ start: 8, end: 500 }, '89', { start: 8, end: 9 }],
      ];
      for (const [asked, text, served] of cases) {
        const read = await storage.get(`${prefix}digits`, asked);
        assert.equal((await readAll(read.body)).toString(), text, JSON.stringify(asked));
        assert.equal(read.size, 10);
        assert.deepEqual(read.range, served);
      }
    });

    it('refuses a range that starts past the end with RangeNotSatisfiableError', async () => {
      await storage.put(`${prefix}digits`, Buffer.from('0123456789'));
      await assert.rejects(storage.get(`${prefix}digits`, { start: 10 }), (err) => {
        assert.ok(err instanceof RangeNotSatisfiableError);
        assert.equal(err.size, 10);
        return true;
      });
    });

    it('reports a missing object: stat gives null, get rejects with StorageNotFoundError', async () => {
      assert.equal(await storage.stat(`${prefix}nothing`), null);
      await assert.rejects(storage.get(`${prefix}nothing`), StorageNotFoundError);
      await assert.rejects(storage.get(`${prefix}nothing`, { start: 0 }), StorageNotFoundError);
    });

    it('lists the objects under a prefix, sorted by key, and nothing else', async () => {
      const keys = ['b/2', 'b/10', 'b/1', 'b/sub/x', 'bc/1', 'a/1', 'b-1'];
      for (const key of keys) await storage.put(`${prefix}${key}`, Buffer.from(key));
      const listed = await storage.list(`${prefix}b/`);
      assert.deepEqual(
        listed.map((object) => object.key),
        ['b/1', 'b/10', 'b/2', 'b/sub/x'].map((key) => `${prefix}${key}`),
      );
      assert.deepEqual(listed[0], { key: `${prefix}b/1`, size: 3 });
      const partial = await storage.list(`${prefix}b`);
      assert.equal(partial.length, 6, 'a prefix that ends mid-name matches b/…, b-1 and bc/…');
      assert.deepEqual(await storage.list(`${prefix}nothing-here/`), []);
    });

    it('deletes an object, and deleting a missing one is not an error', async () => {
      await storage.put(`${prefix}gone`, Buffer.from('x'));
      await storage.delete(`${prefix}gone`);
      assert.equal(await storage.stat(`${prefix}gone`), null);
      await storage.delete(`${prefix}gone`);
      await storage.delete(`${prefix}never/was`);
    });

    it('deletes every object under a prefix and nothing else', async () => {
      for (const key of ['answer/1', 'answer/chunks/0', 'answer/chunks/1', 'answer2/1', 'keep']) {
        await storage.put(`${prefix}${key}`, Buffer.from(key));
      }
      await storage.deletePrefix(`${prefix}answer/`);
      const left = await storage.list(prefix);
      assert.deepEqual(
        left.map((object) => object.key),
        [`${prefix}answer2/1`, `${prefix}keep`],
      );
      await storage.deletePrefix(`${prefix}answer/`);
      await assert.rejects(storage.deletePrefix(''), InvalidKeyError);
    });

    it('rejects a body stream that fails midway and keeps the previous object', async () => {
      const key = `${prefix}chunk`;
      await storage.put(key, Buffer.from('previous'));
      const failure = storage.put(key, failingStream(6 * 1024 * 1024, 'camera unplugged'));
      await assert.rejects(failure, /camera unplugged/);
      assert.equal((await readAll((await storage.get(key)).body)).toString(), 'previous');
      await assert.rejects(storage.put(`${prefix}fresh`, failingStream(1000, 'lost')), /lost/);
      assert.equal(await storage.stat(`${prefix}fresh`), null);
    });

    it('rejects keys that are empty, absolute, or not plain relative paths', async () => {
      for (const key of ['', '/etc/passwd', '../x', 'a/../../x', 'a/./b', 'a//b', 'a/', 'a\\b']) {
        await assert.rejects(storage.put(key, Buffer.from('x')), InvalidKeyError, key);
        await assert.rejects(storage.get(key), InvalidKeyError, key);
      }
      await assert.rejects(storage.stat('a\u0000b'), InvalidKeyError);
    });

    it('gives a signed URL that plain fetch can read, with a Range header too', async () => {
      const bytes = randomBytes(50_000);
      await storage.put(`${prefix}video.mp4`, bytes, { contentType: 'video/mp4' });
      const url = await storage.signedReadUrl(`${prefix}video.mp4`, { expiresInSeconds: 600 });
      const partial = await fetch(url, { headers: { Range: 'bytes=100-199' } });
      assert.equal(partial.status, 206);
      assert.equal(partial.headers.get('content-range'), 'bytes 100-199/50000');
      assert.deepEqual(Buffer.from(await partial.arrayBuffer()), bytes.subarray(100, 200));
      const whole = await fetch(url);
      assert.equal(whole.status, 200);
      assert.equal(whole.headers.get('content-type'), 'video/mp4');
      assert.deepEqual(Buffer.from(await whole.arrayBuffer()), bytes);
    });

    it('passes its health check', async () => {
      await storage.check();
    });
  });
}
