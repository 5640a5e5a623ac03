import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import http from 'node:http';
import type { Answer, Interview } from '../../server/contracts/api.js';
import { type Api, createInterview, invite, recordAnswer, waitForAnswer } from '../helpers/api.js';
import { notMediaBytes } from '../helpers/media-fixtures.js';
import { BOTH_SETUPS, type TestServer } from '../helpers/test-server.js';
import {
  CLIP_MIME,
  clipChunks,
  expectInvalid,
  expectProblem,
  HOUR,
  LEAK,
  newCandidate,
  quickQuestion,
  reload,
  retakesInterview,
  startAnswer,
  useClockedServer,
} from './support.js';

const ANSWER_KEYS = [
  'attempt',
  'discarded',
  'durationMs',
  'error',
  'id',
  'lastChunkAt',
  'maxChunkBytes',
  'mimeType',
  'questionId',
  'receivedChunks',
  'status',
  'tombstone',
];
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

for (const config of BOTH_SETUPS) {
  describe(`API v1 candidate recording and upload (${config.database} + ${config.storage} storage)`, () => {
    let server: TestServer;
    let admin: Api;
    /** Questions: 0 has 10 retakes (for general use), 1 has none, 2 has one. */
    let interview: Interview;
    let free: string;
    let once: string;
    let twice: string;

    const clock = useClockedServer(config, (s) => ({ server, admin } = s));
    before(async () => {
      ({ interview, once, twice } = await retakesInterview(admin, 60, [
        quickQuestion('Anything you like.', 60, 10),
      ]));
      free = interview.questions[0]!.id;
    });

    /** A new candidate for the shared interview (each test starts from a clean invitation). */
    const candidate = (of: Interview = interview) => newCandidate(admin, of.id);

    /** Hands in a take of three chunks and waits: it must become a video that plays (over 1 s). */
    async function completeAndExpectPlayable(c: Api, answerId: string): Promise<void> {
      const done = await c.post(`/candidate/answers/${answerId}/complete`, { chunkCount: 3 });
      assert.equal(done.status, 202, JSON.stringify(done.body));
      const processed = await waitForAnswer(c, answerId);
      assert.equal(processed.status, 'ready', JSON.stringify(processed));
      assert.ok(processed.durationMs! > 1000, `durationMs ${processed.durationMs}`);
    }

    async function sessionAnswers(c: Api): Promise<Answer[]> {
      const res = await c.get('/candidate/session');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.answers;
    }

    describe('starting an answer', () => {
      it('answers 201 with an Answer that is recording, attempt 1, and takes chunks up to maxChunkBytes', async () => {
        const c = await candidate();
        const res = await c.post('/candidate/answers', {
          questionId: free,
          mimeType: 'video/webm',
        });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        const answer = res.body;
        // Extension: a new take also says how much thinking time it has (this question has none).
        assert.deepEqual(Object.keys(answer).sort(), [...ANSWER_KEYS, 'thinkRemainingMs'].sort());
        assert.equal(answer.thinkRemainingMs, 0);
        assert.match(answer.id, /^[A-Za-z0-9_-]+$/);
        assert.equal(answer.questionId, free);
        assert.equal(answer.attempt, 1);
        assert.equal(answer.mimeType, 'video/webm');
        assert.equal(answer.status, 'recording');
        assert.deepEqual(answer.receivedChunks, []);
        assert.ok(
          Number.isInteger(answer.maxChunkBytes) && answer.maxChunkBytes > 0,
          `maxChunkBytes ${answer.maxChunkBytes}`,
        );
        assert.equal(answer.durationMs, null);
        assert.equal(answer.error, null);
        // The session also says whether each take uses an attempt (an extension).
        assert.deepEqual(await sessionAnswers(c), [{ ...answer, countsAsAttempt: true }]);
        assert.deepEqual(await reload(c, answer.id), answer);
      });

      it('accepts video/webm with codecs, video/mp4 and audio/* types', async () => {
        const c = await candidate();
        for (const mimeType of [
          'video/webm;codecs=vp8,opus',
          'video/mp4',
          'audio/ogg',
          'audio/webm;codecs=opus',
        ]) {
          const res = await c.post('/candidate/answers', { questionId: free, mimeType });
          assert.equal(res.status, 201, `${mimeType}: ${JSON.stringify(res.body)}`);
          assert.equal(res.body.mimeType, mimeType);
        }
      });

      it('refuses other types with 415 unsupported_media_type and creates no answer', async () => {
        const c = await candidate();
        for (const mimeType of [
          'text/plain',
          'image/png',
          'video/quicktime',
          'application/octet-stream',
          'video/webmx',
        ]) {
          expectProblem(
            await c.post('/candidate/answers', { questionId: free, mimeType }),
            415,
            'unsupported_media_type',
          );
        }
        assert.deepEqual(await sessionAnswers(c), []);
      });

      it('answers 404 for a question that is not in the interview, 400 without one, and creates no answer', async () => {
        const c = await candidate();
        expectProblem(
          await c.post('/candidate/answers', {
            questionId: 'no-such-question',
            mimeType: 'video/webm',
          }),
          404,
          'not_found',
        );
        expectInvalid(await c.post('/candidate/answers', { mimeType: 'video/webm' }), 'questionId');
        expectInvalid(await c.post('/candidate/answers', { questionId: free }), 'mimeType');
        assert.deepEqual(await sessionAnswers(c), []);
      });
    });

    describe('uploading chunks', () => {
      it('accepts chunks in any order, answers {index, size}, and lists them after a reload', async () => {
        const c = await candidate();
        const answer = await startAnswer(c, free);
        for (const [index, size] of [
          [2, 30],
          [0, 10],
          [1, 20],
        ] as const) {
          const res = await c.putChunk(answer.id, index, Buffer.alloc(size, index), {
            sha256: true,
          });
          assert.equal(res.status, 200, JSON.stringify(res.body));
          assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
          assert.deepEqual(res.body, { index, size });
        }
        const again = await reload(c, answer.id);
        assert.deepEqual(again.receivedChunks, [0, 1, 2]);
        assert.equal(again.status, 'recording');
      });

      it('replaces a chunk sent again under the same index', async () => {
        const c = await candidate();
        const answer = await startAnswer(c, free);
        assert.deepEqual((await c.putChunk(answer.id, 0, Buffer.alloc(100))).body, {
          index: 0,
          size: 100,
        });
        const second = await c.putChunk(answer.id, 0, Buffer.alloc(7), { sha256: true });
        assert.equal(second.status, 200);
        assert.deepEqual(second.body, { index: 0, size: 7 });
        assert.deepEqual((await reload(c, answer.id)).receivedChunks, [0]);
      });

      it('refuses a chunk whose X-Chunk-SHA256 differs (400 checksum_mismatch) and keeps the good one', async () => {
        const chunks = await clipChunks(3);
        const c = await candidate();
        const answer = await startAnswer(c, free);
        assert.equal((await c.putChunk(answer.id, 0, chunks[0]!, { sha256: true })).status, 200);
        // A damaged retry of chunk 0: its bytes do not match the checksum sent with it.
        const damaged = Buffer.concat([chunks[0]!.subarray(0, 100), Buffer.from('garbage')]);
        expectProblem(
          await c.putChunk(answer.id, 0, damaged, { sha256: sha256(chunks[0]!) }),
          400,
          'checksum_mismatch',
        );
        // A damaged first upload of chunk 1 is not recorded either.
        expectProblem(
          await c.putChunk(answer.id, 1, damaged, { sha256: sha256(chunks[1]!) }),
          400,
          'checksum_mismatch',
        );
        assert.deepEqual((await reload(c, answer.id)).receivedChunks, [0]);

        // Replacing chunk 1 with junk and then the real bytes leaves the real bytes.
        assert.equal((await c.putChunk(answer.id, 1, notMediaBytes())).status, 200);
        assert.equal((await c.putChunk(answer.id, 1, chunks[1]!, { sha256: true })).status, 200);
        assert.equal((await c.putChunk(answer.id, 2, chunks[2]!, { sha256: true })).status, 200);
        // The video plays: chunk 0 is the one that arrived intact, chunk 1 the last one sent.
        await completeAndExpectPlayable(c, answer.id);
      });

      it('refuses a body that is neither multipart/form-data nor raw bytes with 400 invalid_request, storing nothing', async () => {
        const c = await candidate();
        const answer = await startAnswer(c, free);
        const path = `/candidate/answers/${answer.id}/chunks/0`;
        const text = await c.request('PUT', path, 'text, not a chunk', {
          'content-type': 'text/plain',
        });
        expectProblem(text, 400, 'invalid_request');
        expectProblem(await c.put(path, { chunk: 'json' }), 400, 'invalid_request');
        assert.deepEqual((await reload(c, answer.id)).receivedChunks, []);
        assert.deepEqual((await c.putChunk(answer.id, 0, Buffer.from('ok'))).body, {
          index: 0,
          size: 2,
        });
      });

      /** A multipart upload built by hand, to send what a well-behaved client would not. */
      async function putForm(c: Api, answerId: string, fill: (form: FormData) => void) {
        const form = new FormData();
        fill(form);
        return c.put(`/candidate/answers/${answerId}/chunks/0`, form);
      }

      it('refuses a file under another field name than "chunk" with 400 invalid_request, storing nothing', async () => {
        const c = await candidate();
        const answer = await startAnswer(c, free);
        const res = await putForm(c, answer.id, (form) =>
          form.append('file', new Blob([Buffer.from('bytes')]), 'chunk'),
        );
        expectProblem(res, 400, 'invalid_request');
        assert.deepEqual((await reload(c, answer.id)).receivedChunks, []);
      });

      it('refuses a "chunk" that is a text field, not a file, with 400 invalid_request', async () => {
        const c = await candidate();
        const answer = await startAnswer(c, free);
        expectProblem(
          await putForm(c, answer.id, (form) => form.append('chunk', 'not a file')),
          400,
          'invalid_request',
        );
        assert.deepEqual((await reload(c, answer.id)).receivedChunks, []);
      });

      it('refuses two "chunk" files in one request with 400 invalid_request, storing neither', async () => {
        const c = await candidate();
        const answer = await startAnswer(c, free);
        const res = await putForm(c, answer.id, (form) => {
          form.append('chunk', new Blob([Buffer.from('one')]), 'chunk');
          form.append('chunk', new Blob([Buffer.from('two')]), 'chunk');
        });
        expectProblem(res, 400, 'invalid_request');
        assert.deepEqual((await reload(c, answer.id)).receivedChunks, []);
      });

      it('refuses an index that is not a whole number from 0 with 400', async () => {
        const c = await candidate();
        const answer = await startAnswer(c, free);
        for (const index of ['-1', 'abc', '1.5', '1000000', '1e3', '0x1']) {
          const res = await c.putChunk(answer.id, index, Buffer.from('bytes'));
          assert.equal(res.status, 400, `index ${index}: ${res.status}`);
          expectProblem(res, 400, 'invalid_request');
        }
        assert.deepEqual((await reload(c, answer.id)).receivedChunks, []);
      });

      it('refuses a chunk above maxChunkBytes with 413 too_large and records nothing for it', async () => {
        const c = await candidate();
        const answer = await startAnswer(c, free);
        assert.equal((await c.putChunk(answer.id, 0, Buffer.from('first'))).status, 200);
        const tooBig = Buffer.alloc(answer.maxChunkBytes + 1, 1);
        expectProblem(await c.putChunk(answer.id, 1, tooBig), 413, 'too_large');
        assert.deepEqual((await reload(c, answer.id)).receivedChunks, [0]);
        assert.deepEqual((await c.putChunk(answer.id, 1, Buffer.from('second'))).body, {
          index: 1,
          size: 6,
        });
      });
    });

    describe('uploading chunks as the request body (extension: application/octet-stream)', () => {
      it('takes a recording sent as raw chunks, checks their SHA-256 and makes it playable', async () => {
        const chunks = await clipChunks(3);
        const c = await candidate();
        const answer = await startAnswer(c, free);
        for (const [index, chunk] of chunks.entries()) {
          const res = await c.putChunk(answer.id, index, chunk, { sha256: true, raw: true });
          assert.equal(res.status, 200, JSON.stringify(res.body));
          assert.deepEqual(res.body, { index, size: chunk.length });
        }
        const damaged = Buffer.concat([chunks[0]!.subarray(0, 100), Buffer.from('garbage')]);
        expectProblem(
          await c.putChunk(answer.id, 0, damaged, { sha256: sha256(chunks[0]!), raw: true }),
          400,
          'checksum_mismatch',
        );
        assert.deepEqual((await reload(c, answer.id)).receivedChunks, [0, 1, 2]);
        await completeAndExpectPlayable(c, answer.id);
      });

      it('lets go of everything a client that goes away mid-chunk held, and records nothing of it', async () => {
        const c = await candidate();
        const answer = await startAnswer(c, free);
        const openFiles = () => readdirSync('/proc/self/fd').length;
        /** Sends the headers and `sentBytes` of a 200 kB chunk, then cuts the connection. */
        const cutShort = (contentType: string, sentBytes: number, afterMs: number) =>
          new Promise<void>((resolve) => {
            const url = new URL(`${server.url}/api/v1/candidate/answers/${answer.id}/chunks/0`);
            const req = http.request(url, {
              method: 'PUT',
              headers: {
                authorization: `Bearer ${c.token}`,
                'content-type': contentType,
                'content-length': '200000',
              },
            });
            req.on('error', () => resolve());
            req.on('close', () => resolve());
            if (contentType.startsWith('multipart'))
              req.write(
                '--x\r\nContent-Disposition: form-data; name="chunk"; filename="c"\r\n\r\n',
              );
            req.write(Buffer.alloc(sentBytes, 3), () => setTimeout(() => req.destroy(), afterMs));
          });
        const before = openFiles();
        const cuts = [];
        for (const type of ['application/octet-stream', 'multipart/form-data; boundary=x'])
          for (let i = 0; i < 10; i++)
            cuts.push(cutShort(type, i % 2 ? 100_000 : 10, i % 2 ? 200 : 0));
        await Promise.all(cuts);
        await new Promise((r) => setTimeout(r, 1000));
        assert.equal((await c.get('/health')).status, 200, 'the server is still up');
        // On local disk every interrupted chunk's file is closed (S3's client keeps a pool of
        // keep-alive sockets, so its count says nothing).
        if (config.storage === 'local')
          assert.ok(
            openFiles() <= before + 5,
            `${openFiles() - before} more files open than before`,
          );
        assert.deepEqual((await reload(c, answer.id)).receivedChunks, []);
        const ok = await c.putChunk(answer.id, 0, Buffer.from('whole'), { raw: true });
        assert.deepEqual(ok.body, { index: 0, size: 5 });
      });

      it('refuses an empty body with 400 and records nothing', async () => {
        const c = await candidate();
        const answer = await startAnswer(c, free);
        expectProblem(
          await c.putChunk(answer.id, 0, Buffer.alloc(0), { raw: true }),
          400,
          'invalid_request',
        );
        assert.deepEqual((await reload(c, answer.id)).receivedChunks, []);
      });

      it('refuses a body above maxChunkBytes with 413, declared or streamed, and records nothing', async () => {
        const c = await candidate();
        const answer = await startAnswer(c, free);
        const tooBig = Buffer.alloc(answer.maxChunkBytes + 1, 1);
        expectProblem(await c.putChunk(answer.id, 0, tooBig, { raw: true }), 413, 'too_large');
        // Without a Content-Length the server counts as the bytes arrive and stops at the bound.
        const piece = Buffer.alloc(1024 * 1024, 2);
        let sent = 0;
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent > answer.maxChunkBytes + 4 * piece.length) return controller.close();
            sent += piece.length;
            controller.enqueue(new Uint8Array(piece));
          },
        });
        const streamed = await c
          .request('PUT', `/candidate/answers/${answer.id}/chunks/0`, stream, {
            'content-type': 'application/octet-stream',
          })
          .catch((err: Error) => ({ status: 0, body: err.message, headers: new Headers() }));
        // The server answers 413 and closes the connection while the client is still sending;
        // a client may see the answer or only the closed connection.
        if (streamed.status !== 0) expectProblem(streamed, 413, 'too_large');
        assert.deepEqual((await reload(c, answer.id)).receivedChunks, []);
        const ok = await c.putChunk(answer.id, 0, Buffer.from('fits'), { raw: true });
        assert.deepEqual(ok.body, { index: 0, size: 4 });
      });
    });

    describe('completing an answer', () => {
      it('answers 409 missing_chunks listing exactly the absent indexes, and keeps recording', async () => {
        const c = await candidate();
        const answer = await startAnswer(c, free);
        for (const index of [0, 2, 4])
          assert.equal(
            (await c.putChunk(answer.id, index, Buffer.from(`chunk ${index}`))).status,
            200,
          );
        const res = await c.post(`/candidate/answers/${answer.id}/complete`, { chunkCount: 6 });
        const problem = expectProblem(res, 409, 'missing_chunks');
        assert.deepEqual(problem.missing, [1, 3, 5]);
        const after = await reload(c, answer.id);
        assert.equal(after.status, 'recording');
        assert.deepEqual(after.receivedChunks, [0, 2, 4]);
        assert.equal(
          (await c.putChunk(answer.id, 1, Buffer.from('late'))).status,
          200,
          'still takes chunks',
        );
      });

      it('answers 409 chunk_count_mismatch listing the chunks beyond chunkCount, and drops none', async () => {
        const c = await candidate();
        const answer = await startAnswer(c, free);
        for (const index of [0, 1, 2, 3])
          assert.equal(
            (await c.putChunk(answer.id, index, Buffer.from(`chunk ${index}`))).status,
            200,
          );
        const res = await c.post(`/candidate/answers/${answer.id}/complete`, { chunkCount: 2 });
        const problem = expectProblem(res, 409, 'chunk_count_mismatch');
        assert.deepEqual(problem.unexpected, [2, 3]);
        const after = await reload(c, answer.id);
        assert.equal(after.status, 'recording', 'nothing was frozen');
        assert.deepEqual(after.receivedChunks, [0, 1, 2, 3], 'no recorded chunk was dropped');
        const right = await c.post(`/candidate/answers/${answer.id}/complete`, { chunkCount: 4 });
        assert.equal(right.status, 202, JSON.stringify(right.body));
        assert.deepEqual(right.body.receivedChunks, [0, 1, 2, 3]);
      });

      it('is idempotent, and closes the answer to further chunks (409 answer_closed)', async () => {
        // Bytes that are no video: processing fails fast, which is all this test needs.
        const junk = notMediaBytes();
        const chunks = [junk.subarray(0, 1000), junk.subarray(1000, 5000), junk.subarray(5000)];
        const c = await candidate();
        const answer = await startAnswer(c, free);
        for (const [i, chunk] of chunks.entries())
          assert.equal((await c.putChunk(answer.id, i, chunk)).status, 200);
        const first = await c.post(`/candidate/answers/${answer.id}/complete`, {
          chunkCount: 3,
          durationMs: 2000,
        });
        assert.equal(first.status, 202, JSON.stringify(first.body));
        assert.deepEqual(Object.keys(first.body).sort(), ANSWER_KEYS);
        assert.equal(first.body.id, answer.id);
        assert.equal(first.body.status, 'processing');
        assert.deepEqual(first.body.receivedChunks, [0, 1, 2]);

        const second = await c.post(`/candidate/answers/${answer.id}/complete`, {
          chunkCount: 3,
          durationMs: 2000,
        });
        assert.equal(second.status, 202, JSON.stringify(second.body));
        assert.equal(second.body.id, answer.id);
        assert.equal(second.body.attempt, 1);
        assert.notEqual(second.body.status, 'recording');

        expectProblem(
          await c.putChunk(answer.id, 3, Buffer.from('after the end')),
          409,
          'answer_closed',
        );
        expectProblem(await c.putChunk(answer.id, 0, Buffer.from('rewrite')), 409, 'answer_closed');
        const processed = await waitForAnswer(c, answer.id);
        assert.equal(processed.attempt, 1);
        // Once processed, it stays closed, and complete still answers the current state.
        expectProblem(await c.putChunk(answer.id, 0, Buffer.from('rewrite')), 409, 'answer_closed');
        const third = await c.post(`/candidate/answers/${answer.id}/complete`, { chunkCount: 3 });
        assert.equal(third.status, 202);
        // GET /candidate/answers/:id adds the thinking time left (null: this take is done).
        const { thinkRemainingMs, ...current } = processed as Answer & { thinkRemainingMs: null };
        assert.equal(thinkRemainingMs, null);
        assert.deepEqual(third.body, current);
      });
    });

    describe('retakes', () => {
      it('allows 1 + retakes attempts per question, then 409 retakes_exhausted', async () => {
        const c = await candidate();
        assert.equal((await startAnswer(c, once)).attempt, 1);
        expectProblem(
          await c.post('/candidate/answers', { questionId: once, mimeType: 'video/webm' }),
          409,
          'retakes_exhausted',
        );

        assert.equal((await startAnswer(c, twice)).attempt, 1);
        assert.equal((await startAnswer(c, twice)).attempt, 2);
        // The first take closed empty by a newer one is free (a reload while thinking): the
        // second such take and the open one use the two attempts.
        assert.equal((await startAnswer(c, twice)).attempt, 3);
        expectProblem(
          await c.post('/candidate/answers', { questionId: twice, mimeType: 'video/webm' }),
          409,
          'retakes_exhausted',
        );

        const answers = await sessionAnswers(c);
        assert.deepEqual(
          answers.map((a) => [a.questionId, a.attempt, a.status]),
          [
            [once, 1, 'recording'],
            [twice, 1, 'failed'],
            [twice, 2, 'failed'],
            [twice, 3, 'recording'],
          ],
        );
      });

      it('does not count a take whose processing failed, and says why it failed', async () => {
        const c = await candidate();
        const bad = await startAnswer(c, once, 'video/webm');
        assert.equal((await c.putChunk(bad.id, 0, notMediaBytes())).status, 200);
        assert.equal(
          (await c.post(`/candidate/answers/${bad.id}/complete`, { chunkCount: 1 })).status,
          202,
        );
        const failed = await waitForAnswer(c, bad.id);
        assert.equal(failed.status, 'failed', JSON.stringify(failed));
        assert.equal(typeof failed.error, 'string');
        assert.match(failed.error!, /^[A-Z].{10,}\.$/, 'a human sentence');
        assert.doesNotMatch(failed.error!, LEAK);

        const retry = await startAnswer(c, once);
        assert.equal(retry.attempt, 2);
        expectProblem(
          await c.post('/candidate/answers', { questionId: once, mimeType: 'video/webm' }),
          409,
          'retakes_exhausted',
        );
      });
    });

    describe('finishing', () => {
      it('answers 409 unanswered_questions listing the questions without a submitted take, and stays open', async () => {
        const [{ invitation, candidate: c }] = (await invite(admin, interview.id, 1)) as [any];
        // Question "free" submitted; "once" only started (not submitted); "twice" untouched.
        await recordAnswer(c, free, CLIP_MIME, await clipChunks(3));
        await startAnswer(c, once);
        const problem = expectProblem(
          await c.post('/candidate/finish'),
          409,
          'unanswered_questions',
        );
        assert.deepEqual([...problem.missing].sort(), [once, twice].sort());
        const listed = await admin.get(`/interviews/${interview.id}/invitations`);
        assert.equal(listed.body.items.find((i: any) => i.id === invitation.id).status, 'started');
        assert.equal((await c.get('/candidate/session')).status, 200, 'the candidate can carry on');
      });
    });

    describe('the deadline', () => {
      it('closes the session and new answers (410 expired) but accepts uploads of takes begun in time', async () => {
        const deadline = new Date(clock.now().getTime() + HOUR).toISOString();
        const timed = await createInterview(admin, {
          deadline,
          questions: [quickQuestion('First', 60, 3), quickQuestion('Second', 60, 3)],
        });
        const [q1, q2] = timed.questions.map((q) => q.id) as [string, string];
        const c = await candidate(timed);
        const chunks = await clipChunks(3);
        const inTime = await startAnswer(c, q1);
        const abandoned = await startAnswer(c, q2);
        assert.equal((await c.putChunk(inTime.id, 0, chunks[0]!)).status, 200);

        clock.advance(2 * HOUR);
        expectProblem(await c.get('/candidate/session'), 410, 'expired');
        expectProblem(
          await c.post('/candidate/answers', { questionId: q2, mimeType: 'video/webm' }),
          410,
          'expired',
        );

        // Nothing the candidate recorded before the deadline is lost.
        assert.deepEqual((await c.putChunk(inTime.id, 1, chunks[1]!, { sha256: true })).body, {
          index: 1,
          size: chunks[1]!.length,
        });
        assert.equal((await c.putChunk(inTime.id, 2, chunks[2]!)).status, 200);
        const done = await c.post(`/candidate/answers/${inTime.id}/complete`, { chunkCount: 3 });
        assert.equal(done.status, 202, JSON.stringify(done.body));
        assert.equal(done.body.status, 'processing');

        // Days later, the grace period is over too.
        clock.advance(48 * HOUR);
        expectProblem(await c.putChunk(abandoned.id, 0, Buffer.from('too late')), 410, 'expired');
        assert.deepEqual((await reload(c, abandoned.id)).receivedChunks, []);
      });
    });
  });
}
