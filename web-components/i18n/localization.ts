/**
 * Runtime localisation with @lit/localize. Components call `msg('Text', { id: 'area.key' })`
 * and decorate themselves with `@localized()` so they re-render when the locale changes.
 * English is the source; other locales are id → text maps assembled in locales/<code>.ts.
 */
import { configureLocalization } from '@lit/localize';

export const SOURCE_LOCALE = 'en';
export const TARGET_LOCALES = ['fr'] as const;
export type Locale = typeof SOURCE_LOCALE | (typeof TARGET_LOCALES)[number];

const { getLocale, setLocale } = configureLocalization({
  sourceLocale: SOURCE_LOCALE,
  targetLocales: TARGET_LOCALES,
  loadLocale: async (locale) => {
    if (locale === 'fr') return import('./locales/fr.js');
    throw new Error(`No translations for ${locale}`);
  },
});

export { getLocale, setLocale };

/**
 * `?lang=fr` wins, then the language the person chose before on this device (`remembered`,
 * the staff workspace's), then the browser's preferred languages, then English.
 */
export function preferredLocale(
  search = location.search,
  languages: readonly string[] = navigator.languages,
  remembered: string | null = null,
): Locale {
  const asked = new URLSearchParams(search).get('lang');
  const candidates = [asked, remembered, ...languages].filter((tag): tag is string => !!tag);
  for (const tag of candidates) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === SOURCE_LOCALE) return SOURCE_LOCALE;
    const match = TARGET_LOCALES.find((l) => l === base);
    if (match) return match;
  }
  return SOURCE_LOCALE;
}

/** Sets the locale from preferences and mirrors it on <html lang> for screen readers. */
export async function applyPreferredLocale(remembered: string | null = null): Promise<void> {
  const locale = preferredLocale(location.search, navigator.languages, remembered);
  document.documentElement.lang = locale;
  await setLocale(locale);
}

/**
 * The language the invitation was made in (issue 21): it wins over the browser's, because a
 * candidate who applied in French on a borrowed or English-set phone should meet French. Her
 * own choice (`?lang=`, which the switcher writes) wins over both.
 */
export async function adoptInvitationLocale(
  language: string | undefined,
  search = location.search,
): Promise<void> {
  if (!language || new URLSearchParams(search).has('lang')) return;
  const locale = language === 'fr' ? 'fr' : SOURCE_LOCALE;
  document.documentElement.lang = locale;
  await setLocale(locale);
}
