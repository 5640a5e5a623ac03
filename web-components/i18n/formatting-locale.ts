/**
 * The locale dates and numbers are written in: the browser's own regional variant of the chosen
 * language (a British browser reading English gets "12 Mar 2031, 14:05", not the US order), or
 * the language alone when the browser names none of that language (a French page on an English
 * browser is written the French way).
 * `language` comes from the caller: this module must not load a localization set-up of its own
 * (the apply page configures lit-localize separately, and it may be configured only once).
 */
export function formattingLocale(
  language: string | undefined,
  browserLanguages: readonly string[] = navigator.languages ?? [],
): string | undefined {
  if (!language) return undefined;
  const regional = browserLanguages.find(
    (tag) => tag.toLowerCase().split('-')[0] === language.toLowerCase(),
  );
  if (!regional) return language;
  return Intl.DateTimeFormat.supportedLocalesOf([regional]).length > 0 ? regional : language;
}
