import type { Storage } from '../../../storage/storage.js';

/** Long enough to watch a 15-minute answer after a pause; short enough that a leaked link dies. */
export const MEDIA_URL_SECONDS = 30 * 60;

export function signedMediaUrl(storage: Storage, key: string | null): Promise<string | null> {
  return key
    ? storage.signedReadUrl(key, { expiresInSeconds: MEDIA_URL_SECONDS })
    : Promise.resolve(null);
}
