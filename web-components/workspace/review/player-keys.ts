import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface PlayerKeyActions {
  togglePlay(): void;
  seekBy(seconds: number): void;
  step(direction: -1 | 1): void;
  score(score: number): void;
}

/** Fields where keys are typing, not commands. */
function isTextEntry(element: Element): boolean {
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLElement && element.isContentEditable) return true;
  if (!(element instanceof HTMLInputElement)) return false;
  return !['radio', 'checkbox', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(
    element.type,
  );
}

/** Controls whose own meaning of space and arrows must win (press a button, move a radio). */
function ownsSpaceAndArrows(element: Element): boolean {
  return (
    element.matches(
      'button, a[href], input, summary, [role=button], [role=radio], [role=slider]',
    ) || isTextEntry(element)
  );
}

/**
 * Reviewing by keyboard, anywhere on the page: space plays or pauses, ←/→ jump 5 s, J/K go to
 * the previous/next answer, 1–5 score. Ignored while typing (a comment) or with a modifier
 * (browser shortcuts stay intact).
 */
export class PlayerKeysController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly actions: PlayerKeyActions,
    /** Checked on each key: a player inside a page that handles keys itself stays quiet. */
    private readonly enabled: () => boolean = () => true,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.#onKeyDown);
  }

  #onKeyDown = (event: KeyboardEvent) => {
    if (!this.enabled() || event.defaultPrevented) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.composedPath()[0];
    const element = target instanceof Element ? target : document.body;
    if (isTextEntry(element)) return;
    const handled = this.#handle(event.key, ownsSpaceAndArrows(element));
    // Prevented, the video's own controls do not act on the same key a second time.
    if (handled) event.preventDefault();
  };

  #handle(key: string, targetOwnsKey: boolean): boolean {
    const lower = key.toLowerCase();
    if (lower === 'j' || lower === 'k') {
      this.actions.step(lower === 'j' ? -1 : 1);
      return true;
    }
    if (/^[1-5]$/.test(key)) {
      this.actions.score(Number(key));
      return true;
    }
    if (targetOwnsKey) return false;
    if (key === ' ') this.actions.togglePlay();
    else if (key === 'ArrowLeft') this.actions.seekBy(-5);
    else if (key === 'ArrowRight') this.actions.seekBy(5);
    else return false;
    return true;
  }
}
