import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { UnplayableMediaError } from '../../server/media/convert-recording.js';
import {
  closeMediaFixtures,
  ffmpegClip,
  H264_AAC_MP4,
  notMediaBytes,
  recordInChromium,
  writeFixtureFile,
} from '../helpers/media-fixtures.js';
import { convert } from './playable-mp4.js';

after(closeMediaFixtures);

/** Rejects with UnplayableMediaError whose message is a plain sentence without paths. */
async function assertUnplayable(
  promise: Promise<unknown>,
  reason?: UnplayableMediaError['reason'],
): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof UnplayableMediaError, `got ${String(error)}`);
    if (reason) assert.equal(error.reason, reason);
    assert.match(error.message, /^The [^/\\]+\.$/, 'one sentence, no file paths');
    return true;
  });
}

/** Deterministic noise, so a failure can be reproduced. */
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = state >> 16;
  }
  return bytes;
}

describe('convertRecording refuses what cannot be played', () => {
  it('rejects bytes that are not media', async () => {
    const path = await writeFixtureFile('not-media.bin', notMediaBytes());
    await assertUnplayable(convert(path), 'not_media');
  });

  it('rejects plain text, which ffprobe would read as a "tty" video', async () => {
    const path = await writeFixtureFile(
      'letter.txt',
      Buffer.from('Dear hiring manager,\n'.repeat(100)),
    );
    await assertUnplayable(convert(path), 'not_media');
  });

  it('rejects an MP4 cut off inside its first fragment', async () => {
    const clip = await ffmpegClip({ ...H264_AAC_MP4, seconds: 2, fragmented: true });
    const path = await writeFixtureFile('truncated.mp4', (await readFile(clip)).subarray(0, 3000));
    // Which check trips first (ffprobe, ffmpeg, the empty output) is not the point.
    await assertUnplayable(convert(path));
  });

  it('rejects a WebM whose media after the header is garbage', async () => {
    const bytes = await readFile(
      await ffmpegClip({ seconds: 2, videoCodec: 'vp8', audioCodec: 'opus', container: 'webm' }),
    );
    const path = await writeFixtureFile(
      'garbled.webm',
      Buffer.concat([bytes.subarray(0, 300), noise(bytes.length - 300)]),
    );
    await assertUnplayable(convert(path));
  });

  it('rejects a recording longer than allowed when the header says so', async () => {
    const clip = await ffmpegClip({ ...H264_AAC_MP4, seconds: 5 });
    await assertUnplayable(convert(clip, { maxDurationMs: 1000 }), 'too_long');
  });

  it('rejects an overlong Chrome WebM, whose header has no duration, after encoding', async () => {
    const { chunks } = await recordInChromium({
      mimeType: 'video/webm;codecs=vp8,opus',
      seconds: 3,
    });
    const path = await writeFixtureFile('overlong-chrome.webm', chunks);
    await assertUnplayable(convert(path, { maxDurationMs: 500 }), 'too_long');
  });
});
