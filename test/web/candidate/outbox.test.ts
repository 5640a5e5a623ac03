import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { serverAndBrowser } from '../../helpers/server-and-browser.js';
import { openUnitPage } from './unit-page.js';

type Kind = 'IndexedDbOutbox' | 'MemoryOutbox';

function take(answerId: string, scope: string, createdAt: number) {
  return {
    answerId,
    scope,
    questionId: 'q1',
    mimeType: 'video/webm',
    createdAt,
    nextIndex: 0,
    recordedMs: 0,
    closed: false,
    interrupted: false,
  };
}

describe('recorder outbox (in Chromium)', function () {
  this.timeout(30_000);
  const started = serverAndBrowser();
  let page: Page;

  before(async () => {
    page = await started.browser.newPage();
    await openUnitPage(page, started.server.url);
  });

  for (const kind of ['IndexedDbOutbox', 'MemoryOutbox'] as Kind[]) {
    it(`${kind}: stores chunks, counts them on the take and returns the lowest first`, async () => {
      const result = await page.evaluate(
        async ({ kind, take }) => {
          const outbox = await recorder.testOutbox(kind, 'outbox-order');
          await outbox.saveTake(take);
          // Written out of order on purpose: the index, not the arrival, decides.
          for (const [index, text] of [
            [1, 'bb'],
            [0, 'a'],
            [2, 'ccc'],
          ] as const) {
            const bytes = new TextEncoder().encode(text).buffer;
            const chunk = { answerId: take.answerId, index, bytes, sha256: 'sha' };
            await outbox.storeChunk(chunk, text.length * 1000);
          }
          const first = (await outbox.firstChunk(take.answerId))!;
          await outbox.removeChunk(take.answerId, 0);
          const second = (await outbox.firstChunk(take.answerId))!;
          const sizes = [...(await outbox.pendingSizes(take.answerId)).entries()];
          const stored = (await outbox.take(take.answerId))!;
          const third = await outbox.chunk(take.answerId, 2);
          return {
            first: first.index,
            firstText: new TextDecoder().decode(first.bytes),
            second: second.index,
            third: third?.bytes.byteLength,
            sizes,
            nextIndex: stored.nextIndex,
            recordedMs: stored.recordedMs,
          };
        },
        { kind, take: take(`order-${kind}`, 'inv-1', 1) },
      );
      assert.deepEqual(result, {
        first: 0,
        firstText: 'a',
        second: 1,
        third: 3,
        sizes: [
          [1, 2],
          [2, 3],
        ],
        nextIndex: 3,
        recordedMs: 3000,
      });
    });

    it(`${kind}: lists a scope's takes oldest first and forgets a take with its chunks`, async () => {
      const result = await page.evaluate(
        async ({ kind, takes }) => {
          const outbox = await recorder.testOutbox(kind, 'outbox-scopes');
          for (const t of takes) await outbox.saveTake(t);
          const bytes = new Uint8Array([1, 2]).buffer;
          await outbox.storeChunk({ answerId: 'newer', index: 0, bytes, sha256: 'sha' }, 10);
          const before = (await outbox.takes('inv-2')).map((t: { answerId: string }) => t.answerId);
          await outbox.removeTake('newer');
          const after = (await outbox.takes('inv-2')).map((t: { answerId: string }) => t.answerId);
          return { before, after, orphan: await outbox.firstChunk('newer') };
        },
        {
          kind,
          takes: [
            take('newer', 'inv-2', 20),
            take('older', 'inv-2', 10),
            take('other', 'inv-3', 5),
          ],
        },
      );
      assert.deepEqual(result, { before: ['older', 'newer'], after: ['older'], orphan: undefined });
    });
  }

  it('IndexedDbOutbox: keeps takes and chunks across a reload', async () => {
    await page.evaluate(async () => {
      const outbox = await recorder.IndexedDbOutbox.open('outbox-reload');
      await outbox.saveTake({
        answerId: 'survivor',
        scope: 'inv-4',
        questionId: 'q',
        mimeType: 'video/mp4',
        createdAt: 1,
        nextIndex: 0,
        recordedMs: 0,
        closed: false,
        interrupted: false,
      });
      for (const [index, size, sha256] of [
        [0, 1000, 'abc'],
        [1, 2000, 'def'],
      ] as const) {
        const bytes = new Uint8Array(size).buffer;
        await outbox.storeChunk({ answerId: 'survivor', index, bytes, sha256 }, size);
      }
    });
    await page.reload();
    await page.waitForFunction(() => 'recorder' in globalThis);
    const after = await page.evaluate(async () => {
      const outbox = await recorder.IndexedDbOutbox.open('outbox-reload');
      const [take] = await outbox.takes('inv-4');
      const first = await outbox.firstChunk('survivor');
      return { nextIndex: take?.nextIndex, first: first?.sha256, size: first?.bytes.byteLength };
    });
    assert.deepEqual(after, { nextIndex: 2, first: 'abc', size: 1000 });
  });

  it('cuts a huge slice into pieces under the limit, bytes in order', async () => {
    const pieces = await page.evaluate(async () => {
      const bytes = new Uint8Array(10_000).map((_, i) => i % 251);
      const parts = recorder.splitSlice(new Blob([bytes]), 4096);
      const joined = new Uint8Array(await new Blob(parts).arrayBuffer());
      return { sizes: parts.map((p) => p.size), same: joined.every((b, i) => b === bytes[i]) };
    });
    assert.deepEqual(pieces, { sizes: [4096, 4096, 1808], same: true });
  });
});
