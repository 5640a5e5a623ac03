import type { z } from 'zod';
import type { CreateInterviewRequest, Interview, Question } from '../../contracts/api.js';
import type { Db } from '../../db/database.js';
import { NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import { programmeOf, programmesOf, saveProgramme } from '../programmes/programme-settings.js';
import { storedRubric } from '../review/interview-rubric.js';
import { assertCompetenciesKnown, interviewRubricOf, questionOf } from '../review/rubric.js';

type NewInterview = z.output<typeof CreateInterviewRequest>;

export async function createInterview(
  db: Db,
  input: NewInterview,
  userId: string,
  now: Date,
): Promise<Interview> {
  assertCompetenciesKnown(input.competencies ?? [], input.questions);
  const rubric = storedRubric(input);
  const interview = {
    id: newId(),
    title: input.title,
    intro: input.intro,
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
      })
      .execute();
    await trx
      .insertInto('questions')
      .values(
        questions.map((q, i) => ({ ...q, ...rubric.questions[i], interviewId: interview.id })),
      )
      .execute();
    if (input.public) await saveProgramme(trx, interview.id, input.public);
  });
  return getInterview(db, interview.id);
}

/** The questions as candidates see them: no rubric. */
export async function questionsOf(db: Db, interviewId: string): Promise<Question[]> {
  return db
    .selectFrom('questions')
    .select(['id', 'position', 'prompt', 'thinkSeconds', 'maxSeconds', 'retakes'])
    .where('interviewId', '=', interviewId)
    .orderBy('position')
    .execute();
}

export async function getInterview(db: Db, id: string): Promise<Interview> {
  const row = await db
    .selectFrom('interviews')
    .select(['id', 'title', 'intro', 'deadline', 'createdAt'])
    .select(['competencies', 'reviewSettings', 'allowAudioOnly'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('There is no such interview.');
  const { competencies, reviewSettings, allowAudioOnly, ...rest } = row;
  const questions = await db
    .selectFrom('questions')
    .selectAll()
    .where('interviewId', '=', id)
    .orderBy('position')
    .execute();
  return {
    ...rest,
    questions: questions.map(questionOf),
    ...interviewRubricOf({ competencies, reviewSettings }),
    public: await programmeOf(db, id),
    allowAudioOnly: Number(allowAudioOnly) === 1,
  };
}

export async function listInterviews(db: Db): Promise<Interview[]> {
  const rows = await db
    .selectFrom('interviews')
    .select(['id', 'title', 'intro', 'deadline', 'createdAt'])
    .select(['competencies', 'reviewSettings', 'allowAudioOnly'])
    .orderBy('createdAt', 'desc')
    .execute();
  if (rows.length === 0) return [];
  const questions = await db
    .selectFrom('questions')
    .selectAll()
    .where(
      'interviewId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('position')
    .execute();
  const programmes = await programmesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map(({ competencies, reviewSettings, allowAudioOnly, ...row }) => ({
    ...row,
    questions: questions.filter((q) => q.interviewId === row.id).map(questionOf),
    ...interviewRubricOf({ competencies, reviewSettings }),
    public: programmes.get(row.id) ?? null,
    allowAudioOnly: Number(allowAudioOnly) === 1,
  }));
}
