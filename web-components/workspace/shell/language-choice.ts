/**
 * The language a staff member picked in the workspace, kept on this device (issue 21) so that
 * a bookmark, a new tab or a reload shows the workspace in it: before, only `?lang=` in the
 * address carried it, and any plain link lost it. Storage may be refused (private modes,
 * policies): then the choice lasts as long as the page, as before.
 */
const KEY = 'ws.lang';

export function rememberedLanguage(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberLanguage(locale: string): void {
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // Not kept: the address still says it (`?lang=`).
  }
}
