import { access, readdir, readFile } from 'node:fs/promises';
import { getPriority, setPriority } from 'node:os';

/**
 * Gives the event loop the CPU before libuv's thread pool. Under many uploads on a busy disk,
 * the pool's threads (file writes and fsyncs, mostly kernel work) and the main thread are
 * runnable at once on few cores, and the main thread, which answers every request, waited
 * about a third of every second for a core (its schedstat at 500 recorders: docs/PERFORMANCE.md).
 * Linux gives each thread its own nice value: the pool's threads get `steps` more than the main
 * thread (THREAD_POOL_NICENESS), so the loop runs first and the pool has the rest; an idle
 * machine runs both as before. Where there is no /proc (not Linux) nothing changes.
 * Returns how many threads were lowered.
 */
export async function lowerThreadPoolPriority(steps: number): Promise<number> {
  if (steps === 0) return 0;
  // libuv starts all of the pool's threads with its first task: make sure it has had one.
  await access(process.cwd());
  let threadIds: string[];
  try {
    threadIds = await readdir('/proc/self/task');
  } catch {
    return 0;
  }
  // Read on the main thread: getpriority of "this process" is the calling thread's on Linux.
  const niceness = Math.min(19, getPriority() + steps);
  let lowered = 0;
  for (const id of threadIds) {
    const name = await readFile(`/proc/self/task/${id}/comm`, 'utf8').catch(() => '');
    if (name.trim() !== 'libuv-worker') continue;
    try {
      setPriority(Number(id), niceness);
      lowered++;
    } catch {
      // The thread ended, or the system refuses: the pool keeps the loop's priority.
    }
  }
  return lowered;
}
