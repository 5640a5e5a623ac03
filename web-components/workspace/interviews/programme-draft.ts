import type {
  EligibilityQuestion,
  ProgrammeSettingsInput,
} from '../../../server/contracts/programmes.js';
import { fromLocalInput, toLocalInput } from '../shared/format.js';

/** Rows as the settings form holds them: a stable render key, deadlines as local wall time. */
export interface LocationDraft {
  row: number;
  key: string;
  name: string;
  deadline: string;
}

export interface QuestionDraft {
  row: number;
  key: string;
  prompt: string;
  requiredAnswer: boolean;
  /** Issue 21: the prompt in other languages, sent back as loaded and edited. */
  translations?: EligibilityQuestion['translations'];
}

export interface ProgrammeDraft {
  enabled: boolean;
  slug: string;
  locations: LocationDraft[];
  eligibility: QuestionDraft[];
  /** The privacy text beside the consent box; empty: the server's default. */
  consentText: string;
}

export const SLUG = /^[a-z0-9-]{3,60}$/;

let nextRow = 1;

/** "Île-de-France 2027!" → "ile-de-france-2027": what the URL and the API keys allow. */
export function slugify(text: string, max = 60): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** A key for a new row, from its text, unique among `taken`: keys of saved rows never change. */
export function uniqueKey(text: string, taken: string[], fallback: string): string {
  const base = slugify(text, 36) || fallback;
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}-${n}`;
  return key;
}

export function newLocation(): LocationDraft {
  return { row: nextRow++, key: '', name: '', deadline: '' };
}

export function newQuestion(): QuestionDraft {
  return { row: nextRow++, key: '', prompt: '', requiredAnswer: true };
}

export function draftOf(settings: ProgrammeSettingsInput | null, title: string): ProgrammeDraft {
  if (!settings) {
    return {
      enabled: false,
      slug: slugify(title),
      locations: [newLocation()],
      eligibility: [],
      consentText: '',
    };
  }
  return {
    enabled: settings.enabled,
    slug: settings.slug,
    locations: settings.locations.map((l) => ({
      row: nextRow++,
      key: l.key,
      name: l.name,
      deadline: toLocalInput(l.deadline),
    })),
    eligibility: settings.eligibility.map((q) => ({ row: nextRow++, ...q })),
    consentText: settings.consentText ?? '',
  };
}

/** What the API receives; new rows get keys made from their text. */
export function toSettings(draft: ProgrammeDraft): ProgrammeSettingsInput {
  const locationKeys = draft.locations.filter((l) => l.key).map((l) => l.key);
  const questionKeys = draft.eligibility.filter((q) => q.key).map((q) => q.key);
  return {
    enabled: draft.enabled,
    slug: draft.slug.trim(),
    locations: draft.locations.map((l, i) => {
      const key = l.key || uniqueKey(l.name, locationKeys, `location-${i + 1}`);
      if (!l.key) locationKeys.push(key);
      return { key, name: l.name.trim(), deadline: fromLocalInput(l.deadline) ?? '' };
    }),
    eligibility: draft.eligibility.map((q, i) => {
      const key = q.key || uniqueKey(q.prompt, questionKeys, `question-${i + 1}`);
      if (!q.key) questionKeys.push(key);
      const translated = q.translations ? { translations: q.translations } : {};
      return { key, prompt: q.prompt.trim(), requiredAnswer: q.requiredAnswer, ...translated };
    }),
    ...(draft.consentText.trim() ? { consentText: draft.consentText.trim() } : {}),
  };
}
