/** Candidates with answers and media, written straight to the database and storage (fast). */
import { randomBytes } from 'node:crypto';
import type { Deps } from '../../../server/deps.js';
import { answerKeys } from '../../../server/domain/takes/answer-keys.js';
import { newId } from '../../../server/ids.js';

export async function benchInterview(
  deps: Deps,
  options: { deadline: string | null; retentionDays: number },
): Promise<{ interviewId: string; questionIds: string[] }> {
  const admin = await deps.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
  const interviewId = newId();
  const now = new Date().toISOString();
  await deps.db
    .insertInto('interviews')
    .values({
      id: interviewId,
      title: 'Bench',
      intro: '',
      deadline: options.deadline,
      createdBy: admin.id,
      createdAt: now,
      retentionDays: options.retentionDays,
      privacyText: null,
    })
    .execute();
  const questionIds = Array.from({ length: 5 }, () => newId());
  await deps.db
    .insertInto('questions')
    .values(
      questionIds.map((id, position) => ({
        id,
        interviewId,
        position,
        prompt: `Question ${position + 1}`,
        thinkSeconds: 30,
        maxSeconds: 60,
        retakes: 0,
      })),
    )
    .execute();
  return { interviewId, questionIds };
}

/** One invitation; with `answers`, that many ready answers with video, poster and a chunk. */
export async function benchCandidate(
  deps: Deps,
  interview: { interviewId: string; questionIds: string[] },
  answers: number,
  expiresAt = new Date(Date.now() + 86_400_000).toISOString(),
): Promise<{ invitationId: string; answerIds: string[] }> {
  const now = new Date().toISOString();
  const candidateId = newId();
  const invitationId = newId();
  await deps.db
    .insertInto('candidates')
    .values({
      id: candidateId,
      name: `Bench ${candidateId}`,
      email: `${candidateId}@bench.test`,
      createdAt: now,
    })
    .execute();
  await deps.db
    .insertInto('invitations')
    .values({
      id: invitationId,
      interviewId: interview.interviewId,
      candidateId,
      tokenHash: randomBytes(32).toString('hex'),
      status: 'completed',
      expiresAt,
      startedAt: now,
      completedAt: now,
      createdAt: now,
      erasingAt: null,
      consentAt: null,
      consentVersion: null,
    })
    .execute();
  const answerIds: string[] = [];
  for (const questionId of interview.questionIds.slice(0, answers)) {
    const id = newId();
    answerIds.push(id);
    const media = randomBytes(64 * 1024);
    const keys = answerKeys(id);
    await deps.storage.put(keys.video, media);
    await deps.storage.put(keys.poster, media.subarray(0, 8192));
    await deps.storage.put(keys.audio, media.subarray(0, 16384));
    await deps.storage.put(keys.chunk(0, 'x'), media.subarray(0, 4096));
    await deps.db
      .insertInto('answers')
      .values({
        id,
        invitationId,
        questionId,
        attempt: 1,
        mimeType: 'video/webm',
        status: 'ready',
        maxChunkBytes: 1 << 20,
        chunkCount: 1,
        clientDurationMs: 2000,
        durationMs: 2000,
        width: 320,
        height: 240,
        error: null,
        videoKey: keys.video,
        posterKey: keys.poster,
        createdAt: now,
        completedAt: now,
        updatedAt: now,
        budgetMaxSeconds: null,
        storedBytes: 0,
        failureCause: null,
      })
      .execute();
  }
  return { invitationId, answerIds };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
