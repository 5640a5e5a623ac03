import assert from 'node:assert/strict';
import type { Answer, Invitation } from '../../server/contracts/api.js';
import type { Db } from '../../server/db/database.js';
import { newId } from '../../server/ids.js';
import { CLIP_MIME, clipChunks } from '../api/support.js';
import { type Api, recordAnswer, tokenOf, waitForAnswer } from '../helpers/api.js';

export interface Finished {
  invitation: Invitation;
  candidate: Api;
  /** The candidate's ready answers, in question order. */
  answers: Answer[];
}

/**
 * Invites these people, has each record every question (real uploads, real ffmpeg) and
 * finish: what a review starts from.
 */
export async function finishedCandidates(
  staff: Api,
  interview: { id: string; questions: { id: string }[] },
  people: { name: string; email: string; language?: 'en' | 'fr' }[],
): Promise<Finished[]> {
  const invited = await staff.post(`/interviews/${interview.id}/invitations`, {
    candidates: people,
  });
  assert.equal(invited.status, 201, JSON.stringify(invited.body));
  const chunks = await clipChunks(2);
  const submitted: { invitation: Invitation; candidate: Api; answers: Answer[] }[] = [];
  for (const invitation of invited.body.items as Invitation[]) {
    const candidate = staff.as(tokenOf(invitation.url!));
    const answers: Answer[] = [];
    for (const q of interview.questions)
      answers.push(await recordAnswer(candidate, q.id, CLIP_MIME, chunks));
    submitted.push({ invitation, candidate, answers });
  }
  const finished: Finished[] = [];
  for (const { invitation, candidate, answers } of submitted) {
    const ready: Answer[] = [];
    for (const a of answers) ready.push(await waitForAnswer(candidate, a.id, 240_000));
    for (const r of ready) assert.equal(r.status, 'ready', JSON.stringify(r));
    const done = await candidate.post('/candidate/finish');
    assert.equal(done.status, 200, JSON.stringify(done.body));
    finished.push({ invitation, candidate, answers: ready });
  }
  return finished;
}

export const ONE_QUESTION = [
  { prompt: 'Tell us about a customer you helped.', thinkSeconds: 10, maxSeconds: 60, retakes: 0 },
];

/**
 * What recording and finishing leave behind, written straight to the database for tests about
 * what comes after (the recording path has its own tests): a completed invitation with one ready
 * answer to the given question (or one still converting). Returns the answer's id.
 */
export async function seedReadyAnswer(
  db: Db,
  invitationId: string,
  questionId: string,
  status: 'ready' | 'processing' = 'ready',
): Promise<string> {
  const now = new Date().toISOString();
  await db
    .updateTable('invitations')
    .set({ status: 'completed', completedAt: now })
    .where('id', '=', invitationId)
    .execute();
  return insertReadyAnswer(db, invitationId, questionId, now, status);
}

/**
 * One ready answer row (or one still converting), as the recording path leaves it, for tests
 * that set the invitation's own state themselves. Returns the answer's id.
 */
export async function insertReadyAnswer(
  db: Db,
  invitationId: string,
  questionId: string,
  now = new Date().toISOString(),
  status: 'ready' | 'processing' = 'ready',
): Promise<string> {
  const answerId = newId();
  await db
    .insertInto('answers')
    .values({
      id: answerId,
      invitationId,
      questionId,
      attempt: 1,
      mimeType: 'video/webm',
      status,
      maxChunkBytes: 1,
      chunkCount: 1,
      clientDurationMs: null,
      durationMs: 1000,
      width: null,
      height: null,
      error: null,
      videoKey: null,
      posterKey: null,
      createdAt: now,
      completedAt: now,
      updatedAt: now,
      budgetMaxSeconds: null,
      storedBytes: 0,
      failureCause: null,
    })
    .execute();
  return answerId;
}

/** Saves `who`'s score of one answer and returns the saved rating (with its independence flags). */
export async function saveRating(who: Api, answerId: string, score: number) {
  const res = await who.put(`/answers/${answerId}/ratings/me`, { score });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}
