/** Speeds offered: slower for accents and noisy rooms, faster for skimming. */
export const PLAYBACK_RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

const STORAGE_KEY = 'ws.playbackRate';

/** The speed chosen last time, on this browser (a reviewer's habit, not a per-answer setting). */
export function rememberedRate(storage: Storage = localStorage): number {
  const saved = Number(storage.getItem(STORAGE_KEY));
  return PLAYBACK_RATES.find((rate) => rate === saved) ?? 1;
}

export function rememberRate(rate: number, storage: Storage = localStorage): void {
  storage.setItem(STORAGE_KEY, String(rate));
}
