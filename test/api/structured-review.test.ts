import assert from 'node:assert/strict';
import type { Socket } from 'socket.io-client';
import type { Answer, Interview, Invitation } from '../../server/contracts/api.js';
import { readCsvRows } from '../../web-components/workspace/invitations/csv-rows.js';
import { type Api, recordAnswer, tokenOf, waitForAnswer } from '../helpers/api.js';
import { useTestServer } from '../helpers/server-suite.js';
import { staffSocket } from '../helpers/staff-socket.js';
import { BOTH_SETUPS, type TestServer } from '../helpers/test-server.js';
import { RATINGS_CSV_HEADER } from './ratings-csv.js';
import {
  CLIP_MIME,
  clipChunks,
  expectInvalid,
  expectOkWithKeys,
  expectProblem,
  staffUser,
} from './support.js';
import { addMembers } from './teams-support.js';

/** Names and emails no pseudonym or prompt could contain by chance. */
const PEOPLE = [
  { name: 'Zephyrine Quillfeather', email: 'zephyrine.q@blind.test' },
  { name: 'Bartholomew Nightingale', email: 'bart.nightingale@blind.test' },
  { name: 'Ottoline Vexley', email: 'ottoline.vexley@blind.test' },
  { name: 'Unfinished Marchbanks', email: 'unfinished.m@blind.test' },
];
const LEAKS = PEOPLE.flatMap((p) => [...p.name.split(' '), p.email]).map((s) => s.toLowerCase());

function assertNoNames(what: string, body: unknown): void {
  const text = JSON.stringify(body).toLowerCase();
  for (const leak of LEAKS) assert.ok(!text.includes(leak), `${what} shows "${leak}": ${text}`);
}

const COMPETENCIES = [
  { key: 'communication', name: 'Communication', description: 'Explains clearly.' },
  { key: 'teamwork', name: 'Teamwork' },
];
const QUESTIONS = [
  {
    prompt: 'Tell us about explaining something hard.',
    thinkSeconds: 10,
    maxSeconds: 60,
    retakes: 0,
    competency: 'communication',
    guidance: 'Listen for structure.',
    anchors: { '1': 'Hard to follow.', '3': 'Clear order.', '5': 'Concise and adapted.' },
  },
  {
    prompt: 'Tell us about a team you helped.',
    thinkSeconds: 10,
    maxSeconds: 60,
    retakes: 0,
    competency: 'teamwork',
  },
];

for (const config of BOTH_SETUPS) {
  describe(`structured review (${config.database} + ${config.storage} storage)`, () => {
    let server: TestServer;
    let admin: Api;
    let recruiter: Api;
    let reviewers: { a: Api; b: Api; c: Api };
    let interview: Interview;
    let invitations: Invitation[];
    /** answers[candidate][question], for the three candidates who finished. */
    let answers: Answer[][];
    const events: unknown[] = [];
    let socket: Socket;

    const rate = async (who: Api, answer: Answer, score: number, comment = '') => {
      const res = await who.put(`/answers/${answer.id}/ratings/me`, { score, comment });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };
    const ratingsOf = async (who: Api, answer: Answer) => {
      const res = await who.get(`/answers/${answer.id}/ratings`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.items as any[];
    };

    // Registered before the server's hooks: mocha runs `after` hooks in order, and the server
    // only stops once this socket is closed.
    after(() => socket?.close());
    useTestServer(config, (s) => ({ server, admin } = s));
    before(async function () {
      this.timeout(300_000);
      recruiter = await staffUser(admin, 'recruiter', 'Rita');
      const [a, b, c] = await Promise.all(
        ['Ann', 'Ben', 'Cat'].map((name) => staffUser(admin, 'reviewer', name)),
      );
      reviewers = { a: a!, b: b!, c: c! };
      socket = staffSocket(server.url, reviewers.a.token);
      socket.onAny((event, payload) => events.push({ event, payload }));
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));

      const created = await recruiter.post('/interviews', {
        title: 'Client advisor',
        questions: QUESTIONS,
        competencies: COMPETENCIES,
        review: { hideVideoUntilRated: true },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      interview = created.body;
      await addMembers(
        recruiter,
        interview.id,
        Object.values(reviewers).map((staff) => ({ staff, role: 'reviewer' as const })),
      );
      const invited = await recruiter.post(`/interviews/${interview.id}/invitations`, {
        candidates: PEOPLE,
      });
      assert.equal(invited.status, 201, JSON.stringify(invited.body));
      invitations = invited.body.items;
      const chunks = await clipChunks(2);
      // Upload everything first, then wait: the media jobs run while the rest uploads.
      const submitted: { candidate: Api; answers: Answer[] }[] = [];
      for (const invitation of invitations.slice(0, 3)) {
        const candidate = admin.as(tokenOf(invitation.url!));
        const own: Answer[] = [];
        for (const q of interview.questions)
          own.push(await recordAnswer(candidate, q.id, CLIP_MIME, chunks));
        submitted.push({ candidate, answers: own });
      }
      answers = [];
      for (const { candidate, answers: own } of submitted) {
        const ready: Answer[] = [];
        for (const s of own) ready.push(await waitForAnswer(candidate, s.id, 240_000));
        for (const r of ready) assert.equal(r.status, 'ready', JSON.stringify(r));
        assert.equal((await candidate.post('/candidate/finish')).status, 200);
        answers.push(ready);
      }
      // The fourth candidate starts but never finishes.
      await recordAnswer(
        admin.as(tokenOf(invitations[3]!.url!)),
        interview.questions[0]!.id,
        CLIP_MIME,
        chunks,
      );
    });

    it('echoes competencies, rubrics and review settings with their defaults filled in', async () => {
      assert.deepEqual(interview.competencies, [
        COMPETENCIES[0],
        { ...COMPETENCIES[1], description: '' },
      ]);
      assert.deepEqual(interview.review, {
        order: 'by-candidate',
        blind: true,
        hideVideoUntilRated: true,
        ratingsRequired: 2,
        evidenceRequired: false,
        calibration: 'separate',
      });
      const [q1, q2] = interview.questions;
      assert.equal(q1!.competency, 'communication');
      assert.equal(q1!.guidance, 'Listen for structure.');
      assert.deepEqual(q1!.anchors, QUESTIONS[0]!.anchors);
      assert.deepEqual([q2!.competency, q2!.guidance, q2!.anchors], ['teamwork', '', {}]);
      assert.deepEqual((await reviewers.a.get(`/interviews/${interview.id}`)).body, interview);
      // Candidates never see the rubric.
      const session = await admin.as(tokenOf(invitations[3]!.url!)).get('/candidate/session');
      assert.equal(session.status, 200);
      assert.ok(!JSON.stringify(session.body).includes('Listen for structure'));
      assert.ok(!('anchors' in session.body.interview.questions[0]));
    });

    it('refuses a bad rubric with 400 and changes nothing', async () => {
      const base = { title: 'x', questions: [{ ...QUESTIONS[1], competency: 'nope' }] };
      expectInvalid(await recruiter.post('/interviews', base), 'questions.0.competency');
      expectInvalid(
        await recruiter.post('/interviews', {
          ...base,
          competencies: [{ key: 'Bad Key', name: 'x' }],
          questions: [QUESTIONS[1]],
        }),
        'competencies.0.key',
      );
      expectInvalid(
        await recruiter.post('/interviews', {
          ...base,
          competencies: [COMPETENCIES[1], COMPETENCIES[1]],
          questions: [QUESTIONS[1]],
        }),
        'competencies.1.key',
      );
      const tooLong = { ...QUESTIONS[0], anchors: { '3': 'x'.repeat(1001) } };
      expectInvalid(await patch(recruiter, { questions: [tooLong] }), 'questions.0.anchors.3');
      expectInvalid(
        await patch(recruiter, { review: { ratingsRequired: 11 } }),
        'review.ratingsRequired',
      );
      // Removing a competency a question still uses.
      expectInvalid(
        await patch(recruiter, { competencies: [COMPETENCIES[0]] }),
        'questions.1.competency',
      );
      assert.deepEqual((await recruiter.get(`/interviews/${interview.id}`)).body, interview);
    });

    it('keeps rubric and settings editable after candidates answered; prompts stay locked', async () => {
      const questions = interview.questions.map(({ position: _, ...q }) => q);
      const edited = await patch(recruiter, {
        questions: [{ ...questions[0], anchors: { '4': 'Good, with one gap.' } }, questions[1]],
        review: { ratingsRequired: 3 },
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.deepEqual(edited.body.questions[0].anchors, { '4': 'Good, with one gap.' });
      assert.equal(edited.body.review.ratingsRequired, 3);
      assert.equal(edited.body.review.hideVideoUntilRated, true, 'left-out settings keep theirs');
      expectProblem(
        await patch(recruiter, {
          questions: [{ ...questions[0], prompt: 'Changed' }, questions[1]],
        }),
        409,
        'questions_locked',
      );
      // Back as it was, sending the rubric fields only for the first question.
      const restored = await patch(recruiter, {
        questions: [questions[0], { id: questions[1]!.id, ...QUESTIONS[1], competency: undefined }],
        review: { ratingsRequired: 2 },
      });
      assert.equal(restored.status, 200, JSON.stringify(restored.body));
      assert.deepEqual(restored.body, interview, 'a rubric field left out keeps its value');
    });

    it('shows organisers names and stable pseudonyms; review endpoints show pseudonyms only', async () => {
      const listed = (await recruiter.get(`/interviews/${interview.id}/invitations`)).body.items;
      const labels = new Map<string, string>(
        listed.map((i: Invitation) => [i.id, i.candidate.label]),
      );
      for (const invitation of listed) {
        assert.match(invitation.candidate.label, /^Candidate \d+$/);
        assert.ok(PEOPLE.some((p) => p.name === invitation.candidate.name));
      }
      assert.equal(new Set(labels.values()).size, PEOPLE.length, 'labels are distinct');
      for (const created of invitations)
        assert.equal(
          labels.get(created.id),
          created.candidate.label,
          'the label given at creation stays',
        );

      for (const staff of [admin, recruiter, reviewers.a]) {
        const queue = (await staff.get(`/review/queue?interviewId=${interview.id}`)).body;
        assertNoNames('the queue', queue);
        for (const item of queue.items) {
          assert.deepEqual(item.candidate, {
            id: item.candidate.id,
            label: labels.get(item.invitationId),
          });
        }
        const answer = (await staff.get(`/answers/${answers[0]![0]!.id}`)).body;
        assertNoNames('an answer', answer);
        assert.equal(answer.candidate.label, labels.get(invitations[0]!.id));
        for (const q of interview.questions) {
          const list = await staff.get(
            `/review/by-question?interviewId=${interview.id}&questionId=${q.id}`,
          );
          assertNoNames('by question', list.body);
        }
      }
    });

    it('lists one question’s answers in a shuffle stable per reviewer, different between reviewers', async () => {
      const q1 = interview.questions[0]!;
      const path = `/review/by-question?interviewId=${interview.id}&questionId=${q1.id}`;
      const orders: string[][] = [];
      for (const staff of [admin, recruiter, reviewers.a, reviewers.b, reviewers.c]) {
        const first = await staff.get(path);
        assert.equal(first.status, 200, JSON.stringify(first.body));
        const ids = first.body.items.map((i: any) => i.answerId);
        assert.deepEqual(
          [...ids].sort(),
          answers.map((a) => a[0]!.id).sort(),
          'every finished candidate’s take, not the unfinished one',
        );
        assert.deepEqual(
          (await staff.get(path)).body.items.map((i: any) => i.answerId),
          ids,
        );
        orders.push(ids);
        for (const item of first.body.items) {
          assert.deepEqual(Object.keys(item).sort(), [
            'answerId',
            'candidate',
            'durationMs',
            'invitationId',
            'myScore',
            'posterUrl',
            'status',
          ]);
          assert.equal(item.myScore, null);
          assert.equal(item.posterUrl, null, 'audio first: no face before rating');
        }
      }
      assert.ok(
        orders.some((o) => JSON.stringify(o) !== JSON.stringify(orders[0])),
        'not everyone gets the same order',
      );
      expectProblem(
        await reviewers.a.get(`/review/by-question?interviewId=${interview.id}&questionId=nope`),
        404,
        'not_found',
      );
      expectInvalid(await reviewers.a.get('/review/by-question?interviewId=x'), 'questionId');
    });

    it('seals ratings: nobody sees colleagues’ scores before rating; organisers once enough are in', async () => {
      const [c1q1] = answers[0]!;
      const first = await rate(reviewers.a, c1q1!, 4);
      assert.equal(first.firstScore, 4);
      assert.equal(first.revisedAfterReveal, false);
      for (const staff of [reviewers.b, recruiter, admin])
        assert.deepEqual(await ratingsOf(staff, c1q1!), [], 'sealed');
      const queueOfB = (await reviewers.b.get(`/review/queue?interviewId=${interview.id}`)).body;
      for (const item of queueOfB.items) assert.equal(item.ratingCount, 0, 'no count leaks');

      await rate(reviewers.b, c1q1!, 2);
      for (const staff of [reviewers.a, reviewers.b, recruiter, admin])
        assert.equal((await ratingsOf(staff, c1q1!)).length, 2, 'unsealed');
      assert.deepEqual(await ratingsOf(reviewers.c, c1q1!), [], 'still sealed for C');

      // A changes their mind after seeing B's score: the first score stays on record.
      const revised = await rate(reviewers.a, c1q1!, 3);
      assert.deepEqual(
        [revised.score, revised.firstScore, revised.revisedAfterReveal],
        [3, 4, true],
      );
      const ofB = (await ratingsOf(reviewers.b, c1q1!)).find((r) => r.score === 2);
      assert.deepEqual([ofB.firstScore, ofB.revisedAfterReveal], [2, false]);
    });

    it('offers audio only until the caller has rated, when the interview says so', async () => {
      const c2q1 = answers[1]![0]!;
      const before = (await reviewers.c.get(`/answers/${c2q1.id}`)).body;
      assert.equal(before.videoUrl, null);
      assert.equal(before.posterUrl, null);
      const audio = await fetch(before.audioUrl, { headers: { Range: 'bytes=0-15' } });
      assert.equal(audio.status, 206);
      assert.equal(audio.headers.get('content-type'), 'audio/mp4');
      assert.equal(Buffer.from(await audio.arrayBuffer()).toString('latin1', 4, 8), 'ftyp');
      await rate(reviewers.c, c2q1, 4);
      const after = (await reviewers.c.get(`/answers/${c2q1.id}`)).body;
      assert.match(after.videoUrl, /^https?:\/\//);
      assert.match(after.posterUrl, /^https?:\/\//);
      assert.match(after.audioUrl, /^https?:\/\//);
    });

    it('asks for evidence when the interview requires it: a short comment is refused, nothing stored', async () => {
      const c1q2 = answers[0]![1]!;
      const on = await patch(recruiter, { review: { evidenceRequired: true } });
      assert.equal(on.status, 200, JSON.stringify(on.body));
      for (const comment of ['', 'Too short.', `   ${'x'.repeat(19)}   `]) {
        expectInvalid(
          await reviewers.a.put(`/answers/${c1q2.id}/ratings/me`, { score: 5, comment }),
          'comment',
        );
      }
      const q2 = interview.questions[1]!.id;
      const mine = await reviewers.a.get(
        `/review/by-question?interviewId=${interview.id}&questionId=${q2}`,
      );
      assert.ok(
        mine.body.items.every((i: any) => i.myScore === null),
        'nothing was stored',
      );
      await rate(reviewers.a, c1q2, 5, 'Named the colleague and what changed.');
      assert.equal((await patch(recruiter, { review: { evidenceRequired: false } })).status, 200);
    });

    it('computes results per candidate and competency from current scores', async () => {
      const [[, c1q2], [c2q1], [c3q1, c3q2]] = answers as [Answer[], Answer[], Answer[]];
      await rate(reviewers.b, c1q2!, 5);
      await rate(reviewers.a, c2q1!, 3);
      await rate(reviewers.b, c2q1!, 3);
      await rate(reviewers.c, c3q1!, 1);
      await rate(reviewers.a, c3q2!, 2);
      await rate(reviewers.b, c3q2!, 4);
      // The recruiter reads the three ratings first, then rates: not an independent score.
      assert.equal((await ratingsOf(recruiter, c2q1!)).length, 3);
      const late = await rate(recruiter, c2q1!, 1);
      // Never independent: no first score (API.md, "Sealed for organisers too").
      assert.deepEqual(
        [late.independent, late.firstScore, late.revisedAfterReveal],
        [false, null, false],
      );

      const res = await recruiter.get(`/interviews/${interview.id}/results`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const byInvitation = new Map(res.body.items.map((i: any) => [i.invitationId, i]));
      assert.equal(byInvitation.size, 4);
      const summary = (id: string) => {
        const item: any = byInvitation.get(id);
        return {
          name: item.candidate.name,
          competencies: item.competencies.map((c: any) => [c.key, c.mean, c.n]),
          overall: [item.overall.mean, item.overall.n],
          complete: item.ratingsComplete,
        };
      };
      const [i1, i2, i3, i4] = invitations.map((i) => i.id) as [string, string, string, string];
      assert.deepEqual(summary(i1), {
        name: PEOPLE[0]!.name,
        competencies: [
          ['communication', 2.5, 2],
          ['teamwork', 5, 2],
        ],
        overall: [3.75, 4],
        complete: true,
      });
      assert.deepEqual(summary(i2), {
        name: PEOPLE[1]!.name,
        competencies: [
          ['communication', 2.75, 4],
          ['teamwork', null, 0],
        ],
        overall: [2.75, 4],
        complete: false,
      });
      const third = summary(i3);
      assert.deepEqual(third.competencies, [
        ['communication', 1, 1],
        ['teamwork', 3, 2],
      ]);
      assert.ok(Math.abs(third.overall[0]! - 7 / 3) < 1e-9 && third.overall[1] === 3);
      assert.deepEqual(summary(i4).overall, [null, 0]);
      assert.equal((byInvitation.get(i1) as any).competencies[0].spread, 0.5);
      expectProblem(await reviewers.a.get(`/interviews/${interview.id}/results`), 403, 'forbidden');
      expectProblem(await recruiter.get('/interviews/nope/results'), 404, 'not_found');
    });

    it('measures agreement on independent first scores: alpha overall and per question, deviations', async () => {
      const res = await admin.get(`/interviews/${interview.id}/reliability`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const { overall, questions, reviewers: people } = res.body;
      // Units {4,2} {5,5} {3,3,4} {2,4}: A's first 4 (not their revised 3); the recruiter's
      // score, given after seeing the others, and C's lone score on c3q1 are left out.
      assert.deepEqual([overall.units, overall.ratings], [4, 9]);
      assert.ok(Math.abs(overall.alpha - 5 / 23) < 1e-9, String(overall.alpha));
      const [q1, q2] = questions;
      assert.deepEqual([q1.questionId, q1.units, q1.ratings], [interview.questions[0]!.id, 2, 5]);
      assert.ok(Math.abs(q1.alpha + 3 / 7) < 1e-9, String(q1.alpha));
      assert.deepEqual([q2.units, q2.ratings, q2.alpha], [2, 4, 0.5]);
      assert.deepEqual(
        people.map((p: any) => [p.reviewer.name, p.ratings, p.meanDeviation]),
        [
          ['Ann', 4, -0.125],
          ['Ben', 4, -0.125],
          ['Cat', 1, 1],
        ],
      );
      expectProblem(
        await reviewers.b.get(`/interviews/${interview.id}/reliability`),
        403,
        'forbidden',
      );
    });

    it('puts my unrated answers first in the question list', async () => {
      const q1 = interview.questions[0]!.id;
      const items = (
        await reviewers.c.get(`/review/by-question?interviewId=${interview.id}&questionId=${q1}`)
      ).body.items;
      assert.deepEqual(
        items.map((i: any) => [i.answerId, i.myScore]),
        [[answers[0]![0]!.id, null], ...items.slice(1).map((i: any) => [i.answerId, i.myScore])],
      );
      assert.deepEqual(
        items
          .slice(1)
          .map((i: any) => i.myScore)
          .sort(),
        [1, 4],
      );
    });

    it('records decisions for organisers only; a second call replaces the first', async () => {
      const target = invitations[0]!.id;
      expectProblem(
        await reviewers.a.put(`/invitations/${target}/decision`, { outcome: 'advance' }),
        403,
        'forbidden',
      );
      expectInvalid(
        await recruiter.put(`/invitations/${target}/decision`, { outcome: 'maybe' }),
        'outcome',
      );
      expectProblem(
        await recruiter.put('/invitations/nope/decision', { outcome: 'hold' }),
        404,
        'not_found',
      );
      const first = await recruiter.put(`/invitations/${target}/decision`, {
        outcome: 'advance',
        note: 'Strong on both.',
      });
      expectOkWithKeys(first, ['decidedAt', 'decidedBy', 'note', 'outcome']);
      assert.equal(first.body.decidedBy.name, 'Rita');
      const second = await admin.put(`/invitations/${target}/decision`, { outcome: 'hold' });
      assert.deepEqual([second.body.outcome, second.body.note], ['hold', '']);
      const listed = (await recruiter.get(`/interviews/${interview.id}/invitations`)).body.items;
      assert.deepEqual(listed.find((i: Invitation) => i.id === target).decision, second.body);
      assert.equal(listed.find((i: Invitation) => i.id !== target).decision, null);
      const results = (await recruiter.get(`/interviews/${interview.id}/results`)).body.items;
      assert.deepEqual(results.find((i: any) => i.invitationId === target).decision, second.body);
      const audit = (await admin.get(`/audit?invitationId=${target}`)).body.items;
      assert.equal(audit.filter((e: any) => e.action === 'decision.saved').length, 2);
    });

    it('exports label, competency, first score, revision and decision columns in the ratings CSV', async () => {
      const res = await fetch(`${server.url}/api/v1/interviews/${interview.id}/ratings.csv`, {
        headers: { authorization: `Bearer ${recruiter.token}` },
      });
      assert.equal(res.status, 200);
      const rows = readCsvRows(await res.text(), ',').map((r) => r.cells);
      const header = rows[0]!.map((h) => h.replace(/^\uFEFF/, ''));
      const col = (name: string) => header.indexOf(name);
      assert.deepEqual(header.slice(8, 14), RATINGS_CSV_HEADER.slice(8, 14));
      const annOnFirst = rows.find(
        (r) => r[0] === PEOPLE[0]!.name && r[2] === '1' && r[col('Reviewer')] === 'Ann',
      )!;
      assert.deepEqual(annOnFirst.slice(col('Score'), col('Score') + 1), ['3']);
      assert.deepEqual(annOnFirst.slice(8, 14), [
        invitations[0]!.candidate.label,
        'Communication',
        '4',
        'yes',
        'hold',
        '',
      ]);
    });

    it('shows names to reviewers once the interview is not blind', async () => {
      // Turning blind review off reduces candidates' privacy: an admin's call (Teams).
      assert.equal((await patch(admin, { review: { blind: false } })).status, 200);
      const queue = (await reviewers.a.get(`/review/queue?interviewId=${interview.id}`)).body;
      const shown = queue.items.map((i: any) => i.candidate.name).sort();
      assert.deepEqual(
        shown,
        PEOPLE.slice(0, 3)
          .map((p) => p.name)
          .sort(),
      );
      assert.equal((await patch(recruiter, { review: { blind: true } })).status, 200);
    });

    it('never put a candidate’s name or email in a socket.io event', () => {
      assert.ok(events.length > 0, 'events arrived');
      assertNoNames('socket.io events', events);
    });

    function patch(staff: Api, body: unknown) {
      return staff.request('PATCH', `/interviews/${interview.id}`, body);
    }
  });
}
