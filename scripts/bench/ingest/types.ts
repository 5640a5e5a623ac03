/** Shapes shared by the ingest benchmark's main process, its load workers and its setups. */

/** One simulated recorder: where it sends its chunks and how. */
export type RecorderTarget =
  | { kind: 'api'; origin: string; answerId: string; token: string }
  | { kind: 'tus'; origin: string; uploadPath: string };

/** What every load worker is told to do. */
export interface LoadPlan {
  targets: RecorderTarget[];
  /** Chunks per recorder (one per second). */
  seconds: number;
  chunkBytes: number;
  /** Epoch milliseconds at which every recorder's first second begins. */
  startAtEpochMs: number;
  /** Per-chunk timing noise, ± this many milliseconds, on top of a random phase per recorder. */
  jitterMs: number;
}

/** What one recorder achieved. */
export interface RecorderOutcome {
  /** Chunk indexes that got a 200 (204 for tus). */
  ackedIndexes: number[];
  /** tus only: the highest Upload-Offset the server acknowledged. */
  ackedOffset: number;
}

/** What one load worker reports back. */
export interface LoadWorkerReport {
  outcomes: RecorderOutcome[];
  /** Acknowledgement latency of every acknowledged chunk, ms from the moment it was due. */
  latenciesMs: number[];
  ackedBytes: number;
  /** Epoch ms of the last acknowledgement. */
  lastAckEpochMs: number;
  errors: number;
  /** A few distinct error descriptions, for the log. */
  errorSamples: string[];
  /** Chunks never sent because the run's deadline passed first. */
  unsent: number;
  /** The worker's own health: if these are high, the generator, not the server, was slow. */
  generatorLoopP99Ms: number;
  generatorCpuPercent: number;
}

/** A system under test: started once per run, torn down after it. */
export interface SystemUnderTest {
  readonly label: string;
  /** Processes whose resident memory is summed (the ones that receive chunks). */
  readonly ingestPids: number[];
  /**
   * Other processes of the setup whose CPU is worth reporting (media workers, s3rver, the
   * PostgreSQL backends serving it), by name; asked again at the end, as backends come and go.
   */
  supportProcesses(): Record<string, number[]>;
  /** Creates one upload target per recorder. */
  prepare(
    recorders: number,
    plan: { seconds: number; chunkBytes: number },
  ): Promise<RecorderTarget[]>;
  /** How many acknowledged chunks the server does not have. */
  countLost(
    targets: RecorderTarget[],
    outcomes: RecorderOutcome[],
    chunkBytes: number,
  ): Promise<number>;
  stop(): Promise<void>;
}

/** Our server, started in some mode: where its API answers and which processes ingest. */
export interface LaunchedServers {
  label: string;
  /** API origins (http://127.0.0.1:port); recorders are spread over them round-robin. */
  origins: string[];
  ingestPids: number[];
  supportProcesses(): Record<string, number[]>;
  stop(): Promise<void>;
}
