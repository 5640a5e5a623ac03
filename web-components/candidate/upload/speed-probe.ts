import type { CandidateApi } from '../candidate-api.js';

// Well under the server's 1 MiB, at most four requests per check (the server allows 20 per 10 min).
const SMALL = 2 * 1024;
const MEDIUM = 32 * 1024;
/** The last upload: the largest that should take under LARGE_BUDGET_MS at the medium's rate. */
const LARGE_SIZES = [256 * 1024, 96 * 1024];
const LARGE_BUDGET_MS = 2500;
/**
 * No single request of the check may take longer: a very slow link is "slow", not a wait. Long
 * enough that a loaded phone (or server) is not taken for a dead connection.
 */
const REQUEST_TIMEOUT_MS = 8000;
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
 * second gives the round trip, then 32 KiB, then the largest of 256 or 96 KiB that the 32 KiB
 * says will take under 2.5 s. A size's time less the round trip gives the rate; the last upload
 * is large enough next to the round trip that a busy machine's timing noise matters little.
 * `onStep` reports progress (1…PROBE_STEPS).
 */
export async function measureUpload(
  api: CandidateApi,
  onStep: (step: number) => void = () => undefined,
): Promise<UploadMeasure> {
  let roundTripMs = 0;
  try {
    onStep(1);
    const opening = await api.timeUpload(SMALL, REQUEST_TIMEOUT_MS);
    onStep(2);
    // The lower of the two: a late timer on a loaded device only ever adds time.
    roundTripMs = Math.min(opening, await api.timeUpload(SMALL, REQUEST_TIMEOUT_MS));
    onStep(3);
    const medium = await api.timeUpload(MEDIUM, REQUEST_TIMEOUT_MS).catch(() => null);
    // Timed out: slower than 32 KiB in 8 s (32 kbit/s), which is all we need to know.
    if (medium === null) return { kbps: rate(MEDIUM, REQUEST_TIMEOUT_MS), roundTripMs };
    const mediumKbps = rate(MEDIUM - SMALL, medium - roundTripMs);
    const large = LARGE_SIZES.find(
      (bytes) => roundTripMs + ((bytes - SMALL) * 8) / mediumKbps <= LARGE_BUDGET_MS,
    );
    if (!large) return { kbps: mediumKbps, roundTripMs };
    onStep(4);
    const largeMs = await api.timeUpload(large, REQUEST_TIMEOUT_MS).catch(() => null);
    if (largeMs === null) return { kbps: rate(large, REQUEST_TIMEOUT_MS), roundTripMs };
    return { kbps: rate(large - SMALL, largeMs - roundTripMs), roundTripMs };
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
