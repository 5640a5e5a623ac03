import assert from 'node:assert/strict';
import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidKeyError } from '../../storage/storage.js';
import { type LocalDiskFixture, startLocalDiskFixture } from './local-disk-fixture.js';
import { runStorageContract } from './storage-contract.js';
import { failingStream, readAll } from './streams.js';

runStorageContract('LocalDiskStorage', startLocalDiskFixture);

/** Every file under a directory, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

describe('LocalDiskStorage on its own', () => {
  let fixture: LocalDiskFixture;
  beforeEach(async () => {
    fixture = await startLocalDiskFixture();
  });
  afterEach(() => fixture.cleanup());

  it('refuses keys that would reach outside its root, whatever the operation', async () => {
    const { storage } = fixture;
    const attempts = [
      '../x',
      '/etc/passwd',
      'a/../../x',
      'a\\b',
      'a\u0000b',
      '.tmp-1/x',
      'a/.tmp-2',
    ];
    for (const key of attempts) {
      await assert.rejects(storage.put(key, Buffer.from('x')), InvalidKeyError, key);
      await assert.rejects(storage.get(key), InvalidKeyError, key);
      await assert.rejects(storage.stat(key), InvalidKeyError, key);
      await assert.rejects(storage.delete(key), InvalidKeyError, key);
      await assert.rejects(storage.signedReadUrl(key, { expiresInSeconds: 60 }), InvalidKeyError);
    }
    assert.equal(await exists(path.join(fixture.root, '..', 'x')), false);
    assert.deepEqual(await filesUnder(fixture.root), []);
  });

  it('leaves neither object nor temp file when a body stream fails midway', async () => {
    const put = fixture.storage.put('answers/1/chunks/0', failingStream(300_000, 'socket hang up'));
    await assert.rejects(put, /socket hang up/);
    assert.equal(await fixture.storage.stat('answers/1/chunks/0'), null);
    assert.deepEqual(await filesUnder(fixture.root), []);
  });

  it('never overwrites an existing object through a put that claims a fresh key', async () => {
    await fixture.storage.put('answers/1/chunks/000000.a', Buffer.from('recorded'));
    await assert.rejects(
      fixture.storage.put('answers/1/chunks/000000.a', Buffer.from('other'), { freshKey: true }),
      /EEXIST/,
    );
    const kept = await fixture.storage.get('answers/1/chunks/000000.a');
    assert.equal((await readAll(kept.body)).toString(), 'recorded');
  });

  it('keeps only the objects themselves on disk, under the key as path', async () => {
    await fixture.storage.put('answers/1/video.mp4', Buffer.from('mp4'));
    assert.deepEqual(await filesUnder(fixture.root), [path.join('answers', '1', 'video.mp4')]);
  });

  it('serves the first byte alone for the range 0-0', async () => {
    await fixture.storage.put('digits', Buffer.from('0123456789'));
    const read = await fixture.storage.get('digits', { start: 0, end: 0 });
    assert.equal((await readAll(read.body)).toString(), '0');
    assert.deepEqual(read.range, { start: 0, end: 0 });
  });

  it('removes the directories that deletePrefix empties', async () => {
    await fixture.storage.put('answers/1/chunks/0', Buffer.from('a'));
    await fixture.storage.put('answers/1/video.mp4', Buffer.from('b'));
    await fixture.storage.put('answers/2/video.mp4', Buffer.from('c'));
    await fixture.storage.deletePrefix('answers/1/');
    assert.equal(await exists(path.join(fixture.root, 'answers', '1')), false);
    assert.equal(await exists(path.join(fixture.root, 'answers', '2', 'video.mp4')), true);
  });

  it('deletePrefix also erases half-written temp files under the prefix (issue 20, finding 6)', async () => {
    const { storage, root } = fixture;
    await storage.put('answers/a1/chunks/0', Buffer.from('kept bytes'));
    await storage.put('answers/a2/chunks/0', Buffer.from('other answer'));
    // What a crash mid-put leaves: the bytes of an upload under a temp name.
    await writeFile(path.join(root, 'answers/a1/chunks/.tmp-0123456789abcdef'), 'half a chunk');
    await writeFile(path.join(root, 'answers/a1/.tmp-fedcba9876543210'), 'half a video');
    await writeFile(path.join(root, 'answers/a2/chunks/.tmp-00000000000000aa'), 'not erased');
    await storage.deletePrefix('answers/a1/');
    assert.deepEqual(await filesUnder(root), [
      path.join('answers', 'a2', 'chunks', '.tmp-00000000000000aa'),
      path.join('answers', 'a2', 'chunks', '0'),
    ]);
  });
});
