import type { str } from '@lit/localize';

/** id → translated text; `str` templates for messages with values (`${name}`). */
export type Translations = Record<string, string | ReturnType<typeof str>>;
