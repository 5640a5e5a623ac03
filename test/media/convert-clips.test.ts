import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createCommand, runCommand } from '../../server/media/ffmpeg-command.js';
import {
  type ClipSpec,
  closeMediaFixtures,
  ffmpegClip,
  fixturesDir,
  H264_AAC_MP4,
  safariLikeMp4Chunks,
  sliceIrregularly,
  testFfmpeg,
  VP8_OPUS_WEBM,
  writeFixtureFile,
} from '../helpers/media-fixtures.js';
import { assertPlayableMp4, convert } from './playable-mp4.js';

after(closeMediaFixtures);

describe('convertRecording with ffmpeg-made clips', () => {
  /** What every conversion must give: an MP4 that plays for the source's length, ±150 ms. */
  const playable = (durationMs: number, size: { width: number; height: number } | object = {}) => ({
    durationMs,
    toleranceMs: 150,
    video: true,
    ...size,
  });
  const VP8_OPUS = { ...VP8_OPUS_WEBM, seconds: 2 } as const;

  // One source per row: how it is converted (remux or transcode) and what comes out.
  const CLIPS: {
    title: string;
    source: ClipSpec;
    mode?: 'remux' | 'transcode';
    expected: ReturnType<typeof playable>;
  }[] = [
    {
      title: 'remuxes H.264/AAC MP4 without re-encoding',
      source: { ...H264_AAC_MP4, seconds: 3 },
      mode: 'remux',
      expected: playable(3000, { width: 1280, height: 720 }),
    },
    {
      title: 'transcodes VP9/Vorbis in Matroska',
      source: { seconds: 2, videoCodec: 'vp9', audioCodec: 'vorbis', container: 'mkv' },
      mode: 'transcode',
      expected: playable(2000),
    },
    {
      title: 'keeps a portrait 720x1280 source portrait',
      source: { ...VP8_OPUS, width: 720, height: 1280 },
      expected: playable(2000, { width: 720, height: 1280 }),
    },
    {
      title: 'makes odd dimensions even',
      source: { ...VP8_OPUS, width: 641, height: 359 },
      expected: playable(2000, { width: 640, height: 358 }),
    },
  ];
  for (const { title, source, mode, expected } of CLIPS)
    it(title, async () => {
      const result = await convert(await ffmpegClip(source));
      if (mode) assert.equal(result.mode, mode);
      await assertPlayableMp4(result, expected);
    });

  it('transcodes VP8/Opus WebM to H.264/AAC and reports rising progress', async () => {
    const clip = await ffmpegClip(VP8_OPUS);
    const progress: number[] = [];
    const result = await convert(clip, { onProgress: (percent) => progress.push(percent) });
    assert.equal(result.mode, 'transcode');
    await assertPlayableMp4(result, playable(2000, { width: 1280, height: 720 }));
    assert.deepEqual(
      progress,
      [...progress].sort((a, b) => a - b),
      'progress only rises',
    );
    assert.equal(progress.at(-1), 100);
  });

  it('turns audio-only Opus WebM into AAC in MP4 without a poster', async () => {
    const clip = await ffmpegClip({
      seconds: 3,
      videoCodec: null,
      audioCodec: 'opus',
      container: 'webm',
    });
    const result = await convert(clip);
    assert.equal(result.width, null);
    await assertPlayableMp4(result, { durationMs: 3000, toleranceMs: 150, video: false });
  });

  it('accepts chunks concatenated back into one file', async () => {
    const clip = await ffmpegClip(VP8_OPUS);
    const chunks = sliceIrregularly(await readFile(clip), 3);
    const joined = await writeFixtureFile('joined-vp8.webm', chunks);
    await assertPlayableMp4(await convert(joined), playable(2000));
  });

  it('remuxes Safari-like fragmented H.264/AAC MP4 chunks', async () => {
    const { mimeType, chunks } = await safariLikeMp4Chunks(3);
    assert.equal(mimeType, 'video/mp4');
    assert.ok(chunks.length >= 3, `${chunks.length} chunks`);
    const result = await convert(await writeFixtureFile('safari.mp4', chunks));
    assert.equal(result.mode, 'remux');
    await assertPlayableMp4(result, playable(3000));
  });

  it('starts the output at zero when the input timestamps do not', async () => {
    const clip = await ffmpegClip(VP8_OPUS);
    const shifted = `${fixturesDir()}/shifted-by-7s.webm`;
    await runCommand(
      createCommand(testFfmpeg)
        .input(clip)
        .outputOptions(['-c', 'copy', '-output_ts_offset', '7'])
        .output(shifted),
    );
    const result = await convert(shifted);
    await assertPlayableMp4(result, playable(2000));
  });

  it('reports a phone video stored sideways with its displayed, upright size', async () => {
    const clip = await ffmpegClip({ ...H264_AAC_MP4, seconds: 2, width: 640, height: 360 });
    const rotated = `${fixturesDir()}/rotated-90.mp4`;
    const tagRotation = ['-c', 'copy', '-metadata:s:v:0', 'rotate=90'];
    await runCommand(
      createCommand(testFfmpeg).input(clip).outputOptions(tagRotation).output(rotated),
    );
    const result = await convert(rotated);
    assert.equal(result.mode, 'remux');
    await assertPlayableMp4(result, playable(2000, { width: 360, height: 640 }));
  });
});
