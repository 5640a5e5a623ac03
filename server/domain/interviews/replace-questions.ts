import type { Transaction } from 'kysely';
import type { Question } from '../../contracts/api.js';
import type { InterviewChanges } from '../../contracts/edit-requests.js';
import type { Database } from '../../db/schema.js';
import { ConflictError, InputError } from '../../errors.js';
import { newId } from '../../ids.js';

type QuestionEdits = NonNullable<InterviewChanges['questions']>;

const LOCKED_MESSAGE =
  'Candidates have started answering, so the questions can no longer change. ' +
  'The title, introduction and deadline can still be edited.';

export function questionsLockedError(): ConflictError {
  return new ConflictError('questions_locked', LOCKED_MESSAGE);
}

/** Ids sent back must be this interview's questions, each at most once. */
export function checkQuestionIds(current: Question[], edits: QuestionEdits): void {
  const known = new Set(current.map((q) => q.id));
  const seen = new Set<string>();
  const errors = edits.flatMap((edit, index) => {
    if (edit.id === undefined) return [];
    const path = `questions.${index}.id`;
    if (!known.has(edit.id)) return [{ path, message: 'is not a question of this interview' }];
    if (seen.has(edit.id)) return [{ path, message: 'appears more than once' }];
    seen.add(edit.id);
    return [];
  });
  if (errors.length > 0) {
    throw new InputError(
      `Some fields are not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`,
      errors,
    );
  }
}

/** True when the edit asks for exactly the questions there are now (an editor re-sending them). */
export function sameQuestions(current: Question[], edits: QuestionEdits): boolean {
  return (
    current.length === edits.length &&
    current.every((q, i) => {
      const edit = edits[i]!;
      return (
        edit.id === q.id &&
        edit.prompt === q.prompt &&
        edit.thinkSeconds === q.thinkSeconds &&
        edit.maxSeconds === q.maxSeconds &&
        edit.retakes === q.retakes
      );
    })
  );
}

/**
 * Replaces the question list while no answer refers to it. Deleting then inserting keeps the
 * (interview, position) uniqueness simple; kept questions keep their ids.
 */
export async function replaceQuestions(
  trx: Transaction<Database>,
  interviewId: string,
  edits: QuestionEdits,
): Promise<void> {
  const anyAnswer = await trx
    .selectFrom('answers')
    .innerJoin('questions', 'questions.id', 'answers.questionId')
    .select('answers.id')
    .where('questions.interviewId', '=', interviewId)
    .limit(1)
    .executeTakeFirst();
  if (anyAnswer) throw questionsLockedError();
  await trx.deleteFrom('questions').where('interviewId', '=', interviewId).execute();
  await trx
    .insertInto('questions')
    .values(
      edits.map((edit, position) => ({
        id: edit.id ?? newId(),
        interviewId,
        position,
        prompt: edit.prompt,
        thinkSeconds: edit.thinkSeconds,
        maxSeconds: edit.maxSeconds,
        retakes: edit.retakes,
      })),
    )
    .execute();
}

/** A candidate's first answer landing between our check and our delete: the database says no. */
export function isForeignKeyViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
