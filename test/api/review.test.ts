import assert from 'node:assert/strict';
import type { Answer, Interview, Invitation } from '../../server/contracts/api.js';
import { type Api, createInterview, invite, recordAnswer, waitForAnswer } from '../helpers/api.js';
import { useTestServer } from '../helpers/server-suite.js';
import { BOTH_SETUPS, type TestServer } from '../helpers/test-server.js';
import {
  CLIP_MIME,
  clipChunks,
  expectInvalid,
  expectProblem,
  ISO_UTC,
  itemsOf,
  staffUser,
  startAnswer,
} from './support.js';
import { addMembers } from './teams-support.js';

const QUEUE_ITEM_KEYS = [
  'answers',
  'candidate',
  'completedAt',
  'interviewId',
  'invitationId',
  'myRated',
  'ratingCount',
];
const QUEUE_ANSWER_KEYS = ['durationMs', 'id', 'posterUrl', 'questionId', 'status'];
const REVIEW_ANSWER_KEYS = [
  'audioUrl',
  'candidate',
  'durationMs',
  'error',
  'height',
  'id',
  'invitationId',
  'posterUrl',
  'questionId',
  'status',
  'videoUrl',
  'width',
];
const RATING_KEYS = [
  'answerId',
  'comment',
  'firstScore',
  'id',
  'independent',
  'reviewer',
  'revisedAfterReveal',
  'score',
  'updatedAt',
];

/** The types of an MP4's top-level boxes, in file order. */
function topLevelBoxes(bytes: Buffer): string[] {
  const types: string[] = [];
  let offset = 0;
  while (offset + 8 <= bytes.length) {
    let size = bytes.readUInt32BE(offset);
    types.push(bytes.toString('latin1', offset + 4, offset + 8));
    if (size === 1) size = Number(bytes.readBigUInt64BE(offset + 8));
    else if (size === 0) size = bytes.length - offset;
    if (size < 8) break;
    offset += size;
  }
  return types;
}

/** How long a signed media link stays valid, from its query (local signed link or S3 presigned). */
function secondsValid(url: string): number {
  const query = new URL(url).searchParams;
  const expires = query.get('expires');
  if (expires) return Number(expires) - Date.now() / 1000;
  const amzExpires = query.get('X-Amz-Expires');
  assert.ok(amzExpires, `a signed URL: ${url}`);
  return Number(amzExpires);
}

/** The whole file behind a media link, which must answer 200 with this content type. */
async function download(url: string, contentType: string): Promise<Buffer> {
  const res = await fetch(url);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), contentType);
  return Buffer.from(await res.arrayBuffer());
}

for (const config of BOTH_SETUPS) {
  describe(`API v1 review (${config.database} + ${config.storage} storage)`, () => {
    let server: TestServer;
    let admin: Api;
    let interview: Interview;
    /** The candidate who answered both questions and finished. */
    let done: Invitation;
    let ready: Answer[];
    /** Another candidate's take still being recorded. */
    let recording: Answer;
    let reviewers: Api[];

    useTestServer(config, (s) => ({ server, admin } = s));

    before(async () => {
      interview = await createInterview(admin);
      const [first, second] = (await invite(admin, interview.id, 2)) as [any, any];
      const chunks = await clipChunks(3);
      const submitted: Answer[] = [];
      for (const q of interview.questions)
        submitted.push(await recordAnswer(first.candidate, q.id, CLIP_MIME, chunks));
      ready = [];
      for (const a of submitted) ready.push(await waitForAnswer(first.candidate, a.id));
      for (const a of ready) assert.equal(a.status, 'ready', JSON.stringify(a));
      const finished = await first.candidate.post('/candidate/finish');
      assert.equal(finished.status, 200, JSON.stringify(finished.body));
      done = finished.body;
      recording = await startAnswer(second.candidate, interview.questions[0]!.id);
      reviewers = await Promise.all(
        ['first', 'second', 'queue', 'late'].map((name) => staffUser(admin, 'reviewer', name)),
      );
      await addMembers(
        admin,
        interview.id,
        reviewers.map((staff) => ({ staff, role: 'reviewer' as const })),
      );
    });

    async function queueItem(staff: Api): Promise<any> {
      const items = itemsOf(await staff.get(`/review/queue?interviewId=${interview.id}`));
      assert.equal(items.length, 1, 'only the completed candidate is in the queue');
      return items[0];
    }

    async function ratingsOf(staff: Api, answerId: string): Promise<any[]> {
      return itemsOf(await staff.get(`/answers/${answerId}/ratings`));
    }

    it('lists the completed candidate in the queue in the exact QueueItem shape', async () => {
      const item = await queueItem(admin);
      assert.deepEqual(Object.keys(item).sort(), QUEUE_ITEM_KEYS);
      assert.equal(item.invitationId, done.id);
      assert.equal(item.interviewId, interview.id);
      // Blind by default: the pseudonym, never the name.
      assert.deepEqual(item.candidate, { id: done.candidate.id, label: done.candidate.label });
      assert.equal(item.completedAt, done.completedAt);
      assert.match(item.completedAt, ISO_UTC);
      assert.equal(item.myRated, false);
      assert.equal(item.ratingCount, 0);
      assert.deepEqual(
        item.answers.map((a: any) => [a.id, a.questionId, a.status]),
        ready.map((a) => [a.id, a.questionId, 'ready']),
      );
      for (const answer of item.answers) {
        assert.deepEqual(Object.keys(answer).sort(), QUEUE_ANSWER_KEYS);
        assert.ok(
          Number.isInteger(answer.durationMs) && answer.durationMs > 1000,
          `durationMs ${answer.durationMs}`,
        );
        assert.match(answer.posterUrl, /^https?:\/\//);
      }
      // Filters: another interview has nobody; the queue of everything still holds this candidate.
      const other = await createInterview(admin);
      assert.deepEqual((await admin.get(`/review/queue?interviewId=${other.id}`)).body, {
        items: [],
      });
      const all = await admin.get('/review/queue');
      assert.ok(all.body.items.some((i: any) => i.invitationId === done.id));
      expectInvalid(await admin.get('/review/queue?status=bogus'), 'status');
    });

    it('gives each answer a video and poster link that plain fetch can GET, ranges included', async () => {
      for (const { id } of ready) {
        const res = await admin.get(`/answers/${id}`);
        assert.equal(res.status, 200, JSON.stringify(res.body));
        const answer = res.body;
        assert.deepEqual(Object.keys(answer).sort(), REVIEW_ANSWER_KEYS);
        assert.equal(answer.invitationId, done.id);
        assert.equal(answer.status, 'ready');
        assert.equal(answer.error, null);
        assert.ok(
          answer.durationMs > 1000 && answer.durationMs < 4000,
          `durationMs ${answer.durationMs}`,
        );
        assert.ok(answer.width > 0 && answer.height > 0, `${answer.width}x${answer.height}`);
        assert.ok(secondsValid(answer.videoUrl) >= 600, 'the video link lasts at least 10 minutes');

        const bytes = await download(answer.videoUrl, 'video/mp4');
        const boxes = topLevelBoxes(bytes);
        assert.equal(boxes[0], 'ftyp', boxes.join(','));
        assert.ok(boxes.includes('moov') && boxes.includes('mdat'), boxes.join(','));
        assert.ok(
          boxes.indexOf('moov') < boxes.indexOf('mdat'),
          `moov before mdat: ${boxes.join(',')}`,
        );
        assert.ok(bytes.includes('avc1') && bytes.includes('mp4a'), 'H.264 video and AAC audio');

        const part = await fetch(answer.videoUrl, { headers: { Range: 'bytes=0-99' } });
        assert.equal(part.status, 206);
        assert.equal(part.headers.get('content-type'), 'video/mp4');
        assert.equal(part.headers.get('content-range'), `bytes 0-99/${bytes.length}`);
        const first100 = Buffer.from(await part.arrayBuffer());
        assert.equal(first100.length, 100);
        assert.deepEqual(first100, bytes.subarray(0, 100));

        const poster = await fetch(answer.posterUrl);
        assert.equal(poster.status, 200);
        assert.equal(poster.headers.get('content-type'), 'image/jpeg');
        assert.deepEqual(
          [...Buffer.from(await poster.arrayBuffer()).subarray(0, 3)],
          [0xff, 0xd8, 0xff],
        );

        // The audio rendition: AAC in MP4, no video track, index first, byte ranges.
        assert.ok(secondsValid(answer.audioUrl) >= 600, 'the audio link lasts at least 10 minutes');
        const audioBytes = await download(answer.audioUrl, 'audio/mp4');
        const audioBoxes = topLevelBoxes(audioBytes);
        assert.ok(audioBoxes.indexOf('moov') < audioBoxes.indexOf('mdat'), audioBoxes.join(','));
        assert.ok(audioBytes.includes('mp4a') && !audioBytes.includes('avc1'), 'AAC audio only');
        const audioPart = await fetch(answer.audioUrl, { headers: { Range: 'bytes=10-59' } });
        assert.equal(audioPart.status, 206);
        assert.equal(audioPart.headers.get('content-range'), `bytes 10-59/${audioBytes.length}`);
        assert.deepEqual(Buffer.from(await audioPart.arrayBuffer()), audioBytes.subarray(10, 60));
      }
    });

    it('refuses scores that are not a whole number from 1 to 5 with 400, storing nothing', async () => {
      const answerId = ready[0]!.id;
      for (const score of [0, 6, 2.5, '5', null, -1]) {
        expectInvalid(await admin.put(`/answers/${answerId}/ratings/me`, { score }), 'score');
      }
      expectInvalid(
        await admin.put(`/answers/${answerId}/ratings/me`, { comment: 'no score' }),
        'score',
      );
      assert.deepEqual(await ratingsOf(admin, answerId), []);
    });

    it('keeps one rating per reviewer and answer: a second PUT updates it', async () => {
      const answerId = ready[0]!.id;
      const me = (await admin.get('/me')).body;
      const first = await admin.put(`/answers/${answerId}/ratings/me`, {
        score: 4,
        comment: 'Clear and concise.',
      });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.deepEqual(Object.keys(first.body).sort(), RATING_KEYS);
      assert.equal(first.body.answerId, answerId);
      assert.deepEqual(first.body.reviewer, { id: me.id, name: me.name });
      assert.equal(first.body.score, 4);
      assert.equal(first.body.comment, 'Clear and concise.');
      assert.match(first.body.updatedAt, ISO_UTC);

      const second = await admin.put(`/answers/${answerId}/ratings/me`, {
        score: 2,
        comment: 'On reflection, vague.',
      });
      assert.equal(second.status, 200, JSON.stringify(second.body));
      assert.equal(second.body.id, first.body.id);
      assert.equal(second.body.score, 2);
      assert.equal(second.body.comment, 'On reflection, vague.');
      assert.ok(second.body.updatedAt >= first.body.updatedAt);
      assert.deepEqual(await ratingsOf(admin, answerId), [second.body]);
    });

    it('shows a reviewer the others’ ratings only once they have rated; admins see them all', async () => {
      const answerId = ready[0]!.id;
      const [reviewer, other] = reviewers as [Api, Api];
      // The admin's own rating, whatever earlier tests did (they may run alone).
      const own = await admin.put(`/answers/${answerId}/ratings/me`, { score: 2 });
      assert.equal(own.status, 200, JSON.stringify(own.body));
      const adminRatings = await ratingsOf(admin, answerId);
      assert.deepEqual(adminRatings, [own.body]);

      assert.deepEqual(await ratingsOf(reviewer, answerId), [], 'not before rating');
      const mine = await reviewer.put(`/answers/${answerId}/ratings/me`, { score: 5 });
      assert.equal(mine.status, 200, JSON.stringify(mine.body));
      const seen = await ratingsOf(reviewer, answerId);
      assert.deepEqual(seen.map((r) => r.id).sort(), [adminRatings[0].id, mine.body.id].sort());

      assert.deepEqual(
        await ratingsOf(other, answerId),
        [],
        'the second reviewer has not rated yet',
      );
      assert.deepEqual(
        (await ratingsOf(admin, answerId)).map((r) => r.id).sort(),
        [adminRatings[0].id, mine.body.id].sort(),
      );
    });

    it('marks the candidate myRated once I have rated every ready answer, and counts the ratings I may see', async () => {
      const reviewer = reviewers[2]!;
      const before = await queueItem(reviewer);
      assert.equal(before.myRated, false);
      assert.equal(
        before.ratingCount,
        0,
        'sealed: colleagues’ ratings are not counted before mine',
      );
      const count = (await ratingsOf(admin, ready[0]!.id)).length;

      assert.equal(
        (await reviewer.put(`/answers/${ready[0]!.id}/ratings/me`, { score: 3 })).status,
        200,
      );
      const half = await queueItem(reviewer);
      assert.equal(half.myRated, false, 'one answer is still unrated');
      assert.equal(half.ratingCount, count + 1);

      assert.equal(
        (await reviewer.put(`/answers/${ready[1]!.id}/ratings/me`, { score: 4 })).status,
        200,
      );
      const after = await queueItem(reviewer);
      assert.equal(after.myRated, true);
      assert.equal(after.ratingCount, count + 2);
      // Re-rating updates, it does not add.
      assert.equal(
        (await reviewer.put(`/answers/${ready[1]!.id}/ratings/me`, { score: 5 })).status,
        200,
      );
      assert.equal((await queueItem(reviewer)).ratingCount, count + 2);
      // myRated is per person: a new reviewer has rated nothing.
      assert.equal((await queueItem(reviewers[3]!)).myRated, false);
    });

    it('answers 404 not_found for an unknown answer', async () => {
      expectProblem(await admin.get('/answers/no-such-answer'), 404, 'not_found');
      expectProblem(await admin.get('/answers/no-such-answer/ratings'), 404, 'not_found');
      expectProblem(
        await admin.put('/answers/no-such-answer/ratings/me', { score: 3 }),
        404,
        'not_found',
      );
    });

    it('answers 409 answer_not_ready when rating an answer without a video, and stores nothing', async () => {
      const res = await admin.get(`/answers/${recording.id}`);
      assert.equal(res.status, 200);
      assert.equal(res.body.status, 'recording');
      assert.equal(res.body.videoUrl, null);
      expectProblem(
        await admin.put(`/answers/${recording.id}/ratings/me`, { score: 3 }),
        409,
        'answer_not_ready',
      );
      assert.deepEqual(await ratingsOf(admin, recording.id), []);
    });
  });
}
