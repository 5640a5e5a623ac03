import assert from 'node:assert/strict';
import { Api, QUESTIONS } from '../helpers/api.js';
import { useTestServer } from '../helpers/server-suite.js';
import type { TestServer } from '../helpers/test-server.js';
import { expectInvalid, expectProblem, ISO_UTC, LEAK, staffUser } from './support.js';
import { addMembers } from './teams-support.js';

const question = {
  prompt: 'Walk us through a hard bug.',
  thinkSeconds: 30,
  maxSeconds: 120,
  retakes: 2,
};
const valid = {
  title: 'Backend engineer',
  intro: 'Three questions, about ten minutes.',
  questions: [question],
};

describe('API v1 interviews (PostgreSQL)', () => {
  let server: TestServer;
  let admin: Api;
  let recruiter: Api;
  let reviewer: Api;

  useTestServer({ database: 'postgres' }, (s) => ({ server, admin } = s));

  before(async () => {
    recruiter = await staffUser(admin, 'recruiter');
    reviewer = await staffUser(admin, 'reviewer');
  });

  async function interviewCount(): Promise<number> {
    const res = await admin.get('/interviews');
    assert.equal(res.status, 200);
    return res.body.items.length;
  }

  it('creates an interview and answers it in the exact Interview shape', async () => {
    const before = Date.now();
    const res = await recruiter.post('/interviews', {
      title: 'Support engineer',
      intro: 'Welcome!',
      deadline: '2031-03-01T12:00:00+02:00',
      questions: QUESTIONS,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const interview = res.body;
    assert.deepEqual(Object.keys(interview).sort(), [
      'allowAudioOnly',
      'competencies',
      'createdAt',
      'deadline',
      'id',
      'intro',
      'privacyText',
      'public',
      'questions',
      'retentionDays',
      'review',
      'title',
    ]);
    assert.equal(interview.public, null, 'no public apply link unless asked');
    assert.match(interview.id, /^[A-Za-z0-9_-]+$/);
    assert.equal(interview.title, 'Support engineer');
    assert.equal(interview.intro, 'Welcome!');
    assert.equal(interview.deadline, '2031-03-01T10:00:00.000Z', 'the deadline in UTC');
    assert.match(interview.createdAt, ISO_UTC);
    assert.ok(Math.abs(Date.parse(interview.createdAt) - before) < 60_000);
    assert.equal(interview.questions.length, QUESTIONS.length);
    interview.questions.forEach((q: any, i: number) => {
      assert.deepEqual(Object.keys(q).sort(), [
        'anchors',
        'competency',
        'guidance',
        'id',
        'maxSeconds',
        'position',
        'prompt',
        'retakes',
        'thinkSeconds',
      ]);
      assert.match(q.id, /^[A-Za-z0-9_-]+$/);
      assert.deepEqual(
        { ...q, id: undefined },
        {
          ...QUESTIONS[i],
          id: undefined,
          position: i,
          competency: null,
          guidance: '',
          anchors: {},
        },
      );
    });
    assert.equal(
      new Set(interview.questions.map((q: any) => q.id)).size,
      QUESTIONS.length,
      'question ids are distinct',
    );

    // The same interview, read back one by one and in the list, by a member of its team.
    await addMembers(recruiter, interview.id, [{ staff: reviewer, role: 'reviewer' }]);
    const one = await reviewer.get(`/interviews/${interview.id}`);
    assert.equal(one.status, 200);
    assert.deepEqual(one.body, interview);
    const list = await reviewer.get('/interviews');
    assert.equal(list.status, 200);
    assert.deepEqual(Object.keys(list.body), ['items']);
    assert.deepEqual(
      list.body.items.find((i: any) => i.id === interview.id),
      interview,
    );
  });

  it('answers intro "" and deadline null when they are left out', async () => {
    const res = await admin.post('/interviews', { title: 'No extras', questions: [question] });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.intro, '');
    assert.equal(res.body.deadline, null);
  });

  it('keeps positions 0..n-1 in the order given, for 20 questions', async () => {
    const questions = Array.from({ length: 20 }, (_, i) => ({
      ...question,
      prompt: `Question ${i}`,
    }));
    const res = await admin.post('/interviews', { title: 'Twenty', questions });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const read = await admin.get(`/interviews/${res.body.id}`);
    assert.deepEqual(
      read.body.questions.map((q: any) => [q.position, q.prompt]),
      questions.map((q, i) => [i, q.prompt]),
    );
  });

  it('accepts every bound itself', async () => {
    const edges = [
      { ...question, thinkSeconds: 0, maxSeconds: 10, retakes: 0 },
      { ...question, thinkSeconds: 600, maxSeconds: 900, retakes: 10 },
    ];
    const res = await admin.post('/interviews', { title: 'Edges', questions: edges });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.questions.map((q: any) => [q.thinkSeconds, q.maxSeconds, q.retakes]),
      [
        [0, 10, 0],
        [600, 900, 10],
      ],
    );
  });

  it('refuses values outside the bounds with 400 invalid_request naming the path, and stores nothing', async () => {
    const count = await interviewCount();
    const withQuestion = (change: Record<string, unknown>) => ({
      ...valid,
      questions: [{ ...question, ...change }],
    });
    const cases: [string, unknown, string[]][] = [
      ['no questions', { ...valid, questions: [] }, ['questions']],
      [
        '21 questions',
        { ...valid, questions: Array.from({ length: 21 }, () => question) },
        ['questions'],
      ],
      ['thinkSeconds -1', withQuestion({ thinkSeconds: -1 }), ['questions.0.thinkSeconds']],
      ['thinkSeconds 601', withQuestion({ thinkSeconds: 601 }), ['questions.0.thinkSeconds']],
      ['maxSeconds 9', withQuestion({ maxSeconds: 9 }), ['questions.0.maxSeconds']],
      ['maxSeconds 901', withQuestion({ maxSeconds: 901 }), ['questions.0.maxSeconds']],
      ['retakes 11', withQuestion({ retakes: 11 }), ['questions.0.retakes']],
      ['retakes -1', withQuestion({ retakes: -1 }), ['questions.0.retakes']],
      [
        'non-integer thinkSeconds',
        withQuestion({ thinkSeconds: 1.5 }),
        ['questions.0.thinkSeconds'],
      ],
      ['non-integer maxSeconds', withQuestion({ maxSeconds: 30.25 }), ['questions.0.maxSeconds']],
      ['string maxSeconds', withQuestion({ maxSeconds: '60' }), ['questions.0.maxSeconds']],
      ['string retakes', withQuestion({ retakes: '1' }), ['questions.0.retakes']],
      [
        'missing prompt',
        { ...valid, questions: [{ thinkSeconds: 1, maxSeconds: 10, retakes: 0 }] },
        ['questions.0.prompt'],
      ],
      ['missing title', { intro: 'x', questions: [question] }, ['title']],
      ['blank title', { ...valid, title: '   ' }, ['title']],
      ['deadline not ISO', { ...valid, deadline: 'next friday' }, ['deadline']],
      ['deadline as a number', { ...valid, deadline: 1_900_000_000_000 }, ['deadline']],
      ['questions not a list', { ...valid, questions: 'one' }, ['questions']],
      [
        'several problems at once',
        { questions: [question, { ...question, retakes: 11 }] },
        ['title', 'questions.1.retakes'],
      ],
    ];
    for (const [what, body, paths] of cases) {
      const res = await admin.post('/interviews', body);
      assert.equal(res.status, 400, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
      expectInvalid(res, ...paths);
    }
    assert.equal(await interviewCount(), count, 'no interview was stored');
  });

  it('answers 400 problem+json (not an HTML page) for a body that is not JSON', async () => {
    const count = await interviewCount();
    for (const body of ['{"title": "x", ', 'title=x', '[1,2']) {
      const res = await admin.request('POST', '/interviews', body, {
        'content-type': 'application/json',
      });
      const problem = expectProblem(res, 400, 'invalid_request');
      assert.doesNotMatch(JSON.stringify(problem), /<html|Unexpected token|JSON\.parse/i);
    }
    assert.equal(await interviewCount(), count);
  });

  it('lets a reviewer list and read interviews, but not create them (403 forbidden)', async () => {
    const count = await interviewCount();
    expectProblem(await reviewer.post('/interviews', valid), 403, 'forbidden');
    assert.equal(await interviewCount(), count);
    // Teams: a reviewer lists only the interviews they are a member of.
    const list = await reviewer.get('/interviews');
    assert.equal(list.status, 200);
    const memberOf = list.body.items.length;
    const interview = await admin.post('/interviews', valid);
    assert.equal((await reviewer.get('/interviews')).body.items.length, memberOf);
    await addMembers(admin, interview.body.id, [{ staff: reviewer, role: 'reviewer' }]);
    assert.equal((await reviewer.get('/interviews')).body.items.length, memberOf + 1);
  });

  it('answers 401 unauthenticated without a staff token, and stores nothing', async () => {
    const count = await interviewCount();
    const anonymous = new Api(server.url);
    expectProblem(await anonymous.get('/interviews'), 401, 'unauthenticated');
    expectProblem(await anonymous.post('/interviews', valid), 401, 'unauthenticated');
    assert.equal(await interviewCount(), count);
  });

  it('answers 404 not_found for an unknown interview id', async () => {
    expectProblem(await admin.get('/interviews/no-such-interview'), 404, 'not_found');
    expectProblem(await admin.get(`/interviews/${'x'.repeat(20)}`), 404, 'not_found');
    expectProblem(await admin.get('/interviews/%27%20OR%201%3D1--'), 404, 'not_found');
  });

  it('answers unknown endpoints with 404 problem+json', async () => {
    expectProblem(await admin.get('/no-such-endpoint'), 404, 'not_found');
    expectProblem(await admin.request('DELETE', '/interviews'), 404, 'not_found');
  });

  it('never shows stack traces, SQL or file paths in an error', async () => {
    const probes = [
      await admin.post('/interviews', { title: 'x'.repeat(100_000), questions: [question] }),
      await admin.post('/interviews', {
        title: { $ne: 1 },
        questions: [{ prompt: ['a'], thinkSeconds: null }],
      }),
      await admin.post('/interviews', {
        ...valid,
        deadline: "2030-01-01'; DROP TABLE interviews; --",
      }),
      await admin.request('POST', '/interviews', '{"__proto__": {"x": 1}, "title": ', {
        'content-type': 'application/json',
      }),
      await admin.get('/interviews/%E0%A4%A'),
      await admin.get(`/interviews/${encodeURIComponent('../../etc/passwd')}`),
    ];
    for (const res of probes) {
      assert.ok(res.status >= 400 && res.status < 500, `${res.status} ${JSON.stringify(res.body)}`);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.doesNotMatch(JSON.stringify(res.body), LEAK);
    }
  });
});
