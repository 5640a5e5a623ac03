import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { probeMedia } from '../../server/media/probe.js';
import {
  type Api,
  createInterview,
  inviteOne,
  recordAnswer,
  waitForAnswer,
} from '../helpers/api.js';
import {
  closeMediaFixtures,
  ffmpegClip,
  fixturesDir,
  type RecordedChunks,
  recordInChromium,
  safariLikeMp4Chunks,
  sliceIrregularly,
  testFfmpeg,
} from '../helpers/media-fixtures.js';
import { topLevelBoxes } from '../helpers/mp4.js';
import { useTestServer } from '../helpers/server-suite.js';
import { BOTH_SETUPS, type TestServer } from '../helpers/test-server.js';

const SECONDS = 3;

/** Every kind of recording a browser hands over, as chunks in delivery order. */
const SOURCES: { name: string; make: () => Promise<RecordedChunks> }[] = [
  {
    name: 'Chromium WebM VP8/Opus',
    make: () => recordInChromium({ mimeType: 'video/webm;codecs=vp8,opus', seconds: SECONDS }),
  },
  {
    name: 'Chromium Matroska H.264/Opus',
    make: () => recordInChromium({ mimeType: 'video/webm;codecs=h264,opus', seconds: SECONDS }),
  },
  {
    name: 'Chromium MP4 H.264/Opus',
    make: () => recordInChromium({ mimeType: 'video/mp4;codecs=avc1,opus', seconds: SECONDS }),
  },
  { name: 'Safari-like fragmented MP4 H.264/AAC', make: () => safariLikeMp4Chunks(SECONDS) },
  {
    name: 'ffmpeg VP9/Opus WebM',
    make: async () => {
      const file = await ffmpegClip({
        seconds: SECONDS,
        videoCodec: 'vp9',
        audioCodec: 'opus',
        container: 'webm',
      });
      return {
        mimeType: 'video/webm;codecs=vp9,opus',
        chunks: sliceIrregularly(await readFile(file), SECONDS),
      };
    },
  },
];

async function fetchBytes(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

for (const setup of BOTH_SETUPS) {
  describe(`record → ready → rating on ${setup.name}`, function () {
    this.timeout(180_000);
    let server: TestServer;
    let staff: Api;

    useTestServer(
      { database: setup.database, storage: setup.storage },
      (s) => ({ server, admin: staff } = s),
    );

    for (const source of SOURCES) {
      it(`turns a ${source.name} recording into an MP4 that plays everywhere, and it can be rated`, async () => {
        const recording = await source.make();
        const interview = await createInterview(staff, {
          questions: [
            { prompt: 'Introduce yourself.', thinkSeconds: 30, maxSeconds: 60, retakes: 1 },
          ],
        });
        const { candidate } = await inviteOne(staff, interview.id);
        await candidate.get('/candidate/session');
        const started = await recordAnswer(
          candidate,
          interview.questions[0]!.id,
          recording.mimeType,
          recording.chunks,
        );
        assert.equal(started.status, 'processing');

        const ready = await waitForAnswer(candidate, started.id);
        assert.equal(ready.status, 'ready', `processing failed: ${ready.error}`);
        assert.ok(
          Math.abs(ready.durationMs! - SECONDS * 1000) < 1200,
          `duration ${ready.durationMs} ms for a ${SECONDS} s take`,
        );

        const finish = await candidate.post('/candidate/finish');
        assert.equal(finish.status, 200);
        assert.equal(finish.body.status, 'completed');

        const review = await staff.get(`/answers/${started.id}`);
        assert.equal(review.status, 200);
        assert.ok(review.body.width > 0 && review.body.height > 0);

        // The video a reviewer's <video> element gets: MP4, index first, H.264 + AAC, seekable by range.
        const video = await fetchBytes(review.body.videoUrl);
        assert.equal(video.status, 200);
        assert.equal(video.type, 'video/mp4');
        const boxes = topLevelBoxes(video.bytes);
        assert.ok(
          boxes.indexOf('moov') < boxes.indexOf('mdat'),
          `boxes in order ${boxes.join(',')}`,
        );
        const file = path.join(fixturesDir(), `played-${setup.storage}-${started.id}.mp4`);
        await writeFile(file, video.bytes);
        const info = await probeMedia(file, testFfmpeg);
        assert.equal(info.video?.codec, 'h264');
        assert.equal(info.audio?.codec, 'aac');
        const range = await fetchBytes(review.body.videoUrl, { range: 'bytes=100-199' });
        assert.equal(range.status, 206);
        assert.deepEqual(range.bytes, video.bytes.subarray(100, 200));

        const poster = await fetchBytes(review.body.posterUrl);
        assert.equal(poster.status, 200);
        assert.equal(poster.bytes.subarray(0, 3).toString('hex'), 'ffd8ff', 'poster is a JPEG');

        // The raw chunks are gone from storage once the MP4 is safely stored.
        assert.deepEqual(await server.deps.storage.list(`answers/${started.id}/chunks/`), []);

        const rated = await staff.put(`/answers/${started.id}/ratings/me`, {
          score: 4,
          comment: 'Clear and concise.',
        });
        assert.equal(rated.status, 200);
        const ratings = await staff.get(`/answers/${started.id}/ratings`);
        assert.deepEqual(
          ratings.body.items.map((r: { score: number; comment: string }) => [r.score, r.comment]),
          [[4, 'Clear and concise.']],
        );
        const queue = await staff.get(`/review/queue?interviewId=${interview.id}`);
        assert.equal(queue.body.items.length, 1);
        assert.equal(queue.body.items[0].myRated, true);
        assert.equal(queue.body.items[0].ratingCount, 1);
      });
    }
  });
}

after(() => closeMediaFixtures());
