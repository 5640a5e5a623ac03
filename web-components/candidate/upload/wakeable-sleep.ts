/** A sleep that wake() cuts short: the uploader naps until there is work or a retry is due. */
export class WakeableSleep {
  private wakeUp: (() => void) | null = null;

  /** Resolves after `ms` (null: only when woken), or at the next wake(). */
  until(ms: number | null): Promise<void> {
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = () => {
        clearTimeout(timer);
        if (this.wakeUp === finish) this.wakeUp = null;
        resolve();
      };
      this.wakeUp = finish;
      if (ms !== null) timer = setTimeout(finish, ms);
    });
  }

  wake(): void {
    this.wakeUp?.();
  }
}
