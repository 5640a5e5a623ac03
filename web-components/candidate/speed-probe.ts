import type { CandidateApi } from './candidate-api.js';

// Both well under the server's 1 MiB, three requests per check (the server allows 20 per 10 min).
const SMALL = 2 * 1024;
const LARGE = 384 * 1024;

/**
 * Estimates the upload speed to the server in kbit/s: a large body's time minus a small one's
 * (which is mostly the round trip). Null when it cannot be measured (offline, say).
 */
export async function measureUploadKbps(api: CandidateApi): Promise<number | null> {
  try {
    await api.timeUpload(SMALL); // opens the connection, so that it is not counted below
    const small = await api.timeUpload(SMALL);
    const large = await api.timeUpload(LARGE);
    const seconds = Math.max(large - small, 1) / 1000;
    return Math.round(((LARGE - SMALL) * 8) / seconds / 1000);
  } catch {
    return null;
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
