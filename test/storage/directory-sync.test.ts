import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { syncDirectory } from '../../storage/directory-sync.js';
import { interceptSyncs } from '../helpers/sync-interceptor.js';

describe('syncDirectory', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'directory-sync-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('settles every one of many concurrent callers with a few shared fsyncs, in waves', async () => {
    const fsyncs: string[] = [];
    const restore = await interceptSyncs((kind, file) => {
      if (file === root) fsyncs.push(kind);
    });
    try {
      const first = Array.from({ length: 200 }, () => syncDirectory(root));
      const second = Array.from({ length: 200 }, () => syncDirectory(root));
      await Promise.all([...first, ...second]);
      // 400 callers at once: the one fsync under way and one more for all who came during it.
      assert.ok(fsyncs.length >= 1 && fsyncs.length <= 2, `${fsyncs.length} fsyncs`);
      await syncDirectory(root); // and works again once all is quiet, with a fsync of its own
      assert.ok(fsyncs.length >= 2 && fsyncs.length <= 3, `${fsyncs.length} fsyncs`);
      assert.deepEqual(new Set(fsyncs), new Set(['sync']));
    } finally {
      restore();
    }
  });

  it('rejects for every caller when the directory is missing, then recovers once it exists', async () => {
    const missing = path.join(root, 'not-yet');
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => syncDirectory(missing)),
    );
    for (const result of results) {
      assert.equal(result.status, 'rejected');
      assert.equal((result.reason as { code?: string }).code, 'ENOENT');
    }
    await mkdir(missing);
    await syncDirectory(missing);
  });
});
