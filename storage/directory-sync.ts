import { open } from 'node:fs/promises';

interface DirectoryState {
  running: Promise<void> | null;
  waiting: Promise<void> | null;
}

const states = new Map<string, DirectoryState>();
const ignore = () => {};

/**
 * fsyncs a directory, sharing the work between concurrent callers. A caller needs a sync that
 * starts after its own change; while one is running (it may have started before the change),
 * new callers all wait for the single next one. So 500 answers starting at the same moment cost
 * two fsyncs of their common parent directory, not 500 queued one behind the other.
 */
export function syncDirectory(dir: string): Promise<void> {
  const state = states.get(dir) ?? { running: null, waiting: null };
  states.set(dir, state);
  if (!state.running) return run(dir, state);
  state.waiting ??= state.running.then(ignore, ignore).then(() => {
    state.waiting = null;
    return run(dir, state);
  });
  return state.waiting;
}

function run(dir: string, state: DirectoryState): Promise<void> {
  const running: Promise<void> = fsyncNow(dir).finally(() => {
    if (state.running === running) state.running = null;
    if (!state.running && !state.waiting) states.delete(dir);
  });
  state.running = running;
  return running;
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
