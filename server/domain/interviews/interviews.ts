import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { CreateInterviewRequest, Interview, Question } from '../../contracts/api.js';
import type { ProgrammeSettings } from '../../contracts/programmes.js';
import {
  localize,
  type TextLanguage,
  type Translations,
  translationsOf,
  withTranslations,
} from '../../contracts/translations.js';
import type { Db } from '../../db/database.js';
import type { Database, InterviewsTable, QuestionsTable } from '../../db/schema.js';
import { NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import { type Viewer, visibleTo } from '../access/interview-access.js';
import type { Actor } from '../actor.js';
import type { Audit } from '../audit/audit-log.js';
import { programmesOf, saveProgramme } from '../programmes/programme-settings.js';
import { storedRubric } from '../review/interview-rubric.js';
import { assertCompetenciesKnown, interviewRubricOf, questionOf } from '../review/rubric.js';

type NewInterview = z.output<typeof CreateInterviewRequest>;

/** The database or a transaction in progress. */
type Executor = Kysely<Database>;

/**
 * Creates an interview whole (questions, rubric, apply link, retention and privacy settings) in
 * one transaction, and returns it as every other read does.
 */
export async function createInterview(
  db: Db,
  input: NewInterview,
  userId: string,
  now: Date,
  /** The trail to record `interview.created` in, inside the creation's transaction. */
  audited?: { audit: Audit; actor: Actor },
): Promise<Interview> {
  assertCompetenciesKnown(input.competencies ?? [], input.questions);
  const rubric = storedRubric(input);
  const interview = {
    id: newId(),
    title: input.title,
    intro: input.intro,
    translations: JSON.stringify(input.translations ?? {}),
    deadline: input.deadline ? new Date(input.deadline).toISOString() : null,
    createdAt: now.toISOString(),
    questions: input.questions.map((q, position) => ({
      id: newId(),
      position,
      prompt: q.prompt,
      thinkSeconds: q.thinkSeconds,
      maxSeconds: q.maxSeconds,
      retakes: q.retakes,
    })),
  };
  await db.transaction().execute(async (trx) => {
    const { questions, ...row } = interview;
    await trx
      .insertInto('interviews')
      .values({
        ...row,
        ...rubric.interview,
        createdBy: userId,
        allowAudioOnly: input.allowAudioOnly ? 1 : 0,
        // Left out, retentionDays takes the column's default (365 days).
        ...(input.retentionDays !== undefined ? { retentionDays: input.retentionDays } : {}),
        privacyText: input.privacyText ?? null,
      })
      .execute();
    await trx
      .insertInto('questions')
      .values(
        questions.map((q, i) => ({ ...q, ...rubric.questions[i], interviewId: interview.id })),
      )
      .execute();
    if (input.public) await saveProgramme(trx, interview.id, input.public);
    // New interviews start with their creator alone (API.md "Teams").
    await trx
      .insertInto('interviewMembers')
      .values({ interviewId: interview.id, userId, role: 'recruiter', createdAt: row.createdAt })
      .execute();
    await audited?.audit.recordInTransaction(trx, {
      actor: audited.actor,
      action: 'interview.created',
      target: { type: 'interview', id: interview.id },
    });
  });
  return getInterview(db, interview.id);
}

/**
 * The questions as candidates see them: no rubric, each prompt in `language` (issue 21: its
 * translation when written, else the prompt as written).
 */
export async function questionsOf(
  db: Db,
  interviewId: string,
  language: TextLanguage = 'en',
): Promise<Question[]> {
  const rows = await db
    .selectFrom('questions')
    .select(['id', 'position', 'prompt', 'thinkSeconds', 'maxSeconds', 'retakes', 'translations'])
    .where('interviewId', '=', interviewId)
    .orderBy('position')
    .execute();
  return rows.map(({ translations, ...question }) =>
    localize(
      { ...question, translations: translationsOf<Translations<{ prompt: string }>>(translations) },
      language,
      ['prompt'],
    ),
  );
}

/** What an Interview is built from: its row (with the data-rights settings) and its questions. */
const INTERVIEW_COLUMNS = [
  'id',
  'title',
  'intro',
  'deadline',
  'createdAt',
  'competencies',
  'reviewSettings',
  'allowAudioOnly',
  'retentionDays',
  'privacyText',
  'translations',
] as const;

type InterviewRow = Pick<Selectable<InterviewsTable>, (typeof INTERVIEW_COLUMNS)[number]>;

/** The one place the Interview the API returns is built (create, get, list and update). */
export function presentInterview(
  row: InterviewRow,
  questions: Selectable<QuestionsTable>[],
  programme: ProgrammeSettings | null,
): Interview {
  const {
    competencies,
    reviewSettings,
    allowAudioOnly,
    retentionDays,
    privacyText,
    translations,
    ...rest
  } = row;
  return {
    ...rest,
    ...withTranslations(translationsOf<NonNullable<Interview['translations']>>(translations)),
    questions: questions.map(questionOf),
    ...interviewRubricOf({ competencies, reviewSettings }),
    public: programme,
    allowAudioOnly: Number(allowAudioOnly) === 1,
    retentionDays,
    privacyText,
  };
}

/** Interviews with their questions and apply-link settings, newest first; one id or all. */
async function loadInterviews(
  db: Executor,
  onlyId?: string,
  viewer?: Viewer,
): Promise<Interview[]> {
  const rows = await db
    .selectFrom('interviews')
    .select(INTERVIEW_COLUMNS)
    .$if(onlyId !== undefined, (q) => q.where('id', '=', onlyId!))
    // Lists hold only the interviews the viewer may see (server/domain/access).
    .$if(viewer !== undefined, (q) => q.where(visibleTo(viewer!, 'interviews.id')))
    .orderBy('createdAt', 'desc')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const questions = await db
    .selectFrom('questions')
    .selectAll()
    .where('interviewId', 'in', ids)
    .orderBy('position')
    .execute();
  const programmes = await programmesOf(db, ids);
  return rows.map((row) =>
    presentInterview(
      row,
      questions.filter((q) => q.interviewId === row.id),
      programmes.get(row.id) ?? null,
    ),
  );
}

export async function getInterview(db: Executor, id: string): Promise<Interview> {
  const [interview] = await loadInterviews(db, id);
  if (!interview) throw new NotFoundError('There is no such interview.');
  return interview;
}

/** The interviews the viewer may see (server/domain/access), newest first. */
export async function listInterviews(db: Executor, viewer: Viewer): Promise<Interview[]> {
  return loadInterviews(db, undefined, viewer);
}
