/** What a hostile scenario of scripts/bench/hostile.ts is: an attack run beside honest recorders. */
export interface HostileScenario {
  readonly name: string;
  /** Starts the attack on the server at `origin` (its API under /api/v1). */
  start(origin: string): Promise<RunningAttack>;
}

export interface RunningAttack {
  /** Ends the attack and says what it did, as short "name: value" lines for the report. */
  stop(): Promise<Record<string, string | number>>;
}
