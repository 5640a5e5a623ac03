import assert from 'node:assert/strict';
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Api } from '../helpers/api.js';
import { createInterview, invite, login } from '../helpers/api.js';
import { BOTH_SETUPS, startTestServer, type TestServer } from '../helpers/test-server.js';
import { reload, startAnswer } from './support.js';

const BOUNDARY = 'race-boundary';

/**
 * Starts a chunk upload and sends only the first half of its body; `finish` sends the rest
 * and resolves with the server's answer. The way a slow phone's upload overlaps other requests.
 */
function halfSentChunk(candidate: Api, answerId: string, index: number, bytes: Buffer) {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="chunk"; filename="chunk"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const url = new URL(`${candidate.baseUrl}/api/v1/candidate/answers/${answerId}/chunks/${index}`);
  const req = request(url, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${candidate.token}`,
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      'content-length': head.length + bytes.length + tail.length,
    },
  });
  const answered = new Promise<{ status: number; body: any }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => {
        text += d;
      });
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
  });
  const half = Math.floor(bytes.length / 2);
  req.write(Buffer.concat([head, bytes.subarray(0, half)]));
  return {
    finish() {
      req.end(Buffer.concat([bytes.subarray(half), tail]));
      return answered;
    },
  };
}

for (const config of BOTH_SETUPS)
  describe(`chunks racing their take's end (${config.database} + ${config.storage})`, () => {
    let server: TestServer;

    /** A candidate invited to a new one-question interview on this setup's server. */
    async function candidateWith(retakes: number): Promise<{ candidate: Api; questionId: string }> {
      const admin = await login(server.url);
      const interview = await createInterview(admin, {
        questions: [{ prompt: 'Anything.', thinkSeconds: 0, maxSeconds: 60, retakes }],
      });
      const [invited] = await invite(admin, interview.id, 1);
      return { candidate: invited!.candidate, questionId: interview.questions[0]!.id };
    }

    /**
     * Completes the take with chunk 0 alone while chunk 1 is still arriving: chunk 1 must then be
     * refused with 409 answer_closed, and leave neither a chunk row nor its bytes.
     */
    async function completeWhileChunkOneArrives(
      candidate: Api,
      answerId: string,
      late: ReturnType<typeof halfSentChunk>,
    ) {
      const completed = await candidate.post(`/candidate/answers/${answerId}/complete`, {
        chunkCount: 1,
      });
      assert.equal(completed.status, 202, JSON.stringify(completed.body));
      const refused = await late.finish();
      assert.equal(refused.status, 409, JSON.stringify(refused.body));
      assert.equal(refused.body.code, 'answer_closed');
      assert.deepEqual((await reload(candidate, answerId)).receivedChunks, [0]);
      const stored = await server.deps.storage.list(`answers/${answerId}/chunks/`);
      assert.equal(stored.filter((o) => o.key.includes('/000001.')).length, 0);
    }

    before(async () => {
      server = await startTestServer(config);
    });
    after(() => server?.stop());

    describe(`a chunk still arriving when its answer is completed (${config.database} + ${config.storage})`, () => {
      let candidate: Api;
      let questionId: string;

      before(async () => {
        ({ candidate, questionId } = await candidateWith(0));
      });

      it('is refused with 409 answer_closed, and leaves neither a chunk row nor its bytes', async () => {
        const answer = await startAnswer(candidate, questionId);
        assert.equal((await candidate.putChunk(answer.id, 0, Buffer.alloc(1000, 1))).status, 200);

        const late = halfSentChunk(candidate, answer.id, 1, Buffer.alloc(200_000, 2));
        await sleep(200); // the server has checked the answer and is storing the first bytes
        await completeWhileChunkOneArrives(candidate, answer.id, late);
      });
    });

    describe(`a chunk still arriving when its empty take is closed (${config.database} + ${config.storage})`, () => {
      let candidate: Api;
      let questionId: string;

      before(async () => {
        ({ candidate, questionId } = await candidateWith(5));
      });

      /** The first chunk is half sent when `close` closes the take; then it arrives in full. */
      async function firstChunkAcross(close: (answerId: string) => Promise<void>) {
        const take = await startAnswer(candidate, questionId);
        const bytes = Buffer.alloc(200_000, 3);
        const late = halfSentChunk(candidate, take.id, 0, bytes);
        await sleep(200); // the server has checked the answer and is storing the first bytes
        await close(take.id);
        const arrived = await late.finish();
        return { take, arrived, bytes };
      }

      it('by abandoning it: the chunk is kept, and the tombstone is submitted with it', async () => {
        const { take, arrived } = await firstChunkAcross(async (id) => {
          const res = await candidate.post(`/candidate/answers/${id}/abandon`);
          assert.equal(res.status, 204, JSON.stringify(res.body));
        });
        assert.equal(arrived.status, 200, JSON.stringify(arrived.body));
        const held = await reload(candidate, take.id);
        assert.deepEqual([held.status, held.tombstone, held.receivedChunks], ['failed', true, [0]]);
        const done = await candidate.post(`/candidate/answers/${take.id}/complete`, {
          chunkCount: 1,
        });
        assert.equal(done.status, 202, JSON.stringify(done.body));
      });

      it('by a newer take: the chunk is kept, and the newer take stays the open one', async () => {
        let newer = '';
        const { take, arrived } = await firstChunkAcross(async () => {
          newer = (await startAnswer(candidate, questionId)).id;
        });
        assert.equal(arrived.status, 200, JSON.stringify(arrived.body));
        assert.deepEqual((await reload(candidate, take.id)).receivedChunks, [0]);
        assert.equal((await reload(candidate, take.id)).status, 'failed');
        assert.equal((await reload(candidate, newer)).status, 'recording');
      });

      it('by completing its tombstone: the late chunk is refused and leaves nothing behind', async () => {
        const take = await startAnswer(candidate, questionId);
        assert.equal((await candidate.post(`/candidate/answers/${take.id}/abandon`)).status, 204);
        assert.equal((await candidate.putChunk(take.id, 0, Buffer.alloc(1000, 1))).status, 200);
        const late = halfSentChunk(candidate, take.id, 1, Buffer.alloc(200_000, 2));
        await sleep(200);
        await completeWhileChunkOneArrives(candidate, take.id, late);
      });
    });
  });
