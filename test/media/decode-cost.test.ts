import assert from 'node:assert/strict';
import { answerBudget } from '../../server/media/answer-budget.js';
import { UnplayableMediaError } from '../../server/media/convert-recording.js';
import { decodeBomb } from '../helpers/decode-bomb.js';
import {
  closeMediaFixtures,
  ffmpegClip,
  VP8_OPUS_WEBM,
  writeFixtureFile,
} from '../helpers/media-fixtures.js';
import { assertPlayableMp4, convert } from './playable-mp4.js';

after(closeMediaFixtures);

/** A 10-second question: the answer of issue 8's decode-bomb attack. */
const TEN_SECOND_QUESTION = answerBudget(10);

describe('convertRecording with a decode budget', function () {
  this.timeout(120_000);

  it('refuses a decode bomb (a huge picture at 1000 fps) from its counted frames, before decoding', async () => {
    const path = await writeFixtureFile('bomb.webm', await decodeBomb());
    const progress: number[] = [];
    await assert.rejects(
      convert(path, {
        maxDurationMs: TEN_SECOND_QUESTION.maxDurationMs,
        decodeLimits: TEN_SECOND_QUESTION,
        expectedDurationMs: 10_000,
        onProgress: (percent) => progress.push(percent),
      }),
      (error: unknown) => {
        assert.ok(error instanceof UnplayableMediaError, String(error));
        assert.equal(error.reason, 'too_costly');
        assert.match(error.message, /^The [^/\\]+\.$/);
        return true;
      },
    );
    assert.deepEqual(progress, [], 'no encoding started');
  });

  it('treats an input that outlasts its budgeted time as too costly (final), not as our failure', async () => {
    const path = await writeFixtureFile('bomb.webm', await decodeBomb());
    // Frames and pixels let through, one second to encode: the timeout is the input's doing.
    const limits = { maxFrames: 1e9, maxPixels: 1e15, encodeTimeoutMs: 1000 };
    await assert.rejects(
      convert(path, { maxDurationMs: 60_000, decodeLimits: limits }),
      (error: unknown) => error instanceof UnplayableMediaError && error.reason === 'too_costly',
    );
  });

  it('converts an honest recording of the same question within its budget', async () => {
    const clip = await ffmpegClip({ ...VP8_OPUS_WEBM, seconds: 2, width: 1280, height: 720 });
    const result = await convert(clip, {
      maxDurationMs: TEN_SECOND_QUESTION.maxDurationMs,
      decodeLimits: TEN_SECOND_QUESTION,
    });
    await assertPlayableMp4(result, { durationMs: 2000, toleranceMs: 300, video: true });
  });
});
