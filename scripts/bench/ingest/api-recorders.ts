/** Recorders on our API: each is one candidate's answer, set up and checked through API v1. */
import { mapConcurrently } from './concurrency.js';
import { jsonRequest } from './http-client.js';
import type { LaunchedServers, RecorderOutcome, RecorderTarget, SystemUnderTest } from './types.js';

export interface AdminLogin {
  email: string;
  password: string;
}

/** The admin every benchmark server is started with (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const BENCH_ADMIN: AdminLogin = {
  email: 'ingest-bench@example.com',
  password: 'ingest-bench-password',
};

/** Our server as a system under test: recorders are answers, loss is read back through the API. */
export function apiSystem(servers: LaunchedServers): SystemUnderTest {
  return {
    label: servers.label,
    ingestPids: servers.ingestPids,
    supportProcesses: () => servers.supportProcesses(),
    prepare: (recorders) =>
      prepareApiRecorders(servers.origins, BENCH_ADMIN, Array(recorders).fill(RECORDER_MIME_TYPE)),
    countLost: (targets, outcomes) => countLostApiChunks(targets, outcomes),
    stop: () => servers.stop(),
  };
}

/** What the simulated recorders say they record (Chrome's and Firefox's WebM). */
const RECORDER_MIME_TYPE = 'video/webm;codecs=vp8,opus';

/** The API's largest invitation batch. */
const INVITE_BATCH = 500;
/** Setup requests in flight: quick to set up 1000 recorders without measuring a stampede. */
const SETUP_CONCURRENCY = 16;

/**
 * Logs in as the admin, creates an interview of one question, invites one candidate per entry
 * of `mimeTypes` and starts one answer each, of that type. Recorder i talks to
 * `origins[i % origins.length]` throughout.
 */
export async function prepareApiRecorders(
  origins: string[],
  admin: AdminLogin,
  mimeTypes: string[],
): Promise<RecorderTarget[]> {
  const recorders = mimeTypes.length;
  const api = `${origins[0]}/api/v1`;
  const { token } = await jsonRequest<{ token: string }>('POST', `${api}/auth/login`, {
    body: admin,
  });
  const interview = await jsonRequest<{ id: string; questions: { id: string }[] }>(
    'POST',
    `${api}/interviews`,
    {
      token,
      expect: 201,
      body: {
        title: `Ingest benchmark, ${recorders} recorders`,
        questions: [
          { prompt: 'Tell us about a project.', thinkSeconds: 0, maxSeconds: 900, retakes: 0 },
        ],
      },
    },
  );
  const questionId = interview.questions[0]!.id;
  const candidateTokens: string[] = [];
  for (let first = 0; first < recorders; first += INVITE_BATCH) {
    const count = Math.min(INVITE_BATCH, recorders - first);
    const candidates = Array.from({ length: count }, (_, k) => ({
      name: `Recorder ${first + k}`,
      email: `recorder-${first + k}@bench.example`,
    }));
    const { items } = await jsonRequest<{ items: { url: string }[] }>(
      'POST',
      `${api}/interviews/${interview.id}/invitations`,
      { token, expect: 201, body: { candidates } },
    );
    // The candidate token is the last path segment of the invitation link.
    for (const item of items) candidateTokens.push(item.url.slice(item.url.lastIndexOf('/') + 1));
  }
  return mapConcurrently(candidateTokens, SETUP_CONCURRENCY, async (candidateToken, i) => {
    const origin = origins[i % origins.length]!;
    const answer = await jsonRequest<{ id: string }>('POST', `${origin}/api/v1/candidate/answers`, {
      token: candidateToken,
      expect: 201,
      body: { questionId, mimeType: 'video/webm;codecs=vp8,opus' },
    });
    return { kind: 'api', origin, answerId: answer.id, token: candidateToken } as const;
  });
}

/** Acknowledged chunks missing from the answers' `receivedChunks`. */
export async function countLostApiChunks(
  targets: RecorderTarget[],
  outcomes: RecorderOutcome[],
): Promise<number> {
  const missing = await mapConcurrently(targets, SETUP_CONCURRENCY, async (target, i) => {
    if (target.kind !== 'api') throw new Error('not an API recorder');
    const { origin, answerId, token } = target;
    const answer = await jsonRequest<{ receivedChunks: number[] }>(
      'GET',
      `${origin}/api/v1/candidate/answers/${answerId}`,
      { token },
    );
    const received = new Set(answer.receivedChunks);
    return outcomes[i]!.ackedIndexes.filter((index) => !received.has(index)).length;
  });
  return missing.reduce((sum, n) => sum + n, 0);
}
