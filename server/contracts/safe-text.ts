/**
 * Text rules for anything a person types that other people read (names, titles, prompts,
 * comments) and for anything that reaches SQL. Shared by the server and the web components,
 * so no Node imports. Reuse `safeText` / `refuseControls` in new schemas.
 *
 * - Refused (400): NUL and the other C0/C1 control characters (PostgreSQL cannot store NUL, and
 *   none has a meaning in a name), and the bidi embeddings, overrides and isolates
 *   (U+202A–U+202E, U+2066–U+2069), which make text display in another order than it is
 *   stored: "Eve\u202Egnp.exe" is read as something else than it is.
 * - Removed silently: invisible characters with no meaning in this kind of text (zero-width
 *   space, word joiner, byte-order mark, soft hyphen, Mongolian vowel separator), which only
 *   make two identical-looking names different.
 * - Kept: ZWNJ/ZWJ (U+200C/U+200D) are letters' business in Persian, Indic scripts and emoji,
 *   and the directional marks LRM/RLM/ALM (U+200E/U+200F/U+061C) are needed to write
 *   mixed-direction text correctly and cannot reorder what follows a line.
 */
import { z } from 'zod';

// Tab, line feed and carriage return are allowed only where text spans several lines.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROLS_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROLS_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI_OVERRIDES = /[\u202A-\u202E\u2066-\u2069]/;
const INVISIBLE = /[\u00AD\u180E\u200B\u2060-\u2064\uFEFF]/g;

export function removeInvisible(value: string): string {
  return value.replace(INVISIBLE, '');
}

/** The reason `value` is refused, or null when it is acceptable. */
export function unsafeTextReason(value: string, multiline = false): string | null {
  if ((multiline ? CONTROLS_MULTILINE : CONTROLS_SINGLE_LINE).test(value))
    return 'contains a control character';
  if (BIDI_OVERRIDES.test(value)) return 'contains a text-direction override character';
  return null;
}

/** Adds the refusal to any string schema (use it on identifiers, emails, mime types…). */
export function refuseControls<T extends z.ZodType<string>>(schema: T, multiline = false) {
  return schema.superRefine((value, ctx) => {
    const reason = unsafeTextReason(value, multiline);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  });
}

/**
 * Human text: invisible characters removed, controls and bidi overrides refused, trimmed, and
 * between `min` and `max` characters (after cleaning).
 */
export function safeText(options: { max: number; min?: number; multiline?: boolean }) {
  const { max, min = 0, multiline = false } = options;
  let inner = z.string().trim();
  if (min > 0) inner = inner.min(min, 'is required');
  inner = inner.max(max, `is longer than ${max} characters`);
  return z.string().transform(removeInvisible).pipe(refuseControls(inner, multiline));
}
