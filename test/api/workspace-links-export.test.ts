import assert from 'node:assert/strict';
import { readCsvRows } from '../../web-components/workspace/invitations/csv-rows.js';
import {
  Api,
  createInterview,
  inviteOne,
  recordAnswer,
  tokenOf,
  waitForAnswer,
} from '../helpers/api.js';
import { safariLikeMp4Chunks } from '../helpers/media-fixtures.js';
import type { TestServer } from '../helpers/test-server.js';
import { RATINGS_CSV_HEADER as HEADER } from './ratings-csv.js';
import {
  CLIP_MIME,
  expectOkWithKeys,
  expectProblem,
  HOUR,
  staffUser,
  useClockedServer,
} from './support.js';
import { addMembers } from './teams-support.js';

for (const database of ['sqlite', 'postgres'] as const) {
  describe(`workspace: new links and the ratings export (${database})`, function () {
    this.timeout(120_000);
    let server: TestServer;
    let admin: Api;
    let reviewer: Api;
    let finished: ReturnType<typeof answeredInterview>;

    const clock = useClockedServer({ database }, (s) => ({ server, admin } = s));

    before(async () => {
      reviewer = await staffUser(admin, 'reviewer', 'reviewer');
      finished = answeredInterview('=HYPERLINK("http://evil.test")', 'Export test');
      finished.catch(() => {}); // awaited by the tests that use it
    });

    it('re-issues a link: the new one opens the interview, the old one stops working, answers stay', async () => {
      const interview = await createInterview(admin);
      const { invitation, candidate } = await inviteOne(admin, interview.id);
      const started = await candidate.post('/candidate/answers', {
        questionId: interview.questions[0]!.id,
        mimeType: CLIP_MIME,
      });
      assert.equal(started.status, 201);

      const res = await admin.post(`/invitations/${invitation.id}/link`);
      expectOkWithKeys(res, [
        'candidate',
        'completedAt',
        'decision',
        'expiresAt',
        'id',
        'status',
        'url',
      ]);
      assert.equal(res.body.status, 'started');
      assert.ok(res.body.url.startsWith(`${server.url}/i/`));
      assert.notEqual(res.body.url, invitation.url);

      expectProblem(await candidate.get('/candidate/session'), 401, 'unauthenticated');
      const renewed = new Api(server.url, tokenOf(res.body.url));
      const session = await renewed.get('/candidate/session');
      assert.equal(session.status, 200);
      assert.deepEqual(
        session.body.answers.map((a: any) => a.id),
        [started.body.id],
      );
    });

    it('refuses a new link to other roles and unknown ids; a finished or expired one gets a limited link', async () => {
      const interview = await createInterview(admin, {
        deadline: new Date(Date.now() + HOUR).toISOString(),
      });
      const { invitation } = await inviteOne(admin, interview.id);
      await addMembers(admin, interview.id, [{ staff: reviewer, role: 'reviewer' }]);
      expectProblem(await reviewer.post(`/invitations/${invitation.id}/link`), 403, 'forbidden');
      expectProblem(await admin.post('/invitations/no-such-invitation/link'), 404, 'not_found');
      clock.advance(2 * HOUR);
      const expired = await admin.post(`/invitations/${invitation.id}/link`);
      assert.equal(expired.status, 200, JSON.stringify(expired.body));
      assert.equal(expired.body.status, 'expired');
      clock.reset();

      // Issue 21: the finished candidate's new link opens their data, not the recorder.
      const done = await finished;
      const renewed = await admin.post(`/invitations/${done.invitationId}/link`);
      assert.equal(renewed.status, 200, JSON.stringify(renewed.body));
      expectProblem(await done.candidate.get('/candidate/session'), 401, 'unauthenticated');
      const limited = new Api(server.url, tokenOf(renewed.body.url));
      assert.equal((await limited.get('/candidate/export')).status, 200);
      expectProblem(await limited.post('/candidate/finish'), 403, 'link_limited');
    });

    /** An interview answered and finished by one candidate, answers ready. */
    async function answeredInterview(name: string, title: string) {
      const interview = await createInterview(admin, {
        title,
        questions: [
          {
            prompt: '=1+1 Tell us, "briefly", about you',
            thinkSeconds: 30,
            maxSeconds: 60,
            retakes: 1,
          },
          { prompt: 'Second', thinkSeconds: 30, maxSeconds: 60, retakes: 1 },
        ],
      });
      await addMembers(admin, interview.id, [{ staff: reviewer, role: 'reviewer' }]);
      const res = await admin.post(`/interviews/${interview.id}/invitations`, {
        candidates: [{ name, email: 'zoe@example.test' }],
      });
      const invitation = res.body.items[0];
      const candidate = new Api(server.url, tokenOf(invitation.url));
      const { mimeType, chunks } = await safariLikeMp4Chunks(1);
      const answers = await Promise.all(
        interview.questions.map(async (question) => {
          const answer = await recordAnswer(candidate, question.id, mimeType, chunks);
          return waitForAnswer(candidate, answer.id);
        }),
      );
      assert.equal((await candidate.post('/candidate/finish')).status, 200);
      return { interview, invitationId: invitation.id as string, candidate, answers };
    }

    it('exports every rating as CSV: BOM, one row per rating, formula cells neutralised, quotes kept', async () => {
      const { interview, answers } = await finished;
      const [first, second] = answers;
      const comment = 'Clear, "structured"\nanswer; +10 from me';
      assert.equal(
        (await reviewer.put(`/answers/${first!.id}/ratings/me`, { score: 4, comment })).status,
        200,
      );
      assert.equal(
        (await admin.put(`/answers/${first!.id}/ratings/me`, { score: 2, comment: '@mention -5' }))
          .status,
        200,
      );
      assert.equal(
        (await reviewer.put(`/answers/${second!.id}/ratings/me`, { score: 5 })).status,
        200,
      );

      const res = await fetch(`${server.url}/api/v1/interviews/${interview.id}/ratings.csv`, {
        headers: { authorization: `Bearer ${admin.token}` },
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.match(
        res.headers.get('content-disposition') ?? '',
        /^attachment; filename="?ratings-export-test\.csv"?$/,
      );
      const bytes = Buffer.from(await res.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
      const text = bytes.toString('utf8');
      assert.ok(text.includes('\r\n'), 'CRLF line ends');
      const rows = readCsvRows(text, ',').map((r) => r.cells);
      assert.deepEqual(rows[0], HEADER);
      assert.equal(rows.length, 4, 'a header and three ratings');
      const body = rows.slice(1);
      for (const row of body) {
        assert.equal(row[0], `'=HYPERLINK("http://evil.test")`);
        assert.equal(row[1], 'zoe@example.test');
        assert.ok(!Number.isNaN(Date.parse(row[7]!)));
      }
      assert.deepEqual(body.map((r) => [r[2], r[4], r[5], r[6]]).sort(), [
        ['1', 'Administrator', '2', `'@mention -5`],
        ['1', 'reviewer', '4', comment],
        ['2', 'reviewer', '5', ''],
      ]);
      assert.equal(body.find((r) => r[2] === '1')![3], `'=1+1 Tell us, "briefly", about you`);
    });

    it('exports a header only when nobody rated yet; 403 for reviewers, 404 for unknown interviews', async () => {
      const interview = await createInterview(admin, { title: 'Évaluation été' });
      const res = await fetch(`${server.url}/api/v1/interviews/${interview.id}/ratings.csv`, {
        headers: { authorization: `Bearer ${admin.token}` },
      });
      assert.equal(res.status, 200);
      assert.match(
        res.headers.get('content-disposition') ?? '',
        /filename="?ratings-evaluation-ete\.csv"?$/,
      );
      assert.equal(
        Buffer.from(await res.arrayBuffer()).toString('utf8'),
        `\uFEFF${HEADER.map((h) => `"${h}"`).join(',')}\r\n`,
      );
      await addMembers(admin, interview.id, [{ staff: reviewer, role: 'reviewer' }]);
      expectProblem(
        await reviewer.get(`/interviews/${interview.id}/ratings.csv`),
        403,
        'forbidden',
      );
      expectProblem(await admin.get('/interviews/nope/ratings.csv'), 404, 'not_found');
      expectProblem(
        await new Api(server.url).get(`/interviews/${interview.id}/ratings.csv`),
        401,
        'unauthenticated',
      );
    });
  });
}
