interface SyncState {
  running: Promise<void> | null;
  waiting: Promise<void> | null;
}

const states = new Map<string, SyncState>();
const ignore = () => {};

/**
 * Runs `syncNow` (an fsync of the file or directory `key`), sharing the work between concurrent
 * callers. A caller needs a sync that starts after its own write; while one is running (it may
 * have started before the write), new callers all wait for the single next one. So 500 writers
 * at the same moment cost two syncs, not 500 queued one behind the other (group commit).
 */
export function sharedSync(key: string, syncNow: () => Promise<void>): Promise<void> {
  const state = states.get(key) ?? { running: null, waiting: null };
  states.set(key, state);
  if (!state.running) return run(key, state, syncNow);
  state.waiting ??= state.running.then(ignore, ignore).then(() => {
    state.waiting = null;
    return run(key, state, syncNow);
  });
  return state.waiting;
}

function run(key: string, state: SyncState, syncNow: () => Promise<void>): Promise<void> {
  const running: Promise<void> = syncNow().finally(() => {
    if (state.running === running) state.running = null;
    if (!state.running && !state.waiting) states.delete(key);
  });
  state.running = running;
  return running;
}
