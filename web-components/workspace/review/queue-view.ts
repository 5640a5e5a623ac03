import { msg, str } from '@lit/localize';
import type { QueueItem } from '../../../server/contracts/api.js';
import { candidateLabel } from './review-terms.js';

/** The queue as filtered on screen, and how many candidates wait for my rating in all. */
export function queueView(
  items: QueueItem[],
  filter: { search: string; onlyMine: boolean },
): { items: QueueItem[]; waiting: number } {
  const needle = filter.search.trim().toLocaleLowerCase();
  const kept = items.filter(
    (item) =>
      (!filter.onlyMine || !item.myRated) &&
      (!needle || candidateLabel(item.candidate).toLocaleLowerCase().includes(needle)),
  );
  return { items: kept, waiting: items.filter((i) => !i.myRated).length };
}

/** Gathers answer outcomes for a moment, then says them in one sentence. */
export class StatusDigest {
  #ready = 0;
  #failed = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly say: (text: string) => void,
    private readonly windowMs = 1500,
  ) {}

  add(status: 'ready' | 'failed'): void {
    if (status === 'ready') this.#ready += 1;
    else this.#failed += 1;
    this.#timer ??= setTimeout(() => this.#flush(), this.windowMs);
  }

  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #flush() {
    const ready = this.#ready;
    const failed = this.#failed;
    this.#ready = 0;
    this.#failed = 0;
    this.#timer = undefined;
    const parts: string[] = [];
    if (ready)
      parts.push(msg(str`${ready} video(s) ready to review`, { id: 'ws.queue.digestReady' }));
    if (failed)
      parts.push(msg(str`${failed} could not be prepared`, { id: 'ws.queue.digestFailed' }));
    this.say(`${parts.join(', ')}.`);
  }
}
