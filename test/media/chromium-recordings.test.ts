import assert from 'node:assert/strict';
import {
  closeMediaFixtures,
  type RecordedChunks,
  recordInChromium,
  writeFixtureFile,
} from '../helpers/media-fixtures.js';
import { assertPlayableMp4, convert } from './playable-mp4.js';

after(closeMediaFixtures);

const SECONDS = 3;
/** The recorder starts and stops on timers in a busy browser: allow half a second either way. */
const TOLERANCE_MS = 500;

const RECORDINGS = [
  { mimeType: 'video/webm;codecs=vp8,opus', extension: 'webm', mode: 'transcode' },
  { mimeType: 'video/webm;codecs=h264,opus', extension: 'webm', mode: 'remux' },
  { mimeType: 'video/mp4;codecs=avc1,opus', extension: 'mp4', mode: 'remux' },
] as const;

describe('convertRecording with real Chromium MediaRecorder output', function () {
  // One browser records all three in turn; later tests reuse the memoized chunks.
  this.timeout(120_000);
  const recorded = new Map<string, RecordedChunks>();

  before(async () => {
    for (const { mimeType } of RECORDINGS) {
      recorded.set(mimeType, await recordInChromium({ mimeType, seconds: SECONDS }));
    }
  });

  for (const { mimeType, extension, mode } of RECORDINGS) {
    it(`${mimeType}: chunks join into an H.264/AAC MP4 (${mode})`, async () => {
      const { chunks } = recorded.get(mimeType)!;
      // One chunk per timeslice: proves the MP4 recorder honoured videoKeyFrameIntervalDuration.
      assert.ok(chunks.length >= SECONDS, `${chunks.length} chunks`);
      const path = await writeFixtureFile(`chromium-${mode}-${chunks.length}.${extension}`, chunks);
      const result = await convert(path, { expectedDurationMs: SECONDS * 1000 });
      assert.equal(result.mode, mode);
      await assertPlayableMp4(result, {
        durationMs: SECONDS * 1000,
        toleranceMs: TOLERANCE_MS,
        video: true,
      });
    });
  }
});
