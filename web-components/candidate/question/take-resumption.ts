/**
 * Issue 9: a take left during its thinking time (a reload, the link opened again) goes on where
 * it was. The prompt is shown with the thinking time the server says is left (its clock, from
 * the take's creation), and recording goes into that same take: leaving never buys thinking
 * time. The candidate is told, on screen and through the live region, that it kept running.
 */
import { msg, str } from '@lit/localize';
import type { Answer } from '../../../server/contracts/api.js';
import { announce } from '../events.js';
import { spokenDuration } from '../format.js';
import type { TakeHost } from './step-api.js';
import { settleInterrupted } from './take-submission.js';

export async function resumeThinking(
  step: TakeHost,
  interrupted: Answer,
  earlier: Answer | null,
): Promise<void> {
  await step.fitQuality();
  const answer = await step.uploads!.resumeTake(interrupted).catch(() => null);
  if (!step.isConnected) return;
  if (!answer) return settleInterrupted(step, interrupted, earlier);
  step.preparation.prepared = answer;
  const leftMs = answer.thinkRemainingMs ?? 0;
  const note =
    leftMs > 0
      ? msg(
          str`Welcome back. Your thinking time kept running while you were away: ${spokenDuration(Math.ceil(leftMs / 1000))} left.`,
          { id: 'rec.think.resumed' },
        )
      : msg(
          'Welcome back. Your thinking time ran out while you were away, so recording started at once.',
          { id: 'rec.think.resumed-none' },
        );
  // The server already counts this take among the attempts: recording into it uses none more.
  step.flow.dispatch({ type: 'resumed', note });
  step.think(leftMs);
  // With time left, or not recording (no camera): the note alone. Otherwise it is said after
  // "Recording…", which it would otherwise cut off, and including it.
  if (leftMs > 0 || step.flow.state.phase !== 'recording') announce(step, note);
  else {
    announce(
      step,
      `${note} ${msg(str`Recording. You have ${spokenDuration(step.question.maxSeconds)}.`, { id: 'rec.recording.started' })}`,
    );
  }
}
