import type { z } from 'zod';
import type { CreateInterviewRequest, Interview, Question } from '../contracts/api.js';
import type { Db } from '../db/database.js';
import { NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import { programmeOf, programmesOf, saveProgramme } from './programmes/programme-settings.js';

type NewInterview = z.output<typeof CreateInterviewRequest>;

export async function createInterview(
  db: Db,
  input: NewInterview,
  userId: string,
  now: Date,
): Promise<Interview> {
  const interview: Interview = {
    id: newId(),
    title: input.title,
    intro: input.intro,
    deadline: input.deadline ? new Date(input.deadline).toISOString() : null,
    createdAt: now.toISOString(),
    questions: input.questions.map((q, position) => ({ id: newId(), position, ...q })),
  };
  await db.transaction().execute(async (trx) => {
    const { questions, public: _, ...row } = interview;
    await trx
      .insertInto('interviews')
      .values({ ...row, createdBy: userId })
      .execute();
    await trx
      .insertInto('questions')
      .values(questions.map((q) => ({ ...q, interviewId: interview.id })))
      .execute();
    if (input.public) await saveProgramme(trx, interview.id, input.public);
  });
  return { ...interview, public: await programmeOf(db, interview.id) };
}

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
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('There is no such interview.');
  return { ...row, questions: await questionsOf(db, id), public: await programmeOf(db, id) };
}

export async function listInterviews(db: Db): Promise<Interview[]> {
  const rows = await db
    .selectFrom('interviews')
    .select(['id', 'title', 'intro', 'deadline', 'createdAt'])
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
  return rows.map((row) => ({
    ...row,
    public: programmes.get(row.id) ?? null,
    questions: questions
      .filter((q) => q.interviewId === row.id)
      .map(({ interviewId: _, ...q }) => q),
  }));
}
