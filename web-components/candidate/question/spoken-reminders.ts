/** Spoken reminders while recording, in seconds left (not every second). */
const REMINDERS = [60, 30, 10];

/**
 * Which "time left" reminders a screen reader should hear now: each once per take, and none
 * that would come almost at once (a 20-second answer hears no "30 seconds left").
 */
export class SpokenReminders {
  private readonly said = new Set<number>();

  /** A new take: every reminder may be said again. */
  clear(): void {
    this.said.clear();
  }

  /** The reminders due now, in seconds left; each is returned once. */
  due(maxSeconds: number, elapsedMs: number): number[] {
    const left = Math.ceil((maxSeconds * 1000 - elapsedMs) / 1000);
    const due = REMINDERS.filter(
      (mark) => left <= mark && !this.said.has(mark) && maxSeconds > mark * 1.5,
    );
    for (const mark of due) this.said.add(mark);
    return due;
  }
}
