import assert from 'node:assert/strict';
import { Api, createInterview, inviteOne, QUESTIONS } from '../helpers/api.js';
import type { TestServer } from '../helpers/test-server.js';
import {
  expectInvalid,
  expectProblem,
  HOUR,
  staffUser,
  startAnswer,
  useClockedServer,
} from './support.js';
import { addMembers } from './teams-support.js';

const third = {
  prompt: 'What would you improve here?',
  thinkSeconds: 45,
  maxSeconds: 90,
  retakes: 2,
};

for (const database of ['sqlite', 'postgres'] as const) {
  describe(`workspace: editing interviews (${database})`, () => {
    let server: TestServer;
    let admin: Api;
    let recruiter: Api;
    let reviewer: Api;

    const clock = useClockedServer({ database }, (s) => ({ server, admin } = s));

    before(async () => {
      recruiter = await staffUser(admin, 'recruiter');
      reviewer = await staffUser(admin, 'reviewer');
    });

    const patch = (api: Api, id: string, body: unknown) =>
      api.request('PATCH', `/interviews/${id}`, body);
    const read = async (id: string) => (await admin.get(`/interviews/${id}`)).body;

    it('edits title, intro and deadline alone, leaving everything else as it was', async () => {
      const interview = await createInterview(recruiter);
      const res = await patch(recruiter, interview.id, {
        title: ' Support lead ',
        deadline: '2031-01-01T09:00:00+01:00',
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body, {
        ...interview,
        title: 'Support lead',
        deadline: '2031-01-01T08:00:00.000Z',
      });
      assert.deepEqual(await read(interview.id), res.body);
      const cleared = await patch(admin, interview.id, { intro: '', deadline: null });
      assert.equal(cleared.status, 200);
      assert.deepEqual(cleared.body, { ...res.body, intro: '', deadline: null });
    });

    it('reorders, edits, adds and removes questions before anyone answers; kept questions keep their ids', async () => {
      const interview = await createInterview(admin);
      const [first, second] = interview.questions;
      const res = await patch(admin, interview.id, {
        questions: [{ ...second, prompt: 'Why us?' }, third, { ...first }].map(
          ({ position: _, ...q }: any) => q,
        ),
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const questions = res.body.questions;
      assert.deepEqual(
        questions.map((q: any) => q.position),
        [0, 1, 2],
      );
      assert.deepEqual(questions[0], { ...second, prompt: 'Why us?', position: 0 });
      assert.deepEqual(
        { ...questions[1], id: undefined },
        { ...third, id: undefined, position: 1, competency: null, guidance: '', anchors: {} },
      );
      assert.deepEqual(questions[2], { ...first, position: 2 });

      const removed = await patch(admin, interview.id, {
        questions: [{ ...third, id: questions[1].id }],
      });
      assert.equal(removed.status, 200);
      assert.deepEqual(removed.body.questions, [{ ...questions[1], position: 0 }]);
      assert.deepEqual(await read(interview.id), removed.body);
    });

    it('locks the questions once a candidate starts an answer (409 questions_locked); text stays editable', async () => {
      const interview = await createInterview(admin);
      const { candidate } = await inviteOne(admin, interview.id);
      const stats = await admin.get(`/interviews/${interview.id}/stats`);
      assert.deepEqual(stats.body, {
        interviewId: interview.id,
        invitations: { invited: 1, started: 0, completed: 0, expired: 0 },
        answerCount: 0,
        questionsLocked: false,
      });
      await startAnswer(candidate, interview.questions[0]!.id);
      await addMembers(admin, interview.id, [{ staff: reviewer, role: 'reviewer' }]);
      const locked = await reviewer.get(`/interviews/${interview.id}/stats`);
      assert.equal(locked.status, 200);
      assert.equal(locked.body.questionsLocked, true);
      assert.equal(locked.body.answerCount, 1);
      assert.deepEqual(locked.body.invitations, {
        invited: 0,
        started: 1,
        completed: 0,
        expired: 0,
      });

      const current = interview.questions.map(({ position: _, ...q }) => q);
      const edits = [
        [{ ...current[0], prompt: 'Changed' }, current[1]],
        [current[1], current[0]],
        [current[0]],
        [...current, third],
      ];
      for (const questions of edits) {
        expectProblem(
          await patch(admin, interview.id, { title: 'New title', questions }),
          409,
          'questions_locked',
        );
      }
      assert.deepEqual(await read(interview.id), interview, 'nothing changed, not even the title');

      // The editor sends the whole form: the unchanged list is accepted with the other fields.
      const res = await patch(admin, interview.id, {
        title: 'New title',
        intro: 'Hi',
        questions: current,
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body, { ...interview, title: 'New title', intro: 'Hi' });
    });

    it('moves invitations with the deadline: extending it reopens an expired invitation', async () => {
      const deadline = new Date(Date.now() + 2 * HOUR).toISOString();
      const interview = await createInterview(admin, { deadline });
      const { invitation, candidate } = await inviteOne(admin, interview.id);
      assert.equal(invitation.expiresAt, deadline);
      clock.advance(3 * HOUR);
      expectProblem(await candidate.get('/candidate/session'), 410, 'expired');
      const later = new Date(Date.now() + 48 * HOUR).toISOString();
      const events: unknown[] = [];
      const unsubscribe = server.deps.events.subscribe((name, payload) =>
        events.push({ name, payload }),
      );
      assert.equal((await patch(admin, interview.id, { deadline: later })).status, 200);
      unsubscribe();
      assert.deepEqual(
        events,
        [
          {
            name: 'invitation-status',
            payload: { invitationId: invitation.id, status: 'invited' },
          },
        ],
        'staff screens hear that the invitation reopened',
      );
      const [listed] = (await admin.get(`/interviews/${interview.id}/invitations`)).body.items;
      assert.equal(listed.status, 'invited');
      assert.equal(listed.expiresAt, later);
      assert.equal((await candidate.get('/candidate/session')).status, 200);

      // Without a deadline an invitation is open 30 days from when it was sent.
      assert.equal((await patch(admin, interview.id, { deadline: null })).status, 200);
      const [open] = (await admin.get(`/interviews/${interview.id}/invitations`)).body.items;
      const days =
        (Date.parse(open.expiresAt) - Date.parse(invitation.expiresAt) + 2 * HOUR) / (24 * HOUR);
      assert.ok(Math.abs(days - 30) < 0.01, `about 30 days: ${days}`);
    });

    it('refuses bad input (400), unknown interviews (404) and reviewers (403), changing nothing', async () => {
      const interview = await createInterview(admin);
      const [q] = interview.questions.map(({ position: _, ...rest }) => rest);
      const other = await createInterview(admin);
      const cases: [unknown, string][] = [
        [{}, '(body)'],
        [{ title: '' }, 'title'],
        [{ title: 'x'.repeat(201) }, 'title'],
        [{ deadline: 'next friday' }, 'deadline'],
        [{ questions: [] }, 'questions'],
        [{ questions: Array.from({ length: 21 }, () => third) }, 'questions'],
        [{ questions: [{ ...third, thinkSeconds: 601 }] }, 'questions.0.thinkSeconds'],
        [{ questions: [{ ...third, maxSeconds: 5 }] }, 'questions.0.maxSeconds'],
        [{ questions: [{ ...third, retakes: -1 }] }, 'questions.0.retakes'],
        [{ questions: [{ ...third, prompt: ' ' }] }, 'questions.0.prompt'],
        [{ questions: [q, q] }, 'questions.1.id'],
        [{ questions: [{ ...third, id: other.questions[0]!.id }] }, 'questions.0.id'],
        [{ createdAt: '2020-01-01T00:00:00Z' }, '(body)'],
      ];
      for (const [body, path] of cases) expectInvalid(await patch(admin, interview.id, body), path);
      expectProblem(await patch(admin, 'no-such-interview', { title: 'A' }), 404, 'not_found');
      // A reviewer member may look but not edit (a non-member gets 404: test/api/teams.test.ts).
      await addMembers(admin, interview.id, [{ staff: reviewer, role: 'reviewer' }]);
      expectProblem(await patch(reviewer, interview.id, { title: 'A' }), 403, 'forbidden');
      expectProblem(
        await patch(new Api(server.url), interview.id, { title: 'A' }),
        401,
        'unauthenticated',
      );
      expectProblem(await admin.get('/interviews/no-such-interview/stats'), 404, 'not_found');
      assert.deepEqual(await read(interview.id), interview);
      assert.deepEqual(await read(other.id), other);
      assert.equal(QUESTIONS.length, interview.questions.length);
    });
  });
}
