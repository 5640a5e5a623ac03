import assert from 'node:assert/strict';
import { MAX_CHUNK_BYTES } from '../../server/domain/takes/start-answer.js';
import { answerBudget } from '../../server/media/answer-budget.js';
import { Api, createInterview, recordAnswer, tokenOf, waitForAnswer } from '../helpers/api.js';
import { useTestServer } from '../helpers/server-suite.js';
import { linkIn, type TestSmtpServer } from '../helpers/smtp-server.js';
import { BOTH_SETUPS, type TestServer } from '../helpers/test-server.js';
import { invitationsOf } from './programmes-support.js';
import { CLIP_MIME, Clock, clipChunks, expectProblem, HOUR, staffUser } from './support.js';
import { addMembers } from './teams-support.js';

let people = 0;

for (const setup of BOTH_SETUPS) {
  describe(`Candidate feedback and extra time (${setup.name})`, function () {
    this.timeout(120_000);
    const clock = new Clock();
    let smtp: TestSmtpServer;
    let server: TestServer;
    let admin: Api;
    let reviewer: Api;
    let chunks: Buffer[];

    useTestServer(
      { ...setup, now: clock.now, mailFrom: 'jobs@example.test' },
      (s) => ({ server, admin, smtp } = s),
    );
    before(async () => {
      reviewer = await staffUser(admin, 'reviewer');
      chunks = await clipChunks(2);
    });
    afterEach(() => clock.reset());

    async function inviteOne(interviewId: string, language: 'en' | 'fr' = 'en') {
      const email = `cand-${++people}-${process.pid}@example.test`;
      const res = await admin.post(`/interviews/${interviewId}/invitations`, {
        candidates: [{ name: `Sam ${people}`, email, language }],
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const invitation = res.body.items[0];
      // Email on: the link goes to the candidate only (Teams), so it is read from the mail.
      await smtp.waitFor(() => smtp.to(email).length === 1);
      const link = linkIn(smtp.to(email)[0]!);
      return { invitation, email, candidate: new Api(server.url, tokenOf(link)) };
    }

    it('extra time: 1.5× think and answer time (rounded up) until the first take starts', async () => {
      const interview = await createInterview(admin, {
        questions: [{ prompt: 'Tell us', thinkSeconds: 15, maxSeconds: 45, retakes: 1 }],
      });
      const { invitation, candidate } = await inviteOne(interview.id);
      const session = await candidate.post('/candidate/accommodations', { extraTime: true });
      assert.equal(session.status, 200, JSON.stringify(session.body));
      const [q] = session.body.interview.questions;
      assert.deepEqual([q.thinkSeconds, q.maxSeconds], [23, 68]);
      const again = await candidate.get('/candidate/session');
      assert.deepEqual(
        [
          again.body.interview.questions[0].thinkSeconds,
          again.body.interview.questions[0].maxSeconds,
        ],
        [23, 68],
      );
      const listed = (await invitationsOf(admin, interview.id)).find((i) => i.id === invitation.id);
      assert.deepEqual(listed.accommodations, { extraTime: true });
      // Staff still see the question as written.
      assert.equal(
        (await admin.get(`/interviews/${interview.id}`)).body.questions[0].maxSeconds,
        45,
      );

      const other = await inviteOne(interview.id);
      const started = await other.candidate.post('/candidate/answers', {
        questionId: q.id,
        mimeType: CLIP_MIME,
      });
      assert.equal(started.status, 201);
      // The server applies the longer limit: the take's byte budget follows 68 s, not 45 s.
      const extraTake = await candidate.post('/candidate/answers', {
        questionId: q.id,
        mimeType: CLIP_MIME,
      });
      assert.equal(extraTake.status, 201, JSON.stringify(extraTake.body));
      const budgetBytes = (seconds: number) =>
        Math.min(MAX_CHUNK_BYTES, answerBudget(seconds).maxBytes);
      assert.equal(started.body.maxChunkBytes, budgetBytes(45));
      assert.equal(extraTake.body.maxChunkBytes, budgetBytes(68));
      expectProblem(
        await other.candidate.post('/candidate/accommodations', { extraTime: true }),
        409,
        'already_started',
      );
      const body = await other.candidate.post('/candidate/accommodations', { extraTime: false });
      assert.equal(body.status, 400);
      const unchanged = await other.candidate.get('/candidate/session');
      assert.equal(unchanged.body.interview.questions[0].maxSeconds, 45);
    });

    it('receipt on finish; feedback drafted, released, announced and readable after the deadline', async () => {
      const deadline = new Date(clock.now().getTime() + 72 * HOUR).toISOString();
      const interview = await createInterview(admin, {
        deadline,
        competencies: [{ key: 'communication', name: 'Communication' }],
        questions: [
          {
            prompt: 'Tell us',
            thinkSeconds: 5,
            maxSeconds: 30,
            retakes: 0,
            competency: 'communication',
            anchors: { '3': 'Gives a clear answer.', '4': 'Gives a clear, well organised answer.' },
          },
        ],
      });
      const { invitation, email, candidate } = await inviteOne(interview.id, 'fr');
      const waiting = await inviteOne(interview.id);
      const questionId = interview.questions[0]!.id;

      // Before finishing there is nothing to write about.
      expectProblem(
        await admin.put(`/invitations/${waiting.invitation.id}/feedback`, { summary: 'x' }),
        409,
        'not_completed',
      );

      const answer = await recordAnswer(candidate, questionId, CLIP_MIME, chunks);
      assert.equal((await waitForAnswer(candidate, answer.id)).status, 'ready');
      assert.equal((await candidate.post('/candidate/finish')).status, 200);
      await smtp.waitFor(() => smtp.to(email).length === 2);
      assert.match(smtp.to(email)[1]!.subject, /^Nous avons bien reçu/);
      assert.equal((await candidate.post('/candidate/finish')).status, 200);

      expectProblem(await candidate.get('/candidate/feedback'), 404, 'not_found');
      await addMembers(admin, interview.id, [{ staff: reviewer, role: 'reviewer' }]);
      expectProblem(
        await reviewer.put(`/invitations/${invitation.id}/feedback`, { summary: 'x' }),
        403,
        'forbidden',
      );
      expectProblem(
        await admin.post(`/invitations/${invitation.id}/feedback/release`),
        409,
        'feedback_missing',
      );

      // Ratings 4 and 3: the rounded mean 3.5 → 4 picks the level-4 anchor for the draft, which
      // speaks to the candidate in their invitation's language (French: "vous") and quotes the
      // anchor; what a reviewer noticed (their comment) stays out of it.
      for (const [staff, score, comment] of [
        [admin, 4, 'Rambled a little at the start.'],
        [reviewer, 3, ''],
      ] as const) {
        const rated = await staff.put(`/answers/${answer.id}/ratings/me`, { score, comment });
        assert.equal(rated.status, 200, JSON.stringify(rated.body));
      }
      const generated =
        'Vos réponses se rapprochent le plus de cette description de notre grille d’évaluation\u00a0:' +
        '\n«\u00a0Gives a clear, well organised answer.\u00a0»';
      const draft = await admin.get(`/invitations/${invitation.id}/feedback`);
      assert.equal(draft.status, 200, JSON.stringify(draft.body));
      assert.deepEqual(draft.body, {
        summary: '',
        competencies: [
          {
            key: 'communication',
            name: 'Communication',
            text: generated,
            generatedText: generated,
          },
        ],
        releasedAt: null,
        language: 'fr',
      });
      expectProblem(
        await admin.put(`/invitations/${invitation.id}/feedback`, {
          competencies: [{ key: 'teamwork', text: 'x' }],
        }),
        400,
        'invalid_request',
      );
      const saved = await admin.put(`/invitations/${invitation.id}/feedback`, {
        summary: 'Clear and well organised answers.',
        competencies: [{ key: 'communication', text: 'You gave clear, well organised answers.' }],
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.body.releasedAt, null);
      expectProblem(await candidate.get('/candidate/feedback'), 404, 'not_found');

      const released = await admin.post(`/invitations/${invitation.id}/feedback/release`);
      assert.equal(released.status, 200, JSON.stringify(released.body));
      assert.ok(released.body.releasedAt);
      await smtp.waitFor(() => smtp.to(email).length === 3);
      const announcement = smtp.to(email)[2]!;
      assert.match(announcement.subject, /^Votre retour est prêt/);

      // After the interview closed the link still opens the feedback (but no new work).
      clock.advance(5 * 24 * HOUR);
      const reader = new Api(server.url, tokenOf(linkIn(announcement)));
      const read = await reader.get('/candidate/feedback');
      assert.equal(read.status, 200, JSON.stringify(read.body));
      assert.equal(read.body.summary, 'Clear and well organised answers.');
      assert.deepEqual(read.body.competencies, [
        {
          key: 'communication',
          name: 'Communication',
          text: 'You gave clear, well organised answers.',
        },
      ]);
      assert.ok(read.body.releasedAt);
      assert.equal(read.body.language, undefined, 'what staff see besides stays with staff');
      // Released once: a second release sends nothing more.
      assert.equal(
        (await admin.post(`/invitations/${invitation.id}/feedback/release`)).status,
        200,
      );
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(smtp.to(email).length, 3);
      // Other candidates' feedback stays out of reach.
      expectProblem(await waiting.candidate.get('/candidate/feedback'), 404, 'not_found');
    });
  });
}
