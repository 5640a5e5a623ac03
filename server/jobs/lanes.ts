import type { JobName } from './job-queue.js';

/**
 * Issue 25: jobs run in lanes, each with its own number of slots, so a burst in one never delays
 * another: twenty videos to convert must not hold back an invitation mail (it waited 119 s at
 * p95 when both shared JOB_CONCURRENCY). Webhooks have a lane of their own outside the job queue
 * (domain/webhooks/dispatcher.ts).
 */
export type JobLane = 'media' | 'email';

export const JOB_LANES: readonly JobLane[] = ['media', 'email'];

const LANE_OF: Record<JobName, JobLane> = {
  'process-answer': 'media',
  'send-email': 'email',
};

/** A job's lane; a name this version does not know (from a newer one) goes to media. */
export function laneOf(name: string): JobLane {
  return LANE_OF[name as JobName] ?? 'media';
}

/** The job names of a lane other than media (media takes every name no other lane claims). */
export function namesOfLane(lane: Exclude<JobLane, 'media'>): JobName[] {
  return (Object.keys(LANE_OF) as JobName[]).filter((name) => LANE_OF[name] === lane);
}

/** Slots per lane: `concurrency` for each, unless `lanes` names another number for it. */
export type LaneConcurrency = Partial<Record<JobLane, number>>;

export function slotsOf(lane: JobLane, concurrency: number, lanes: LaneConcurrency = {}): number {
  return lanes[lane] ?? concurrency;
}
