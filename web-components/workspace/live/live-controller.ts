import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LiveFeed, LiveFeedEventMap } from './live-feed.js';

type Handlers = { [K in keyof LiveFeedEventMap]?: (event: LiveFeedEventMap[K]) => void };

/** Subscribes a view to the live feed while it is on the page, and not a moment longer. */
export class LiveController implements ReactiveController {
  #unsubscribe: (() => void)[] = [];

  constructor(
    host: ReactiveControllerHost,
    private readonly feed: () => LiveFeed | undefined,
    private readonly handlers: Handlers,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const feed = this.feed();
    if (!feed) return;
    for (const [name, handler] of Object.entries(this.handlers)) {
      this.#unsubscribe.push(
        feed.on(name as keyof LiveFeedEventMap, handler as (event: Event) => void),
      );
    }
  }

  hostDisconnected(): void {
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
  }
}
