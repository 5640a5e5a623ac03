/**
 * Issue 21 item 2: organiser-written text in English and French. An object that carries such
 * text keeps its fields as they are (the text as written, read by every existing client) and may
 * add `translations: { en?: {...}, fr?: {...} }` with the same fields in another language. No
 * imports at all, so a browser bundle may use these values without zod or Node.
 */

export const TEXT_LANGUAGES = ['en', 'fr'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/** Per language, some of the object's text fields (an empty or absent one is "not written"). */
export type Translations<T> = Partial<Record<TextLanguage, Partial<T>>>;

/** Anything with text fields `T` and, optionally, their translations. */
export type Translatable<T> = T & { translations?: Translations<T> };

/** The other language, where the fallback is looked for. */
function otherThan(language: TextLanguage): TextLanguage {
  return language === 'en' ? 'fr' : 'en';
}

/**
 * The one place a text is picked for a reader: the version written in their language if there
 * is one, else the text as written (the organiser's own language), else the other language's
 * version (a field left empty in the main text but written in a translation).
 */
export function textIn<T extends object, K extends keyof T & string>(
  item: Translatable<T>,
  language: TextLanguage,
  field: K,
): T[K] {
  const wanted = item.translations?.[language]?.[field];
  if (isWritten(wanted)) return wanted as T[K];
  if (isWritten(item[field])) return item[field];
  const other = item.translations?.[otherThan(language)]?.[field];
  return isWritten(other) ? (other as T[K]) : item[field];
}

/** The same object with the given text fields in `language` and no `translations` member. */
export function localize<T extends object, K extends keyof T & string>(
  item: T & { translations?: Translations<Pick<T, K>> },
  language: TextLanguage,
  fields: readonly K[],
): Omit<T, 'translations'> {
  const { translations: _, ...rest } = item;
  const picked = Object.fromEntries(
    fields.map((f) => [f, textIn(item as Translatable<Pick<T, K>>, language, f)]),
  );
  return { ...rest, ...picked } as Omit<T, 'translations'>;
}

/** Anchors (score → sentence) in `language`, score by score with the same fallback. */
export function anchorsIn<A extends Partial<Record<string, string>>>(
  anchors: A,
  translations: Translations<A> | undefined,
  language: TextLanguage,
): A {
  const item: Translatable<A> = { ...anchors, translations };
  const scores = new Set([
    ...Object.keys(anchors),
    ...Object.keys(translations?.en ?? {}),
    ...Object.keys(translations?.fr ?? {}),
  ]);
  const result: Record<string, string> = {};
  for (const score of [...scores].sort()) {
    const text = textIn(item, language, score as keyof A & string);
    if (isWritten(text)) result[score] = text as string;
  }
  return result as A;
}

/** A reader's language from anything (a query string, a stored column): French or English. */
export function textLanguageOf(value: unknown): TextLanguage {
  return value === 'fr' ? 'fr' : 'en';
}

function isWritten(value: unknown): boolean {
  return typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null;
}
