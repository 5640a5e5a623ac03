/**
 * Issue 21 item 2: the `translations` member that objects carrying organiser-written text accept
 * (interview title and intro, question prompts and anchors, competency names and descriptions,
 * eligibility prompts): `{ en?: {...}, fr?: {...} }`, each with some of the object's own text
 * fields under the same bounds. Empty texts are "not written" and dropped, so the echo holds
 * only what was written. No Node imports: bundled for browsers too.
 */
import { z } from 'zod';
import { type Translations, textIn, textLanguageOf } from './localized-text.js';

export {
  anchorsIn,
  localize,
  TEXT_LANGUAGES,
  type TextLanguage,
  type Translatable,
  type Translations,
  textIn,
  textLanguageOf,
} from './localized-text.js';

/** `translations` for an object whose text fields are `shape` (each optional, may be empty). */
export function translationsInput<S extends z.ZodRawShape>(shape: S) {
  const version = z.strictObject(shape).partial();
  return z
    .strictObject({ en: version.optional(), fr: version.optional() })
    .transform((value) => withoutEmpty(value) as Translations<z.output<typeof version>>);
}

/** Drops empty strings and the objects that are left empty (recursively). */
function withoutEmpty(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const kept = Object.entries(value).flatMap(([key, v]) => {
    const clean = withoutEmpty(v);
    if (clean === undefined || clean === '') return [];
    if (typeof clean === 'object' && clean !== null && Object.keys(clean).length === 0) return [];
    return [[key, clean] as const];
  });
  return Object.fromEntries(kept);
}

/** Stored translations (a JSON column), or none; a hand-edited row must not take a page down. */
export function translationsOf<T extends object = Translations<Record<string, string>>>(
  text: string | undefined | null,
): T {
  try {
    const parsed: unknown = text ? JSON.parse(text) : null;
    return parsed && typeof parsed === 'object' ? (parsed as T) : ({} as T);
  } catch {
    return {} as T;
  }
}

/**
 * An interview's title for a reader of `language` (the emails a candidate gets): its
 * translations as stored (JSON) or as presented, with the same fallback as everywhere.
 */
export function interviewTitleIn(
  interview: { title: string; translations?: unknown },
  language: unknown,
): string {
  const translations =
    typeof interview.translations === 'string'
      ? translationsOf<Translations<{ title: string }>>(interview.translations)
      : ((interview.translations ?? {}) as Translations<{ title: string }>);
  return textIn({ title: interview.title, translations }, textLanguageOf(language), 'title');
}

/** `{ translations }` when some were written, else nothing (echoes stay as they were). */
export function withTranslations<T extends object>(translations: T): { translations?: T } {
  return Object.keys(translations).length > 0 ? { translations } : {};
}
