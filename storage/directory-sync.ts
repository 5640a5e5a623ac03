import { open } from 'node:fs/promises';
import { sharedSync } from './shared-sync.js';

/**
 * fsyncs a directory, sharing the work between concurrent callers (shared-sync.ts): 500 answers
 * starting at the same moment cost two fsyncs of their common parent directory.
 */
export function syncDirectory(dir: string): Promise<void> {
  return sharedSync(dir, () => fsyncNow(dir));
}

async function fsyncNow(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (err) {
    // Some platforms (Windows, a few network filesystems) cannot fsync a directory.
    const code = (err as { code?: string }).code ?? '';
    if (!['EISDIR', 'EPERM', 'EINVAL', 'ENOTSUP'].includes(code)) throw err;
  } finally {
    await handle.close();
  }
}
