import { open, readlink } from 'node:fs/promises';

export type SyncKind = 'sync' | 'datasync';

/**
 * Intercepts every FileHandle `sync()` (fsync) and `datasync()` (fdatasync) of this process:
 * `onSync` is told which kind and which file (from /proc/self/fd) before the real call, and the
 * real call waits for whatever `onSync` returns. So a test can count fsyncs, or hold one to
 * prove that nothing is acknowledged before it. Returns the function that restores them.
 */
export async function interceptSyncs(
  onSync: (kind: SyncKind, file: string) => void | Promise<void>,
): Promise<() => void> {
  type Sync = (this: { fd: number }) => Promise<void>;
  const probe = await open(import.meta.filename, 'r');
  const proto = Object.getPrototypeOf(probe) as Record<SyncKind, Sync>;
  await probe.close();
  const originals = { sync: proto.sync, datasync: proto.datasync };
  for (const kind of ['sync', 'datasync'] as const) {
    const original = originals[kind];
    proto[kind] = async function (this: { fd: number }) {
      const file = await readlink(`/proc/self/fd/${this.fd}`).catch(() => `fd ${this.fd}`);
      await onSync(kind, file);
      return original.call(this);
    };
  }
  return () => Object.assign(proto, originals);
}
