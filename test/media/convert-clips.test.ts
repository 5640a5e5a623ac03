import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createCommand, runCommand } from '../../server/media/ffmpeg-command.js';
import {
  closeMediaFixtures,
  ffmpegClip,
  fixturesDir,
  safariLikeMp4Chunks,
  sliceIrregularly,
  testFfmpeg,
  writeFixtureFile,
} from '../helpers/media-fixtures.js';
import { assertPlayableMp4, convert } from './playable-mp4.js';

after(closeMediaFixtures);

describe('convertRecording with ffmpeg-made clips', () => {
  it('remuxes H.264/AAC MP4 without re-encoding', async () => {
    const clip = await ffmpegClip({
      seconds: 3,
      videoCodec: 'h264',
      audioCodec: 'aac',
      container: 'mp4',
    });
    const result = await convert(clip);
    assert.equal(result.mode, 'remux');
    await assertPlayableMp4(result, {
      durationMs: 3000,
      toleranceMs: 150,
      video: true,
      width: 1280,
      height: 720,
    });
  });

  it('transcodes VP8/Opus WebM to H.264/AAC and reports rising progress', async () => {
    const clip = await ffmpegClip({
      seconds: 2,
      videoCodec: 'vp8',
      audioCodec: 'opus',
      container: 'webm',
    });
    const progress: number[] = [];
    const result = await convert(clip, { onProgress: (percent) => progress.push(percent) });
    assert.equal(result.mode, 'transcode');
    await assertPlayableMp4(result, {
      durationMs: 2000,
      toleranceMs: 150,
      video: true,
      width: 1280,
      height: 720,
    });
    assert.deepEqual(
      progress,
      [...progress].sort((a, b) => a - b),
      'progress only rises',
    );
    assert.equal(progress.at(-1), 100);
  });

  it('transcodes VP9/Vorbis in Matroska', async () => {
    const clip = await ffmpegClip({
      seconds: 2,
      videoCodec: 'vp9',
      audioCodec: 'vorbis',
      container: 'mkv',
    });
    const result = await convert(clip);
    assert.equal(result.mode, 'transcode');
    await assertPlayableMp4(result, { durationMs: 2000, toleranceMs: 150, video: true });
  });

  it('keeps a portrait 720x1280 source portrait', async () => {
    const clip = await ffmpegClip({
      seconds: 2,
      videoCodec: 'vp8',
      audioCodec: 'opus',
      container: 'webm',
      width: 720,
      height: 1280,
    });
    const result = await convert(clip);
    await assertPlayableMp4(result, {
      durationMs: 2000,
      toleranceMs: 150,
      video: true,
      width: 720,
      height: 1280,
    });
  });

  it('makes odd dimensions even', async () => {
    const clip = await ffmpegClip({
      seconds: 2,
      videoCodec: 'vp8',
      audioCodec: 'opus',
      container: 'webm',
      width: 641,
      height: 359,
    });
    const result = await convert(clip);
    await assertPlayableMp4(result, {
      durationMs: 2000,
      toleranceMs: 150,
      video: true,
      width: 640,
      height: 358,
    });
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
    const clip = await ffmpegClip({
      seconds: 2,
      videoCodec: 'vp8',
      audioCodec: 'opus',
      container: 'webm',
    });
    const chunks = sliceIrregularly(await readFile(clip), 3);
    const joined = await writeFixtureFile('joined-vp8.webm', chunks);
    await assertPlayableMp4(await convert(joined), {
      durationMs: 2000,
      toleranceMs: 150,
      video: true,
    });
  });

  it('remuxes Safari-like fragmented H.264/AAC MP4 chunks', async () => {
    const { mimeType, chunks } = await safariLikeMp4Chunks(3);
    assert.equal(mimeType, 'video/mp4');
    assert.ok(chunks.length >= 3, `${chunks.length} chunks`);
    const result = await convert(await writeFixtureFile('safari.mp4', chunks));
    assert.equal(result.mode, 'remux');
    await assertPlayableMp4(result, { durationMs: 3000, toleranceMs: 150, video: true });
  });

  it('starts the output at zero when the input timestamps do not', async () => {
    const clip = await ffmpegClip({
      seconds: 2,
      videoCodec: 'vp8',
      audioCodec: 'opus',
      container: 'webm',
    });
    const shifted = `${fixturesDir()}/shifted-by-7s.webm`;
    await runCommand(
      createCommand(testFfmpeg)
        .input(clip)
        .outputOptions(['-c', 'copy', '-output_ts_offset', '7'])
        .output(shifted),
    );
    const result = await convert(shifted);
    await assertPlayableMp4(result, { durationMs: 2000, toleranceMs: 150, video: true });
  });

  it('reports a phone video stored sideways with its displayed, upright size', async () => {
    const clip = await ffmpegClip({
      seconds: 2,
      videoCodec: 'h264',
      audioCodec: 'aac',
      container: 'mp4',
      width: 640,
      height: 360,
    });
    const rotated = `${fixturesDir()}/rotated-90.mp4`;
    const tagRotation = ['-c', 'copy', '-metadata:s:v:0', 'rotate=90'];
    await runCommand(
      createCommand(testFfmpeg).input(clip).outputOptions(tagRotation).output(rotated),
    );
    const result = await convert(rotated);
    assert.equal(result.mode, 'remux');
    await assertPlayableMp4(result, {
      durationMs: 2000,
      toleranceMs: 150,
      video: true,
      width: 360,
      height: 640,
    });
  });
});
