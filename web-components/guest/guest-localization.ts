/**
 * Localisation for the hiring manager's page, its own small bundle: it loads only the guest
 * translations. `?lang=` wins, then the browser's languages, then English.
 */
import { configureLocalization } from '@lit/localize';

export type GuestLocale = 'en' | 'fr';

const { getLocale, setLocale } = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['fr'],
  loadLocale: async () => ({
    templates: (await import('../i18n/locales/fr-guest.js')).guestFr,
  }),
});

export { getLocale };

export function preferredGuestLocale(
  search = location.search,
  languages: readonly string[] = navigator.languages,
): GuestLocale {
  const asked = new URLSearchParams(search).get('lang');
  for (const tag of asked ? [asked, ...languages] : languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'en' || base === 'fr') return base;
  }
  return 'en';
}

/** Switches the language and mirrors it on <html lang> so screen readers pronounce it right. */
export async function useGuestLocale(locale: GuestLocale): Promise<void> {
  document.documentElement.lang = locale;
  await setLocale(locale);
}
