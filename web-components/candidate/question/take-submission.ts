/**
 * A take after its recording: handing it to the uploads, local playback, waiting until the
 * server accepted it, and a take cut short before this page opened (kept, or replaced at no cost when nothing of it arrived). These act
 * on <question-step>'s state, as question-views.ts reads it; the element stays the one owner.
 */
import { msg } from '@lit/localize';
import type { Answer } from '../../../server/contracts/api.js';
import { announce, emit } from '../events.js';
import { startErrorMessage } from '../messages.js';
import type { TakeResult } from '../recording/take-recorder.js';
import type { QuestionStep } from './question-step.js';

/** A take stopped (by the candidate, at the limit, or cut short): upload first, then the rest. */
export function takeEnded(step: QuestionStep, result: TakeResult): void {
  // The upload comes first: everything else here can wait for it.
  if (step.answer && !step.practice) {
    void step
      .uploads!.endTake(step.answer.id, result.durationMs, result.interrupted)
      .catch(() => storageProblem(step));
    followSubmission(step, step.answer.id);
  }
  step.playback.hold(result.blob);
  step.endedEarly = result.interrupted;
  step.phase = 'review';
  if (step.practice || !step.answer) {
    step.playback.show();
    announce(
      step,
      msg('Recording stopped. You can watch your practice answer.', {
        id: 'rec.practice.stopped',
      }),
    );
    return;
  }
  // Not while the last chunk is being sent: playback comes once saved, or after 3 s anyway.
  step.playback.showLater(3000);
  announce(step, msg('Recording stopped. Saving your answer.', { id: 'rec.recording.stopped' }));
}

export function storageProblem(step: QuestionStep): void {
  step.error = msg(
    'This device could not store the recording. Free some space, or keep this page open while it uploads.',
    { id: 'rec.error.storage' },
  );
}

/** Once the server has the whole take: say so, tell the recorder, offer the playback. */
export function followSubmission(step: QuestionStep, answerId: string): void {
  step.uploads!.submitted(answerId).then(
    (answer) => {
      if (step.answer?.id !== answerId) return;
      step.submitted = true;
      announce(step, msg('Your answer is saved.', { id: 'rec.saved' }));
      emit(step, 'answer-submitted', {
        questionId: answer.questionId,
        answerId: answer.id,
        attempt: answer.attempt,
        status: answer.status,
      });
      step.playback.show();
    },
    (err: Error & { code?: string }) => {
      if (step.answer?.id !== answerId) return;
      if (err.code === 'empty_take') nothingRecorded(step);
      else step.error = err.message;
    },
  );
}

/** The take ended before its first slice; the server forgot it, so it cost no attempt. */
function nothingRecorded(step: QuestionStep): void {
  step.takesUsed -= 1;
  step.playback.clear();
  Object.assign(step, { answer: null, phase: 'intro' });
  step.error = msg(
    'Nothing was recorded, so this did not use a retake. Please record your answer again.',
    { id: 'rec.empty-take' },
  );
}

/** A take cut short before this page opened: keep it (it costs nothing more) or retake. */
export function settleInterrupted(step: QuestionStep, answer: Answer): void {
  step.phase = 'interrupted';
  step.answer = answer;
  if (step.uploads?.hasLocal(answer.id) && !step.uploads.isBusyElsewhere(answer.id)) {
    followSubmission(step, answer.id);
  }
}

/** The candidate keeps what of an interrupted take reached the server, and goes on. */
export async function keepUploadedPart(step: QuestionStep): Promise<void> {
  if (!step.answer) return;
  try {
    await step.uploads!.keepUploadedPart(step.answer);
    step.next();
  } catch (err) {
    step.error = (err as Error).message;
  }
}

/** An interrupted take that reached the server empty: forget it (no cost), then record. */
export async function replaceEmptyTake(step: QuestionStep): Promise<void> {
  if (!step.answer) return;
  try {
    await step.uploads!.abandon(step.answer.id);
    step.takesUsed -= 1;
    step.answer = null;
    step.retake();
  } catch (err) {
    step.error = startErrorMessage(err);
  }
}
