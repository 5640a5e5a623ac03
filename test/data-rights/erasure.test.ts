import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  CLIP_MIME,
  clipChunks,
  expectInvalid,
  expectProblem,
  HOUR,
  staffUser,
  startAnswer,
  useClockedServer,
} from '../api/support.js';
import { addMembers } from '../api/teams-support.js';
import { Api, createInterview, recordAnswer, tokenOf, waitForAnswer } from '../helpers/api.js';
import { BOTH_SETUPS, type TestServer } from '../helpers/test-server.js';
import {
  objectsMentioning,
  rowsMentioning,
  sqliteFilesMentioning,
  type Traces,
} from './leftovers.js';

for (const setup of BOTH_SETUPS) {
  describe(`erasure (${setup.database} + ${setup.storage})`, function () {
    this.timeout(180_000);
    let server: TestServer;
    let admin: Api;

    const clock = useClockedServer(setup, (s) => ({ server, admin } = s));

    /** A candidate with a finished, rated answer, an unfinished take and consent given. */
    async function fullCandidate() {
      const interview = await createInterview(admin, { retentionDays: 30 });
      const unique = randomBytes(4).toString('hex');
      const name = `Zéphyrine Quillfeather ${unique}`;
      const email = `zq.${unique}@example.test`;
      const res = await admin.post(`/interviews/${interview.id}/invitations`, {
        candidates: [{ name, email }],
      });
      assert.equal(res.status, 201);
      const invitation = res.body.items[0];
      const candidate = new Api(server.url, tokenOf(invitation.url));
      const privacy = await candidate.get('/candidate/privacy');
      assert.equal(
        (await candidate.post('/candidate/consent', { version: privacy.body.version })).status,
        200,
      );
      const [q1, q2] = interview.questions;
      const done = await recordAnswer(candidate, q1!.id, CLIP_MIME, await clipChunks(2));
      assert.equal((await waitForAnswer(candidate, done.id)).status, 'ready');
      const unfinished = await startAnswer(candidate, q2!.id);
      const [chunk] = await clipChunks(2);
      assert.equal((await candidate.putChunk(unfinished.id, 0, chunk!)).status, 200);
      const reviewer = await staffUser(admin, 'reviewer');
      await addMembers(admin, interview.id, [{ staff: reviewer, role: 'reviewer' }]);
      assert.equal((await reviewer.get(`/answers/${done.id}`)).status, 200);
      assert.equal(
        (await reviewer.put(`/answers/${done.id}/ratings/me`, { score: 3, comment: 'fine' }))
          .status,
        200,
      );
      const traces: Traces = {
        personal: [name, email],
        ids: [invitation.id, invitation.candidate.id, done.id, unfinished.id],
      };
      assert.ok((await objectsMentioning(server.deps.storage, traces.ids)).length >= 3);
      return { interview, invitation, candidate, traces, answerIds: [done.id, unfinished.id] };
    }

    async function assertNothingLeft(traces: Traces): Promise<void> {
      assert.deepEqual(await objectsMentioning(server.deps.storage, traces.ids), []);
      assert.deepEqual(await rowsMentioning(server.deps.db, traces), []);
      if (setup.database === 'sqlite')
        assert.deepEqual(await sqliteFilesMentioning(server.dataDir, traces.personal), []);
    }

    it('an admin erases a candidate: no object, row or file byte names them; everything answers 404', async () => {
      const { interview, invitation, candidate, traces, answerIds } = await fullCandidate();
      expectProblem(
        await (await staffUser(admin, 'recruiter')).request(
          'DELETE',
          `/invitations/${invitation.id}`,
        ),
        403,
        'forbidden',
      );

      const erased = await admin.request('DELETE', `/invitations/${invitation.id}`);
      assert.equal(erased.status, 204, JSON.stringify(erased.body));
      await assertNothingLeft(traces);

      expectProblem(await candidate.get('/candidate/session'), 404, 'not_found');
      expectProblem(await candidate.get('/candidate/export'), 404, 'not_found');
      for (const id of answerIds)
        expectProblem(await admin.get(`/answers/${id}`), 404, 'not_found');
      const listed = await admin.get(`/interviews/${interview.id}/invitations`);
      assert.deepEqual(listed.body.items, []);
      expectProblem(
        await admin.request('DELETE', `/invitations/${invitation.id}`),
        404,
        'not_found',
      );

      // The trail keeps every fact about them, without their name.
      const trail = await admin.get(`/audit?invitationId=${invitation.id}`);
      assert.deepEqual(
        trail.body.items.map((e: any) => e.action),
        ['candidate.erased', 'rating.saved', 'answer.viewed'],
      );
      const me = (await admin.get('/me')).body;
      assert.deepEqual(trail.body.items[0].actor, { type: 'staff', id: me.id, name: me.name });
      assert.deepEqual(trail.body.items[0].target, { type: 'invitation', id: invitation.id });
    });

    it('a candidate erases themselves from their link, also after the interview closed', async () => {
      const { candidate, invitation, traces } = await fullCandidate();
      clock.advance(24 * 30 * HOUR); // past the invitation's expiry
      expectProblem(await candidate.get('/candidate/session'), 410, 'expired');
      expectInvalid(await candidate.post('/candidate/erase', {}), 'confirm');
      expectInvalid(await candidate.post('/candidate/erase', { confirm: 'yes' }), 'confirm');
      assert.equal((await candidate.get('/candidate/export')).status, 200, 'nothing erased yet');

      const res = await candidate.post('/candidate/erase', { confirm: true });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      await assertNothingLeft(traces);
      expectProblem(await candidate.get('/candidate/session'), 404, 'not_found');
      expectProblem(await candidate.post('/candidate/erase', { confirm: true }), 404, 'not_found');
      const [entry] = (await admin.get(`/audit?invitationId=${invitation.id}`)).body.items;
      assert.equal(entry.action, 'candidate.erased');
      assert.deepEqual(entry.actor, { type: 'candidate', id: invitation.candidate.id, name: null });
    });

    it('exports what the candidate gave and was given', async () => {
      const { candidate, invitation, answerIds } = await fullCandidate();
      const res = await candidate.get('/candidate/export');
      assert.equal(res.status, 200);
      assert.match(
        res.headers.get('content-disposition') ?? '',
        /attachment; filename="?my-interview-data.json/,
      );
      const data = res.body;
      assert.equal(data.name, invitation.candidate.name);
      assert.equal(data.email, invitation.candidate.email);
      assert.equal(data.interview.title, 'Support engineer');
      assert.equal(data.retentionDays, 30);
      assert.match(data.consent.at, /Z$/);
      assert.match(data.consent.text, /only the people who evaluate it/);
      assert.deepEqual(
        data.answers.map((a: any) => [a.id, a.question.number, a.attempt, a.status]),
        [
          [answerIds[0], 1, 1, 'ready'],
          [answerIds[1], 2, 1, 'recording'],
        ],
      );
      assert.equal(data.answers[0].question.prompt, 'Tell us about a problem you solved recently.');
      assert.ok(data.answers[0].durationMs > 1000);
      const video = await fetch(data.answers[0].videoUrl);
      assert.equal(video.status, 200);
      assert.equal(video.headers.get('content-type'), 'video/mp4');
      assert.equal(data.answers[1].videoUrl, null);
      assert.doesNotMatch(JSON.stringify(data), /fine|score/, 'reviewers’ ratings are not theirs');
    });

    it('keeps retention and the privacy text per interview, validated', async () => {
      const interview = await createInterview(admin);
      assert.equal((interview as any).retentionDays, 365);
      assert.equal((interview as any).privacyText, null);
      const patched = await admin.request('PATCH', `/interviews/${interview.id}`, {
        retentionDays: 0,
        privacyText: 'We keep your video for one week.',
      });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
      assert.equal(patched.body.retentionDays, 0);
      const read = await admin.get(`/interviews/${interview.id}`);
      assert.equal(read.body.privacyText, 'We keep your video for one week.');
      expectInvalid(
        await admin.request('PATCH', `/interviews/${interview.id}`, { retentionDays: 3651 }),
        'retentionDays',
      );
      expectInvalid(
        await admin.post('/interviews', {
          title: 'x',
          questions: [{ prompt: 'p', thinkSeconds: 0, maxSeconds: 10, retakes: 0 }],
          retentionDays: -1,
        }),
        'retentionDays',
      );
    });
  });
}
