import type { ProgrammeSettings, PublicProgramme } from '../../contracts/programmes.js';
import {
  type TextLanguage,
  type Translations,
  textIn,
  translationsOf,
} from '../../contracts/translations.js';
import type { Deps } from '../../deps.js';
import { NotFoundError } from '../../errors.js';
import { DEFAULT_CONSENT_TEXT, toProgrammeSettings } from './programme-settings.js';

export interface OpenProgramme {
  interviewId: string;
  title: string;
  intro: string;
  /** Issue 21: the title and intro in other languages. */
  translations: Translations<{ title: string; intro: string }>;
  deadline: string | null;
  settings: ProgrammeSettings;
}

/** An enabled programme by its slug; 404 for an unknown or a disabled one alike. */
export async function loadOpenProgramme(deps: Deps, slug: string): Promise<OpenProgramme> {
  const row = /^[a-z0-9-]{3,60}$/.test(slug)
    ? await deps.db
        .selectFrom('programmes')
        .innerJoin('interviews', 'interviews.id', 'programmes.interviewId')
        .selectAll('programmes')
        .select([
          'interviews.title',
          'interviews.intro',
          'interviews.translations',
          'interviews.deadline',
        ])
        .where('programmes.slug', '=', slug)
        .where('programmes.enabled', '=', 1)
        .executeTakeFirst()
    : undefined;
  if (!row) throw new NotFoundError('There is no open programme at this address.');
  return {
    interviewId: row.interviewId,
    title: row.title,
    intro: row.intro,
    translations: translationsOf(row.translations),
    deadline: row.deadline,
    settings: toProgrammeSettings(row),
  };
}

/** When applications for a location close: its own deadline, or the interview's if earlier. */
export function locationClosesAt(deadline: string, interviewDeadline: string | null): string {
  return interviewDeadline && interviewDeadline < deadline ? interviewDeadline : deadline;
}

/**
 * GET /public/programmes/:slug: what an applicant sees; never the required answers. The
 * organisers' texts are in `language` where they wrote it (issue 21), else as written.
 */
export async function publicProgramme(
  deps: Deps,
  slug: string,
  language: TextLanguage = 'en',
): Promise<PublicProgramme> {
  const programme = await loadOpenProgramme(deps, slug);
  const now = deps.now().toISOString();
  return {
    title: textIn(programme, language, 'title'),
    intro: textIn(programme, language, 'intro'),
    locations: programme.settings.locations.map((l) => ({
      key: l.key,
      name: l.name,
      deadline: l.deadline,
      open: locationClosesAt(l.deadline, programme.deadline) > now,
    })),
    eligibility: programme.settings.eligibility.map((question) => ({
      key: question.key,
      prompt: textIn(question, language, 'prompt'),
    })),
    consentText: programme.settings.consentText,
    consentTextIsBuiltIn: programme.settings.consentText === DEFAULT_CONSENT_TEXT,
  };
}
