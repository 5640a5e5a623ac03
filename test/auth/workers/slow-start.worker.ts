/**
 * The real password-strength worker, started as a loaded machine starts it: seconds pass before
 * its dictionaries are ready. Used to show that start-up does not count against a check's bound.
 */
import { workerData } from 'node:worker_threads';

await new Promise((resolve) => setTimeout(resolve, (workerData as { delayMs: number }).delayMs));
await import('../../../server/auth/password-quality.worker.js');
