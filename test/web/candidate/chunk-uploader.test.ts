import assert from 'node:assert/strict';
import type { Page, Route } from 'playwright-core';
import { type Api, createInterview, inviteOne, login } from '../../helpers/api.js';
import { serverAndBrowser } from '../../helpers/server-and-browser.js';
import type { RecorderModules } from './page-entry.js';
import { openUnitPage } from './unit-page.js';

interface Outcome {
  status?: string;
  error?: { code: string; message: string };
  state: string;
  left: number;
}

/** In the page: a take of `count` chunks, uploaded by a quick-backoff uploader. */
function upload(page: Page, token: string, questionId: string, count = 3): Promise<Outcome> {
  return page.evaluate(
    async ({ token, questionId, count }) => {
      const { api, answer, outbox } = await recorder.prepareTake(token, questionId, count);
      const { uploader } = recorder.quickUploader({ api, outbox });
      await uploader.start();
      const settled = await uploader.submitted(answer.id).then(
        (a) => ({ status: a.status }),
        (e: { code: string; message: string }) => ({ error: { code: e.code, message: e.message } }),
      );
      await new Promise((resolve) => setTimeout(resolve, 100)); // the loop settles
      uploader.stop();
      const left = (await outbox.pendingSizes(answer.id)).size;
      return { ...settled, state: uploader.status().state, left };
    },
    { token, questionId, count },
  );
}

describe('recorder chunk uploader (in Chromium, real server)', function () {
  this.timeout(30_000);
  const started = serverAndBrowser();
  let staff: Api;
  let page: Page;
  let candidate: Api;
  let questionId: string;
  let token: string;

  before(async () => {
    staff = await login(started.server.url);
  });

  beforeEach(async () => {
    const questions = [{ prompt: 'Q', thinkSeconds: 0, maxSeconds: 60, retakes: 10 }];
    const interview = await createInterview(staff, { questions });
    ({ candidate } = await inviteOne(staff, interview.id));
    questionId = interview.questions[0]!.id;
    token = candidate.token!;
    page = await started.browser.newPage();
    await openUnitPage(page, started.server.url);
  });
  afterEach(async () => {
    await page?.close();
  });

  /** The take was handed in: processing, nothing left to send, and these chunks on the server. */
  async function expectHandedIn(outcome: Outcome, received: number[]) {
    assert.deepEqual(outcome, { status: 'processing', state: 'idle', left: 0 });
    assert.deepEqual((await latest()).receivedChunks, received);
  }

  /** Routes chunk PUTs through `handle` (given the attempt number per chunk index). */
  async function onChunkPut(handle: (route: Route, index: number, attempt: number) => unknown) {
    const attempts = new Map<number, number>();
    await page.route('**/chunks/*', (route) => {
      const index = Number(route.request().url().split('/').pop());
      const attempt = (attempts.get(index) ?? 0) + 1;
      attempts.set(index, attempt);
      return handle(route, index, attempt);
    });
  }

  const latest = async () => {
    const { body } = await candidate.get('/candidate/session');
    return body.answers[body.answers.length - 1];
  };

  it('sends every chunk in order, then completes the take and empties the outbox', async () => {
    const order: number[] = [];
    await onChunkPut((route, index) => {
      order.push(index);
      return route.continue();
    });
    const outcome = await upload(page, token, questionId, 4);
    assert.deepEqual(outcome, { status: 'processing', state: 'idle', left: 0 });
    assert.deepEqual(order, [0, 1, 2, 3]);
    assert.deepEqual((await latest()).receivedChunks, [0, 1, 2, 3]);
  });

  it('retries lost connections and server errors with growing waits', async () => {
    const times: number[] = [];
    await onChunkPut((route, index, attempt) => {
      if (index !== 1) return route.continue();
      times.push(Date.now());
      if (attempt === 1) return route.abort('internetdisconnected');
      if (attempt === 2) return route.fulfill({ status: 503, body: '' });
      if (attempt === 3) return route.abort('connectionreset');
      return route.continue();
    });
    const outcome = await upload(page, token, questionId);
    assert.deepEqual(outcome, { status: 'processing', state: 'idle', left: 0 });
    const waits = times.slice(1).map((t, i) => t - times[i]!);
    // baseMs 40 without jitter: 20, 40, 80 ms.
    assert.ok(waits[0]! >= 15 && waits[1]! >= 35 && waits[2]! >= 75, `waits ${waits.join(', ')}`);
    assert.deepEqual((await latest()).receivedChunks, [0, 1, 2]);
  });

  it('waits as long as Retry-After says', async () => {
    const times: number[] = [];
    await onChunkPut((route, index, attempt) => {
      if (index === 0) times.push(Date.now());
      if (index === 0 && attempt === 1) {
        return route.fulfill({
          status: 429,
          headers: { 'retry-after': '1', 'content-type': 'application/problem+json' },
          body: JSON.stringify({ status: 429, code: 'rate_limited', detail: 'Slow down.' }),
        });
      }
      return route.continue();
    });
    const outcome = await upload(page, token, questionId, 1);
    assert.equal(outcome.status, 'processing');
    assert.ok(times[1]! - times[0]! >= 950, `retried after ${times[1]! - times[0]!} ms`);
  });

  it('sends a chunk damaged on the way again (the server checks its SHA-256)', async () => {
    await onChunkPut((route, index, attempt) => {
      if (index !== 0 || attempt !== 1) return route.continue();
      // Flip bytes of the payload in flight: the real server answers checksum_mismatch.
      const body = route.request().postDataBuffer()!;
      const damaged = Buffer.from(body.toString('latin1').replace('chunk 0', 'chunk X'), 'latin1');
      return route.continue({ postData: damaged });
    });
    const statuses: number[] = [];
    page.on('response', (res) => {
      if (res.url().endsWith('/chunks/0')) statuses.push(res.status());
    });
    const outcome = await upload(page, token, questionId, 2);
    assert.deepEqual(outcome, { status: 'processing', state: 'idle', left: 0 });
    assert.deepEqual(statuses, [400, 200]);
    assert.deepEqual((await latest()).receivedChunks, [0, 1]);
  });

  it('accepts the server’s word when the take was completed elsewhere', async () => {
    await onChunkPut(async (route) => {
      // Another tab finished this take first: send its chunks and complete it, then go on.
      const answer = await latest();
      if (answer.status === 'recording') {
        for (const i of [0, 1]) await candidate.putChunk(answer.id, i, Buffer.from(`other ${i}`));
        await candidate.post(`/candidate/answers/${answer.id}/complete`, { chunkCount: 2 });
      }
      return route.continue();
    });
    const outcome = await upload(page, token, questionId, 2);
    assert.equal(outcome.left, 0);
    assert.notEqual(outcome.status, 'recording');
    assert.equal(outcome.error, undefined);
  });

  it('counts in a chunk the server acknowledged but the device never recorded', async () => {
    // The page died after the server's 200 for chunk 2 and before the outbox wrote it down: the
    // device believes in 2 chunks, the server holds 3. They are all the candidate's recording.
    await onChunkPut(async (route, index, attempt) => {
      if (index === 1 && attempt === 1) {
        const answer = await latest();
        assert.equal((await candidate.putChunk(answer.id, 2, Buffer.from('late'))).status, 200);
      }
      return route.continue();
    });
    const outcome = await upload(page, token, questionId, 2);
    await expectHandedIn(outcome, [0, 1, 2]);
  });

  it('abandons a take that recorded nothing, so that it costs no attempt', async () => {
    const outcome = await upload(page, token, questionId, 0);
    assert.deepEqual(outcome, {
      error: { code: 'empty_take', message: 'Nothing was recorded.' },
      state: 'idle',
      left: 0,
    });
    const kept = await latest();
    assert.deepEqual([kept.status, kept.tombstone], ['failed', true]);
  });

  it('sends a take that awaits the candidate’s choice, and hands it in only once released', async () => {
    const sent = await page.evaluate(
      async ({ token, questionId }) => {
        const { api, answer, outbox } = await recorder.prepareTake(token, questionId, 3);
        await outbox.saveTake({ ...(await outbox.take(answer.id))!, awaitingChoice: true });
        const { uploader } = recorder.quickUploader({ api, outbox });
        (globalThis as unknown as { held: unknown }).held = { uploader, answerId: answer.id };
        await uploader.start();
        // Waits on the uploader's own state: every chunk acknowledged, nothing more to do.
        while (uploader.status().pendingChunks > 0 || uploader.status().state !== 'idle') {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        return uploader.status().takes.map((t) => [t.awaitingChoice, t.submitted]);
      },
      { token, questionId },
    );
    assert.deepEqual(sent, [[true, false]]);
    const waiting = await latest();
    assert.deepEqual([waiting.status, waiting.receivedChunks], ['recording', [0, 1, 2]]);

    const released = await page.evaluate(async () => {
      const { uploader, answerId } = (
        globalThis as unknown as {
          held: { uploader: InstanceType<RecorderModules['ChunkUploader']>; answerId: string };
        }
      ).held;
      await uploader.release(answerId);
      const answer = await uploader.submitted(answerId);
      uploader.stop();
      return answer.status;
    });
    assert.equal(released, 'processing');
  });

  it('sends and submits a take abandoned elsewhere while this device held its recording', async () => {
    await onChunkPut(async (route, index, attempt) => {
      // Another device gave the take up before any of it arrived: the server keeps a tombstone.
      if (index === 0 && attempt === 1) {
        const answer = await latest();
        assert.equal((await candidate.post(`/candidate/answers/${answer.id}/abandon`)).status, 204);
      }
      return route.continue();
    });
    const outcome = await upload(page, token, questionId, 3);
    await expectHandedIn(outcome, [0, 1, 2]);
  });

  it('completes an "empty" take abandoned elsewhere when a chunk of it reached the server', async () => {
    await page.route('**/abandon', async (route) => {
      // Another device gave the take up, then a third sent a chunk of it: still the candidate's.
      const answer = await latest();
      assert.equal((await candidate.post(`/candidate/answers/${answer.id}/abandon`)).status, 204);
      assert.equal((await candidate.putChunk(answer.id, 0, Buffer.from('sent'))).status, 200);
      return route.continue();
    });
    const outcome = await upload(page, token, questionId, 0);
    await expectHandedIn(outcome, [0]);
  });

  it('completes an "empty" take after all when a chunk of it reached the server', async () => {
    await page.route('**/abandon', async (route) => {
      const answer = await latest();
      assert.equal((await candidate.putChunk(answer.id, 0, Buffer.from('sent'))).status, 200);
      return route.continue();
    });
    const outcome = await upload(page, token, questionId, 0);
    await expectHandedIn(outcome, [0]);
  });

  it('stops, keeping every chunk, when the interview has closed', async () => {
    await onChunkPut((route) =>
      route.fulfill({
        status: 410,
        headers: { 'content-type': 'application/problem+json' },
        body: JSON.stringify({ status: 410, code: 'expired', detail: 'This interview closed.' }),
      }),
    );
    const outcome = await upload(page, token, questionId, 3);
    assert.deepEqual(outcome, {
      error: { code: 'expired', message: 'This interview closed.' },
      state: 'halted',
      left: 3,
    });
  });
});
