import type { InvitationsTable } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { assertOpenForNewWork, candidateContext } from '../candidate/candidate-access.js';

/**
 * Extension (`POST /candidate/upload-test`): the recorder's upload speed check sends bytes that
 * are counted and dropped. The bounds keep it useful for timing (a few hundred KB) and useless
 * as a free upload or a way to load the server: 1 MiB a request, a few requests per candidate.
 */
export const UPLOAD_TEST_MAX_BYTES = 1024 * 1024;
export const UPLOAD_TEST_WINDOW_MS = 10 * 60 * 1000;
/** The recorder sends three per device check; this leaves room for several checks. */
export const UPLOAD_TEST_MAX_REQUESTS = 20;

/** Only a candidate who may still record needs to measure their connection. */
export async function assertMayTestUpload(deps: Deps, invitation: InvitationsTable): Promise<void> {
  assertOpenForNewWork(await candidateContext(deps, invitation));
}
