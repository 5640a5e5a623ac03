/**
 * Web Locks naming the takes this tab is recording. Another tab of the same invitation opening
 * meanwhile sees them held and leaves those takes alone, instead of closing them as interrupted
 * (the outbox alone cannot tell a live tab from a dead one). A lock is let go when the take
 * ends, and by the browser when the tab closes or crashes, so a dead tab never blocks a take.
 */
const PREFIX = 'interview-recorder-take:';

export class TakeLocks {
  private readonly releases = new Map<string, () => void>();

  /** Holds the take's lock until release(); without Web Locks (old browsers) does nothing. */
  hold(answerId: string): void {
    if (!navigator.locks || this.releases.has(answerId)) return;
    const held = new Promise<void>((resolve) => this.releases.set(answerId, resolve));
    void navigator.locks.request(PREFIX + answerId, () => held).catch(() => undefined);
  }

  release(answerId: string): void {
    this.releases.get(answerId)?.();
    this.releases.delete(answerId);
  }

  releaseAll(): void {
    for (const answerId of [...this.releases.keys()]) this.release(answerId);
  }

  /** The takes whose lock another tab (or this one) holds right now. */
  async heldElsewhere(): Promise<Set<string>> {
    if (!navigator.locks) return new Set();
    const { held = [] } = await navigator.locks.query().catch(() => ({ held: [] }));
    const ids = held
      .map((lock) => lock.name ?? '')
      .filter((name) => name.startsWith(PREFIX))
      .map((name) => name.slice(PREFIX.length))
      .filter((id) => !this.releases.has(id));
    return new Set(ids);
  }
}
