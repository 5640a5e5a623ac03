/**
 * Extensions to API v1 that the candidate recorder uses (README, "Choices"; docs/recorder.md):
 * the upload speed check, abandoning a take that recorded nothing, and `lastChunkAt`.
 */
import assert from 'node:assert/strict';
import type { Answer, Interview } from '../../server/contracts/api.js';
import type { Api } from '../helpers/api.js';
import { BOTH_SETUPS, type TestServer } from '../helpers/test-server.js';
import {
  expectProblem,
  HOUR,
  ISO_UTC,
  newCandidate,
  reload,
  retakesInterview,
  startAnswer,
  useClockedServer,
} from './support.js';

const MiB = 1024 * 1024;

for (const config of BOTH_SETUPS) {
  describe(`API v1 extensions for the recorder (${config.database} + ${config.storage} storage)`, () => {
    let server: TestServer;
    let admin: Api;
    /** Question 0 allows no retake, question 1 allows one. */
    let interview: Interview;
    let once: string;
    let twice: string;

    const clock = useClockedServer(config, (s) => ({ server, admin } = s));

    before(async () => {
      ({ interview, once, twice } = await retakesInterview(admin, 60));
    });

    const candidate = () => newCandidate(admin, interview.id);

    /** Raw bytes: the test Api client sends everything else as JSON. */
    async function uploadTest(c: Api, bytes: number, type = 'application/octet-stream') {
      const res = await fetch(`${c.baseUrl}/api/v1/candidate/upload-test`, {
        method: 'POST',
        headers: { authorization: `Bearer ${c.token}`, 'content-type': type },
        body: new Uint8Array(bytes),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
    }

    describe('POST /candidate/upload-test', () => {
      it('reads the bytes, stores nothing and answers how many arrived', async () => {
        const c = await candidate();
        const res = await uploadTest(c, 384 * 1024);
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.deepEqual(res.body, { receivedBytes: 384 * 1024 });
        assert.deepEqual((await uploadTest(c, 0)).body, { receivedBytes: 0 });
        assert.deepEqual((await c.get('/candidate/session')).body.answers, []);
      });

      it('refuses more than 1 MiB (413), other types (415) and callers without a token (401)', async () => {
        const c = await candidate();
        assert.equal((await uploadTest(c, MiB)).status, 200);
        expectProblem(await uploadTest(c, MiB + 1), 413, 'too_large');
        expectProblem(await uploadTest(c, 10, 'text/plain'), 415, 'unsupported_media_type');
        expectProblem(
          await c.request('POST', '/candidate/upload-test', { padding: 'x' }),
          415,
          'unsupported_media_type',
        );
        const stranger = c.as('not-a-real-token');
        expectProblem(await uploadTest(stranger, 10), 401, 'unauthenticated');
      });

      it('allows 20 checks per candidate per 10 minutes, then answers 429 with Retry-After', async () => {
        const c = await candidate();
        for (let i = 0; i < 20; i++) assert.equal((await uploadTest(c, 16)).status, 200);
        const limited = await uploadTest(c, 16);
        expectProblem(limited, 429, 'rate_limited');
        assert.ok(Number(limited.headers.get('retry-after')) > 0, 'Retry-After');
        // The limit is per candidate: another one is not affected.
        assert.equal((await uploadTest(await candidate(), 16)).status, 200);
      });

      it('is closed with the interview (410)', async () => {
        const c = await candidate();
        clock.advance(31 * 24 * HOUR);
        expectProblem(await uploadTest(c, 16), 410, 'expired');
      });
    });

    describe('POST /candidate/answers/:id/abandon', () => {
      it('closes a take with no chunk as a tombstone: it costs no attempt, even on a question without retakes', async () => {
        const c = await candidate();
        const empty = await startAnswer(c, once);
        const res = await c.post(`/candidate/answers/${empty.id}/abandon`);
        assert.equal(res.status, 204, JSON.stringify(res.body));
        const [kept] = (await c.get('/candidate/session')).body.answers as Answer[];
        assert.deepEqual(
          [kept?.id, kept?.status, kept?.tombstone, kept?.receivedChunks],
          [empty.id, 'failed', true, []],
        );
        assert.match(kept?.error ?? '', /does not count as one of your attempts/);
        // Again: it already is.
        assert.equal((await c.post(`/candidate/answers/${empty.id}/abandon`)).status, 204);

        const real = await startAnswer(c, once);
        assert.equal(real.attempt, 2);
        assert.equal((await reload(c, empty.id)).status, 'failed', 'the new take left it alone');
        expectProblem(
          await c.post('/candidate/answers', { questionId: once, mimeType: 'video/webm' }),
          409,
          'retakes_exhausted',
        );
      });

      it('refuses a take that holds a chunk (409 take_not_empty) and keeps it', async () => {
        const c = await candidate();
        const take = await startAnswer(c, twice);
        assert.equal((await c.putChunk(take.id, 0, Buffer.from('recorded'))).status, 200);
        expectProblem(await c.post(`/candidate/answers/${take.id}/abandon`), 409, 'take_not_empty');
        const kept = await reload(c, take.id);
        assert.equal(kept.status, 'recording');
        assert.deepEqual(kept.receivedChunks, [0]);
      });

      it('refuses a submitted take (409 answer_closed)', async () => {
        const c = await candidate();
        const take = await startAnswer(c, twice);
        assert.equal((await c.putChunk(take.id, 0, Buffer.from('recorded'))).status, 200);
        const done = await c.post(`/candidate/answers/${take.id}/complete`, { chunkCount: 1 });
        assert.equal(done.status, 202, JSON.stringify(done.body));
        expectProblem(await c.post(`/candidate/answers/${take.id}/abandon`), 409, 'answer_closed');
        assert.notEqual((await reload(c, take.id)).status, 'recording');
      });

      it("answers 404 for another candidate's take and leaves it alone", async () => {
        const [owner, other] = [await candidate(), await candidate()];
        const take = await startAnswer(owner, twice);
        expectProblem(await other.post(`/candidate/answers/${take.id}/abandon`), 404, 'not_found');
        expectProblem(await other.post('/candidate/answers/nope/abandon'), 404, 'not_found');
        assert.equal((await reload(owner, take.id)).status, 'recording');
      });
    });

    describe('lastChunkAt', () => {
      it('is null before the first chunk, then the time the last chunk was stored or replaced', async () => {
        const c = await candidate();
        const take = await startAnswer(c, twice);
        assert.equal(take.lastChunkAt, null);

        const before = clock.now().getTime();
        assert.equal((await c.putChunk(take.id, 0, Buffer.from('first'))).status, 200);
        const first = await reload(c, take.id);
        assert.match(first.lastChunkAt ?? '', ISO_UTC);
        const firstAt = Date.parse(first.lastChunkAt!);
        assert.ok(firstAt >= before && firstAt <= clock.now().getTime(), first.lastChunkAt!);

        // An hour later the take is resent from another device: the replaced chunk counts.
        clock.advance(HOUR);
        assert.equal((await c.putChunk(take.id, 0, Buffer.from('again'))).status, 200);
        const [inSession] = (await c.get('/candidate/session')).body.answers as Answer[];
        assert.ok(Date.parse(inSession!.lastChunkAt!) >= firstAt + HOUR, inSession!.lastChunkAt!);
        assert.equal(inSession!.lastChunkAt, (await reload(c, take.id)).lastChunkAt);
      });
    });
  });
}
