import { formattingLocale } from '../../i18n/formatting-locale.js';
import { getLocale } from '../../i18n/localization.js';

/** A date and time in the reader's language, e.g. "12 Mar 2031, 14:05". */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(formattingLocale(getLocale()), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** "1:05" for 65 seconds: compact, and read correctly by screen readers next to a label. */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** A datetime-local input's value (local wall time) from an ISO instant, and back. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
