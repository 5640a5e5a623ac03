import assert from 'node:assert/strict';
import type { Answer, Invitation } from '../../server/contracts/api.js';
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
