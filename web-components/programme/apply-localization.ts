/**
 * Localisation for the public apply page, which is its own small bundle: it loads only the
 * programme translations, not the recorder's or the workspace's.
 */

import { configureLocalization } from '@lit/localize';
import { formattingLocale } from '../i18n/formatting-locale.js';

export type ApplyLocale = 'en' | 'fr';

const { getLocale, setLocale } = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['fr'],
  loadLocale: async () => ({
    templates: (await import('../i18n/locales/fr-programme.js')).programmeFr,
  }),
});

export { getLocale };

/** `?lang=` wins, then the browser's preferred languages, then English. */
export function preferredApplyLocale(
  search = location.search,
  languages: readonly string[] = navigator.languages,
): ApplyLocale {
  const asked = new URLSearchParams(search).get('lang');
  for (const tag of asked ? [asked, ...languages] : languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'en' || base === 'fr') return base;
  }
  return 'en';
}

/** Switches the language and mirrors it on <html lang> so screen readers pronounce it right. */
export async function useApplyLocale(locale: ApplyLocale): Promise<void> {
  document.documentElement.lang = locale;
  await setLocale(locale);
}

/** A closing date in the reader's language and time zone, e.g. "Friday 3 July 2026 at 17:00". */
export function closingDate(iso: string): string {
  return new Intl.DateTimeFormat(formattingLocale(getLocale()), {
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(new Date(iso));
}
