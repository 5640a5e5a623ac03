/**
 * The last slice of a take, kept in localStorage when the page is going away. A reload or a
 * closed tab leaves the page a few milliseconds between the slice being handed over and the
 * page being torn down: enough for one synchronous localStorage write, often not for an
 * IndexedDB transaction to commit. The outbox takes the slice back on the next visit. A record
 * is dropped as soon as the outbox holds its chunk, so only a slice in flight lives here.
 */
const PREFIX = 'interview-recorder-rescue:';

export interface RescuedSlice {
  answerId: string;
  index: number;
  recordedMs: number;
  bytes: ArrayBuffer;
}

const keyOf = (answerId: string, index: number) => `${PREFIX}${answerId}:${index}`;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

/** Keeps the slice; a full or missing localStorage only means the outbox alone holds it. */
export async function rescueSlice(
  answerId: string,
  index: number,
  recordedMs: number,
  slice: Blob,
): Promise<void> {
  try {
    const data = toBase64(new Uint8Array(await slice.arrayBuffer()));
    localStorage.setItem(keyOf(answerId, index), JSON.stringify({ recordedMs, data }));
  } catch {
    // Quota, private mode: nothing more to do.
  }
}

export function forgetRescued(answerId: string, index: number): void {
  try {
    localStorage.removeItem(keyOf(answerId, index));
  } catch {
    // As above.
  }
}

/** The slices kept for a take, lowest index first. */
export function rescuedSlices(answerId: string): RescuedSlice[] {
  const found: RescuedSlice[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? '';
      if (!key.startsWith(`${PREFIX}${answerId}:`)) continue;
      const { recordedMs, data } = JSON.parse(localStorage.getItem(key) ?? '{}');
      const index = Number(key.slice(key.lastIndexOf(':') + 1));
      found.push({ answerId, index, recordedMs, bytes: fromBase64(data) });
    }
  } catch {
    return found;
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Erasure: every rescued slice on this device goes. */
export function forgetAllRescued(): void {
  try {
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? '';
      if (key.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) localStorage.removeItem(key);
  } catch {
    // No localStorage: nothing was kept there.
  }
}
