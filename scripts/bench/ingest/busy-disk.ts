import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How each setup's disk is while its load runs. */
export type DiskCondition = 'quiet' | 'busy';

/** What the busy condition runs, as issue 25 measured it: a backup or a neighbour's writes. */
export const BUSY_DISK_COMMAND =
  'dd if=/dev/zero of=FILE bs=1M count=1500 conv=fsync, then sleep 15, in a loop';

export interface DiskWriter {
  /** Ends the writer (dd included) and deletes its file. */
  stop(): Promise<void>;
}

/**
 * Starts the busy-disk writer: 1.5 GB written and fsynced, 15 s of rest, again, until stopped.
 * Its file is in the same temporary directory as the servers' data (the same disk). The writer
 * leads its own process group so that stop() ends the shell and the dd it is waiting on at
 * once; should this process exit without stop(), the group is ended on the way out.
 */
export function startBusyDisk(): DiskWriter {
  const file = join(tmpdir(), `ingest-busy-disk-${process.pid}-${Date.now()}`);
  const writer = spawn(
    'sh',
    [
      '-c',
      'while :; do dd if=/dev/zero of="$1" bs=1M count=1500 conv=fsync 2>/dev/null; sleep 15; done',
      'busy-disk',
      file,
    ],
    { detached: true, stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => writer.once('exit', () => resolve()));
  const endGroup = () => {
    try {
      if (writer.pid) process.kill(-writer.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', endGroup);
  return {
    async stop() {
      process.off('exit', endGroup);
      endGroup();
      await exited;
      await rm(file, { force: true });
    },
  };
}
