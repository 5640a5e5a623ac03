import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Api, createInterview, invite, recordAnswer, tokenOf } from '../helpers/api.js';
import type { TestServer } from '../helpers/test-server.js';
import {
  CLIP_MIME,
  clipChunks,
  expectInvalid,
  expectProblem,
  HOUR,
  ISO_UTC,
  itemsOf,
  reload,
  staffUser,
  startAnswer,
  useClockedServer,
} from './support.js';
import { addMembers } from './teams-support.js';

const candidatesOf = (count: number, prefix = 'p') =>
  Array.from({ length: count }, (_, i) => ({
    name: `Person ${i}`,
    email: `${prefix}${i}@example.test`,
  }));

describe('API v1 invitations (SQLite)', () => {
  let server: TestServer;
  let admin: Api;

  const clock = useClockedServer({ database: 'sqlite' }, (s) => ({ server, admin } = s));

  async function listed(interviewId: string): Promise<any[]> {
    return itemsOf(await admin.get(`/interviews/${interviewId}/invitations`));
  }

  it('invites one candidate: Invitation shape, a link under PUBLIC_URL with a long random token', async () => {
    const interview = await createInterview(admin);
    const res = await admin.post(`/interviews/${interview.id}/invitations`, {
      candidates: [{ name: 'Ada Lovelace', email: 'ada@example.test' }],
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(Object.keys(res.body), ['items']);
    const [invitation] = res.body.items;
    assert.equal(res.body.items.length, 1);
    assert.deepEqual(Object.keys(invitation).sort(), [
      'accommodations',
      'candidate',
      'completedAt',
      'decision',
      'duplicateOf',
      'email',
      'expiresAt',
      'id',
      'language',
      'location',
      'reference',
      'source',
      'status',
      'url',
    ]);
    assert.equal(invitation.source, 'invited');
    assert.equal(invitation.language, 'en');
    assert.equal(invitation.email, null, 'no email without a mail server');
    assert.deepEqual(Object.keys(invitation.candidate).sort(), ['email', 'id', 'label', 'name']);
    assert.equal(invitation.candidate.name, 'Ada Lovelace');
    assert.equal(invitation.candidate.email, 'ada@example.test');
    assert.equal(invitation.status, 'invited');
    assert.equal(invitation.completedAt, null);
    assert.match(invitation.expiresAt, ISO_UTC);
    assert.ok(Date.parse(invitation.expiresAt) > Date.now(), 'open in the future');

    const prefix = `${server.url}/i/`;
    assert.ok(invitation.url.startsWith(prefix), invitation.url);
    const token = invitation.url.slice(prefix.length);
    assert.match(token, /^[A-Za-z0-9_-]{22,}$/, 'at least 128 bits of base64url');

    // The list shows the same invitation, without the link or token anywhere.
    const [again] = await listed(interview.id);
    const { url: _, ...withoutUrl } = invitation;
    assert.deepEqual(again, withoutUrl);
    assert.ok(!JSON.stringify(again).includes(token));
  });

  it('invites 500 candidates in one call, each with their own token; 501 is refused and adds nobody', async () => {
    const interview = await createInterview(admin);
    const res = await admin.post(`/interviews/${interview.id}/invitations`, {
      candidates: candidatesOf(500),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body).slice(0, 500));
    assert.equal(res.body.items.length, 500);
    const tokens = new Set(res.body.items.map((i: any) => tokenOf(i.url)));
    assert.equal(tokens.size, 500, 'every token differs');
    for (const token of tokens) assert.match(token as string, /^[A-Za-z0-9_-]{22,}$/);
    assert.deepEqual(
      res.body.items.map((i: any) => i.candidate.email),
      candidatesOf(500).map((c) => c.email),
    );

    const tooMany = await admin.post(`/interviews/${interview.id}/invitations`, {
      candidates: candidatesOf(501, 'q'),
    });
    expectInvalid(tooMany, 'candidates');
    const items = await listed(interview.id);
    assert.equal(items.length, 500);
    for (const item of items) assert.ok(!('url' in item), 'no url in the list');
  });

  it('refuses bad candidate lists with 400 naming the field, and an unknown interview with 404', async () => {
    const interview = await createInterview(admin);
    expectInvalid(
      await admin.post(`/interviews/${interview.id}/invitations`, { candidates: [] }),
      'candidates',
    );
    expectInvalid(
      await admin.post(`/interviews/${interview.id}/invitations`, {
        candidates: [{ name: 'N', email: 'not-an-email' }],
      }),
      'candidates.0.email',
    );
    expectInvalid(
      await admin.post(`/interviews/${interview.id}/invitations`, {
        candidates: [{ email: 'n@example.test' }],
      }),
      'candidates.0.name',
    );
    assert.deepEqual(await listed(interview.id), []);
    expectProblem(
      await admin.post('/interviews/no-such-interview/invitations', {
        candidates: candidatesOf(1),
      }),
      404,
      'not_found',
    );
    expectProblem(await admin.get('/interviews/no-such-interview/invitations'), 404, 'not_found');
  });

  it('does not let a reviewer invite candidates (403) or an anonymous caller (401)', async () => {
    const interview = await createInterview(admin);
    const reviewer = await staffUser(admin, 'reviewer');
    await addMembers(admin, interview.id, [{ staff: reviewer, role: 'reviewer' }]);
    expectProblem(
      await reviewer.post(`/interviews/${interview.id}/invitations`, {
        candidates: candidatesOf(1),
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await new Api(server.url).post(`/interviews/${interview.id}/invitations`, {
        candidates: candidatesOf(1),
      }),
      401,
      'unauthenticated',
    );
    assert.deepEqual(await listed(interview.id), []);
  });

  it('moves invited → started when the candidate opens the session → completed when they finish', async () => {
    const interview = await createInterview(admin, {
      questions: [{ prompt: 'Only one', thinkSeconds: 0, maxSeconds: 30, retakes: 0 }],
    });
    const [{ invitation, candidate }] = (await invite(admin, interview.id, 1)) as [any];
    const statusOf = async () => (await listed(interview.id)).find((i) => i.id === invitation.id);
    assert.equal((await statusOf()).status, 'invited');

    const session = await candidate.get('/candidate/session');
    assert.equal(session.status, 200, JSON.stringify(session.body));
    assert.equal((await statusOf()).status, 'started');

    await recordAnswer(candidate, interview.questions[0]!.id, CLIP_MIME, await clipChunks());
    const finished = await candidate.post('/candidate/finish');
    assert.equal(finished.status, 200, JSON.stringify(finished.body));
    assert.equal(finished.body.status, 'completed');
    assert.equal(finished.body.id, invitation.id);
    assert.match(finished.body.completedAt, ISO_UTC);

    const after = await statusOf();
    assert.equal(after.status, 'completed');
    assert.equal(after.completedAt, finished.body.completedAt);
  });

  it('shows expired once the deadline has passed, but keeps completed as completed', async () => {
    const deadline = new Date(Date.now() + HOUR).toISOString();
    const interview = await createInterview(admin, {
      deadline,
      questions: [{ prompt: 'Only one', thinkSeconds: 0, maxSeconds: 30, retakes: 0 }],
    });
    const invited = await invite(admin, interview.id, 3);
    for (const { invitation } of invited) assert.equal(invitation.expiresAt, deadline);
    const [untouched, opened, done] = invited as [any, any, any];
    assert.equal((await opened.candidate.get('/candidate/session')).status, 200);
    await recordAnswer(done.candidate, interview.questions[0]!.id, CLIP_MIME, await clipChunks());
    assert.equal((await done.candidate.post('/candidate/finish')).status, 200);

    clock.advance(2 * HOUR);
    const statuses = Object.fromEntries((await listed(interview.id)).map((i) => [i.id, i.status]));
    assert.deepEqual(statuses, {
      [untouched.invitation.id]: 'expired',
      [opened.invitation.id]: 'expired',
      [done.invitation.id]: 'completed',
    });
    expectProblem(await untouched.candidate.get('/candidate/session'), 410, 'expired');
    expectProblem(await opened.candidate.get('/candidate/session'), 410, 'expired');
  });

  it('lets a candidate token open only its own invitation: others’ answers are 404 and stay untouched', async () => {
    const interview = await createInterview(admin);
    const [alice, bob] = (await invite(admin, interview.id, 2)) as [any, any];
    const questionId = interview.questions[0]!.id;
    const aliceAnswer = await startAnswer(alice.candidate, questionId);
    assert.equal(
      (await alice.candidate.putChunk(aliceAnswer.id, 0, Buffer.from('alice'))).status,
      200,
    );

    expectProblem(
      await bob.candidate.get(`/candidate/answers/${aliceAnswer.id}`),
      404,
      'not_found',
    );
    expectProblem(
      await bob.candidate.putChunk(aliceAnswer.id, 1, Buffer.from('bob')),
      404,
      'not_found',
    );
    expectProblem(
      await bob.candidate.putChunk(aliceAnswer.id, 0, Buffer.from('bob overwrites')),
      404,
      'not_found',
    );
    expectProblem(
      await bob.candidate.post(`/candidate/answers/${aliceAnswer.id}/complete`, { chunkCount: 1 }),
      404,
      'not_found',
    );
    // Same answer as for an id that does not exist at all: ids cannot be probed.
    expectProblem(await bob.candidate.get('/candidate/answers/no-such-answer'), 404, 'not_found');

    const bobSession = await bob.candidate.get('/candidate/session');
    assert.deepEqual(bobSession.body.answers, []);
    const untouched = await reload(alice.candidate, aliceAnswer.id);
    assert.equal(untouched.status, 'recording');
    assert.deepEqual(untouched.receivedChunks, [0]);

    // A question of another interview is not reachable either.
    const other = await createInterview(admin);
    expectProblem(
      await bob.candidate.post('/candidate/answers', {
        questionId: other.questions[0]!.id,
        mimeType: 'video/webm',
      }),
      404,
      'not_found',
    );
  });

  it('answers 401 for an unknown or garbled candidate token', async () => {
    const interview = await createInterview(admin);
    const [{ invitation }] = (await invite(admin, interview.id, 1)) as [any];
    const real = tokenOf(invitation.url);
    const flipped = (real[0] === 'A' ? 'B' : 'A') + real.slice(1);
    const tokens = [
      randomBytes(32).toString('base64url'),
      flipped,
      real.slice(0, -1),
      `${real}x`,
      'garbage',
      `${real}.x`,
    ];
    for (const token of tokens) {
      expectProblem(
        await new Api(server.url, token).get('/candidate/session'),
        401,
        'unauthenticated',
      );
    }
    expectProblem(await new Api(server.url).get('/candidate/session'), 401, 'unauthenticated');
    // None of those attempts started the interview.
    assert.equal((await listed(interview.id))[0].status, 'invited');
  });

  it('serves the link as an HTML page that is never cached and never leaks the token', async () => {
    const interview = await createInterview(admin);
    const [{ invitation }] = (await invite(admin, interview.id, 1)) as [any];
    const res = await fetch(invitation.url);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(res.headers.get('cache-control') ?? '', /no-store/);
    assert.match(res.headers.get('referrer-policy') ?? '', /(^|,\s*)no-referrer(\s*,|$)/);
    assert.ok(res.headers.get('content-security-policy'), 'a Content-Security-Policy header');
    assert.match(await res.text(), /<html/i);
  });
});
