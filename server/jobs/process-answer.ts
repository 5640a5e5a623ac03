import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from '../deps.js';
import { discardErasedAnswer, invitationsNotErasing } from '../domain/erasure/media-jobs.js';
import { answerKeys } from '../domain/takes/answer-keys.js';
import { enqueueProcessAnswer } from '../domain/takes/enqueue-answer.js';
import { emitWebhookEvent } from '../domain/webhooks/outbox.js';
import { answerBudget } from '../media/answer-budget.js';
import { storeAudioRendition } from '../media/audio-rendition.js';
import { convertRecording, UnplayableMediaError } from '../media/convert-recording.js';
import type { FfmpegBinaries } from '../media/ffmpeg-binaries.js';
import { newWorkDir } from '../media/work-dirs.js';
import { failTake } from './fail-take.js';
import { type JobContext, PermanentJobError } from './job-queue.js';

/**
 * Turns an answer's chunks into a playable MP4 and a poster: join → convert → store → record.
 * Raw chunks are removed only after the result is safely stored, so a failure loses nothing.
 */
export function processAnswerJob(deps: Deps, ffmpeg: FfmpegBinaries) {
  return async ({ answerId }: { answerId: string }, ctx: JobContext): Promise<void> => {
    const answer = await deps.db
      .selectFrom('answers')
      .innerJoin('questions', 'questions.id', 'answers.questionId')
      .select([
        'answers.id',
        'answers.status',
        'answers.invitationId',
        'answers.clientDurationMs',
        'answers.budgetMaxSeconds',
        'questions.maxSeconds',
      ])
      .where('answers.id', '=', answerId)
      .executeTakeFirst();
    if (answer?.status !== 'processing') return;
    const log = deps.log.child({ answerId });
    let lastStep = 0;
    // Staff see processing advance; every 10 % is enough and keeps the event stream quiet.
    const reportProgress = (percent: number) => {
      const step = Math.floor(percent / 10) * 10;
      if (step <= lastStep || step >= 100) return;
      lastStep = step;
      deps.events.publish('answer-progress', {
        answerId,
        invitationId: answer.invitationId,
        percent: step,
      });
    };
    const workDir = await newWorkDir(deps.config.dataDir, 'answer');
    try {
      const started = Date.now();
      const inputPath = path.join(workDir, 'recording');
      await joinChunks(deps, answerId, inputPath);
      const joinedMs = Date.now() - started;
      // Every limit of this take, from its effective length limit (an accommodation raises it).
      const budget = answerBudget(answer.budgetMaxSeconds ?? answer.maxSeconds);
      const result = await convertRecording({
        binaries: ffmpeg,
        log,
        inputPath,
        workDir,
        // Generous: a phone's clock or a late stop can run past the limit; never refuse real video.
        maxDurationMs: budget.maxDurationMs,
        decodeLimits: budget,
        expectedDurationMs: answer.clientDurationMs ?? undefined,
        onProgress: (percent) => {
          ctx.progress(percent);
          reportProgress(percent);
        },
      });
      const keys = answerKeys(answerId);
      const videoKey = keys.video;
      const posterKey = result.posterPath ? keys.poster : null;
      await deps.storage.put(videoKey, createReadStream(result.videoPath), {
        contentType: 'video/mp4',
      });
      if (result.posterPath && posterKey) {
        await deps.storage.put(posterKey, createReadStream(result.posterPath), {
          contentType: 'image/jpeg',
        });
      }
      const audioKey = await storeAudioRendition(
        { binaries: ffmpeg, storage: deps.storage, log },
        keys.audio,
        result.videoPath,
      );
      // answer.ready is queued in the same transaction: the event exists iff the answer is ready.
      const stored = await deps.db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('answers')
          .set({
            audioKey,
            status: 'ready',
            durationMs: result.durationMs,
            width: result.width,
            height: result.height,
            videoKey,
            posterKey,
            error: null,
            updatedAt: deps.now().toISOString(),
          })
          .where('id', '=', answerId)
          .where('invitationId', 'in', invitationsNotErasing(trx))
          .executeTakeFirst();
        if (row.numUpdatedRows > 0n)
          await emitWebhookEvent(
            deps,
            'answer.ready',
            { answerId, invitationId: answer.invitationId },
            trx,
          );
        return row;
      });
      if (stored.numUpdatedRows === 0n) return discardErasedAnswer(deps, answerId);
      await deps.storage.deletePrefix(keys.chunks);
      log.info(
        {
          mode: result.mode,
          durationMs: result.durationMs,
          joinedMs,
          ...result.timingsMs,
          totalMs: Date.now() - started,
        },
        'answer ready',
      );
      deps.events.publish('answer-status', {
        answerId,
        invitationId: answer.invitationId,
        status: 'ready',
      });
    } catch (err) {
      if (err instanceof UnplayableMediaError) throw new PermanentJobError(err.message);
      throw err;
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  };
}

/** Concatenates the chunks in index order: MediaRecorder slices of one take join into one file. */
async function joinChunks(deps: Deps, answerId: string, target: string): Promise<void> {
  const chunks = await deps.db
    .selectFrom('chunks')
    .select('storageKey')
    .where('answerId', '=', answerId)
    .orderBy('idx')
    .execute();
  const out = createWriteStream(target);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => {});
  try {
    for (const chunk of chunks) {
      const { body } = await deps.storage.get(chunk.storageKey);
      for await (const piece of body) {
        if (!out.write(piece)) await Promise.race([once(out, 'drain'), failed]);
      }
    }
  } finally {
    await new Promise<void>((resolve, reject) =>
      out.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
  }
}

/** After the last try: the answer is `failed` with a sentence a person can act on. */
export function processAnswerFailed(deps: Deps) {
  return async ({ answerId }: { answerId: string }, error: Error): Promise<void> => {
    // Only the recording's own fault (not media) costs the candidate; a failure of ours is free.
    const row = await failTake(deps, answerId, error instanceof PermanentJobError ? error : null);
    if (row)
      deps.events.publish('answer-status', {
        answerId,
        invitationId: row.invitationId,
        status: 'failed',
      });
  };
}

/** Answers left `processing` without a pending job get one; returns how many were queued. */
export async function requeueStrandedAnswers(deps: Deps): Promise<number> {
  const stranded = await deps.db
    .selectFrom('answers')
    .innerJoin('questions', 'questions.id', 'answers.questionId')
    .select([
      'answers.id',
      'answers.invitationId',
      'answers.budgetMaxSeconds',
      'questions.maxSeconds',
    ])
    .where('answers.status', '=', 'processing')
    .execute();
  for (const answer of stranded)
    await enqueueProcessAnswer(deps, {
      id: answer.id,
      invitationId: answer.invitationId,
      costSeconds: answer.budgetMaxSeconds ?? answer.maxSeconds,
    });
  return stranded.length;
}
