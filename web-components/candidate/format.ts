import { formattingLocale } from '../i18n/formatting-locale.js';
import { getLocale } from '../i18n/localization.js';

/** A clock reading such as 1:05 (minutes:seconds), rounded down to whole seconds. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

function unit(value: number, name: 'minute' | 'second'): string {
  return new Intl.NumberFormat(formattingLocale(getLocale()), {
    style: 'unit',
    unit: name,
    unitDisplay: 'long',
  }).format(value);
}

/** A duration in words for people and screen readers: "2 minutes 30 seconds", "45 secondes". */
export function spokenDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return unit(rest, 'second');
  if (rest === 0) return unit(minutes, 'minute');
  return `${unit(minutes, 'minute')} ${unit(rest, 'second')}`;
}

/** A date and time in the candidate's language, e.g. "Friday 3 July 2026 at 17:00". */
export function dateTime(iso: string): string {
  return new Intl.DateTimeFormat(formattingLocale(getLocale()), {
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** A speed in kbit/s as Mbit/s with one decimal, in the candidate's language ("4.8", "4,8"). */
export function megabitsPerSecond(kbps: number): string {
  return new Intl.NumberFormat(formattingLocale(getLocale()), { maximumFractionDigits: 1 }).format(
    kbps / 1000,
  );
}

/** Whole percent of `part` in `total`; 100 when there is nothing to do. */
export function percent(part: number, total: number): number {
  if (total <= 0) return 100;
  return Math.min(100, Math.max(0, Math.floor((part / total) * 100)));
}
