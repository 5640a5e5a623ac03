import type { CandidateApi } from './candidate-api.js';

// Well under the server's 1 MiB, at most four requests per check (the server allows 20 per 10 min).
const SMALL = 2 * 1024;
const MEDIUM = 32 * 1024;
const LARGE = 256 * 1024;
/** The large upload is tried only when the medium one says it takes less than this. */
const LARGE_BUDGET_MS = 2500;
/** No single request of the check may take longer: a very slow link is "slow", not a wait. */
const REQUEST_TIMEOUT_MS = 4000;
export const PROBE_STEPS = 4;

export interface UploadMeasure {
  /** Upload rate in kbit/s, or null when it could not be measured (offline, say). */
  kbps: number | null;
  /** The time of a tiny request: mostly the round trip, for reading later upload times. */
  roundTripMs: number;
}

const rate = (bytes: number, ms: number) => Math.round((bytes * 8) / Math.max(ms, 1));

/**
 * Estimates the upload speed in a few seconds at most: a tiny request opens the connection, a
 * second gives the round trip, then 32 KiB, then 256 KiB only if that will be quick. Each size's
 * time less the round trip gives the rate. `onStep` reports progress (1…PROBE_STEPS).
 */
export async function measureUpload(
  api: CandidateApi,
  onStep: (step: number) => void = () => undefined,
): Promise<UploadMeasure> {
  let roundTripMs = 0;
  try {
    onStep(1);
    await api.timeUpload(SMALL, REQUEST_TIMEOUT_MS); // opens the connection: not counted
    onStep(2);
    roundTripMs = await api.timeUpload(SMALL, REQUEST_TIMEOUT_MS);
    onStep(3);
    const medium = await api.timeUpload(MEDIUM, REQUEST_TIMEOUT_MS).catch(() => null);
    // Timed out: slower than 32 KiB in 4 s (64 kbit/s), which is all we need to know.
    if (medium === null) return { kbps: rate(MEDIUM, REQUEST_TIMEOUT_MS), roundTripMs };
    const mediumKbps = rate(MEDIUM - SMALL, medium - roundTripMs);
    const largeMs = roundTripMs + ((LARGE - SMALL) * 8) / mediumKbps;
    if (largeMs > LARGE_BUDGET_MS) return { kbps: mediumKbps, roundTripMs };
    onStep(4);
    const large = await api.timeUpload(LARGE, REQUEST_TIMEOUT_MS);
    return { kbps: rate(LARGE - SMALL, large - roundTripMs), roundTripMs };
  } catch {
    return { kbps: null, roundTripMs };
  }
}

export type SpeedVerdict = 'fast' | 'enough' | 'slow' | 'unknown';

/** Compared with what recording needs (video plus sound, in kbit/s). */
export function speedVerdict(kbps: number | null, neededKbps: number): SpeedVerdict {
  if (kbps === null) return 'unknown';
  if (kbps >= neededKbps * 2) return 'fast';
  if (kbps >= neededKbps) return 'enough';
  return 'slow';
}
