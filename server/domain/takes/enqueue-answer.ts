import type { Deps } from '../../deps.js';

/**
 * Queues an answer's media job, tagged for fair scheduling: the invitation is its owner (one
 * candidate cannot hold every slot) and its cost is the seconds it claims to hold, bounded by
 * its question's limit (a short answer overtakes a long one; lying only risks the probe's refusal).
 */
export async function enqueueProcessAnswer(
  deps: Pick<Deps, 'jobs'>,
  answer: { id: string; invitationId: string; costSeconds: number },
): Promise<void> {
  await deps.jobs.enqueue(
    'process-answer',
    { answerId: answer.id },
    {
      jobId: answer.id,
      fairGroup: answer.invitationId,
      cost: Math.max(1, Math.ceil(answer.costSeconds)),
    },
  );
}

/**
 * For a take just made `processing`: if queueing fails now (Redis down) or the process dies,
 * the stranded-answer sweep queues it later, so the candidate is not failed.
 */
export function enqueueOrLeaveToSweep(
  deps: Pick<Deps, 'jobs' | 'log'>,
  answer: { id: string; invitationId: string; costSeconds: number },
): Promise<void> {
  return enqueueProcessAnswer(deps, answer).catch((err: Error) =>
    deps.log.warn({ err, answerId: answer.id }, 'media job not queued yet'),
  );
}
