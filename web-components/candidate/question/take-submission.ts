/**
 * A take after its recording: handing it to the uploads, local playback, waiting until the
 * server accepted it, and a take cut short before this page opened (kept, or replaced at no cost
 * when nothing of it arrived). Issue 21: a take cut short while a complete one exists is held
 * back until the candidate chooses which to keep. These report to the step's TakeFlow, the one
 * owner of its state (take-flow.ts).
 */
import { msg } from '@lit/localize';
import type { Answer } from '../../../server/contracts/api.js';
import { announce, emit } from '../events.js';
import { startErrorMessage } from '../messages.js';
import type { TakeResult } from '../recording/take-recorder.js';
import type { TakeHost } from './step-api.js';

/** A take stopped (by the candidate, at the limit, or cut short): upload first, then the rest. */
export function takeEnded(step: TakeHost, result: TakeResult): void {
  const { answer, earlier } = step.flow.state;
  // Cut short while a complete take exists: uploaded, but handed in only if the candidate says.
  const awaitChoice = result.interrupted && Boolean(earlier);
  // The upload comes first: everything else here can wait for it.
  if (answer && !step.practice) {
    void step
      .uploads!.endTake(answer.id, result.durationMs, result.interrupted, awaitChoice)
      .catch(() => storageProblem(step));
    if (!awaitChoice) followSubmission(step, answer.id);
  }
  step.playback.hold(result.blob);
  step.flow.dispatch({ type: 'ended', interrupted: result.interrupted });
  if (step.practice || !answer) {
    step.playback.show();
    announce(
      step,
      msg('Recording stopped. You can watch your practice answer.', {
        id: 'rec.practice.stopped',
      }),
    );
    return;
  }
  if (awaitChoice) {
    step.playback.show();
    announce(step, chooseAnnouncement());
    return;
  }
  // Not while the last chunk is being sent: playback comes once saved, or after 3 s anyway.
  step.playback.showLater(3000);
  announce(step, msg('Recording stopped. Saving your answer.', { id: 'rec.recording.stopped' }));
}

function chooseAnnouncement(): string {
  return msg(
    'Your new recording was interrupted. Your earlier answer is kept until you choose which one to keep.',
    { id: 'rec.choose.announce' },
  );
}

export function storageProblem(step: TakeHost): void {
  step.flow.dispatch({
    type: 'problem',
    error: msg(
      'This device could not store the recording. Free some space, or keep this page open while it uploads.',
      { id: 'rec.error.storage' },
    ),
  });
}

/** Once the server has the whole take: say so, tell the recorder, offer the playback. */
export function followSubmission(step: TakeHost, answerId: string): void {
  step.uploads!.submitted(answerId).then(
    (answer) => {
      if (step.flow.state.answer?.id !== answerId) return;
      step.flow.dispatch({ type: 'saved', answerId });
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
      if (err.code !== 'empty_take') {
        return step.flow.dispatch({ type: 'upload-failed', answerId, error: err.message });
      }
      // Ended before its first slice; the server forgot it, so it cost no attempt.
      if (step.flow.state.answer?.id === answerId) step.playback.clear();
      step.flow.dispatch({
        type: 'nothing-recorded',
        answerId,
        error: msg(
          'Nothing was recorded, so this did not use a retake. Please record your answer again.',
          { id: 'rec.empty-take' },
        ),
      });
    },
  );
}

/**
 * A take cut short before this page opened: keep it (it costs nothing more) or retake. With a
 * complete take before it (`earlier`), the candidate first chooses which of the two to keep.
 */
export function settleInterrupted(step: TakeHost, answer: Answer, earlier: Answer | null): void {
  step.flow.dispatch({ type: 'found-interrupted', answer, earlier });
  if (earlier) announce(step, chooseAnnouncement());
  else if (step.uploads?.hasLocal(answer.id) && !step.uploads.isBusyElsewhere(answer.id)) {
    followSubmission(step, answer.id);
  }
}

/** The candidate keeps what of an interrupted take reached the server, and goes on. */
export async function keepUploadedPart(step: TakeHost): Promise<void> {
  const { answer } = step.flow.state;
  if (!answer) return;
  try {
    await step.uploads!.keepUploadedPart(answer);
    step.next();
  } catch (err) {
    step.flow.dispatch({ type: 'problem', error: (err as Error).message });
  }
}

/** An interrupted take that reached the server empty: forget it (no cost), then record. */
export async function replaceEmptyTake(step: TakeHost): Promise<void> {
  const { answer } = step.flow.state;
  if (!answer) return;
  try {
    await step.uploads!.abandon(answer.id);
    step.flow.dispatch({ type: 'gave-up-empty' });
    step.retake();
  } catch (err) {
    step.flow.dispatch({ type: 'problem', error: startErrorMessage(err) });
  }
}

/** Issue 21: the candidate keeps the complete earlier take; the interrupted one is set aside. */
export async function keepEarlier(step: TakeHost): Promise<void> {
  const { answer } = step.flow.state;
  if (!answer) return;
  try {
    await step.uploads!.discardTake(answer);
    step.playback.clear();
    step.flow.dispatch({ type: 'kept-earlier' });
    announce(step, msg('Your earlier answer is kept.', { id: 'rec.choose.kept-earlier' }));
  } catch (err) {
    step.flow.dispatch({ type: 'problem', error: startErrorMessage(err) });
  }
}

/** Issue 21: the candidate keeps the interrupted take: it is handed in with what was recorded. */
export async function keepInterrupted(step: TakeHost): Promise<void> {
  const { answer } = step.flow.state;
  if (!answer) return;
  const uploads = step.uploads!;
  if (!uploads.hasLocal(answer.id) || uploads.isBusyElsewhere(answer.id)) {
    return keepUploadedPart(step);
  }
  uploads.keepTake(answer.id);
  followSubmission(step, answer.id);
  step.flow.dispatch({ type: 'kept-interrupted' });
  announce(step, msg('Saving your new recording.', { id: 'rec.choose.kept-new' }));
}
