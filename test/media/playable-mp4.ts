/** Assertions shared by the media tests: "this is an MP4 every browser plays at once". */
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type ConvertedRecording,
  type ConvertRecordingOptions,
  convertRecording,
} from '../../server/media/convert-recording.js';
import { probeMedia } from '../../server/media/probe.js';
import { fixturesDir, testFfmpeg } from '../helpers/media-fixtures.js';

const TEN_MINUTES_MS = 600_000;

/** Converts into a fresh work dir, with a generous limit unless told otherwise. */
export async function convert(
  inputPath: string,
  options: Partial<ConvertRecordingOptions> = {},
): Promise<ConvertedRecording> {
  const workDir = await mkdtemp(join(fixturesDir(), 'convert-'));
  return convertRecording({
    binaries: testFfmpeg,
    inputPath,
    workDir,
    maxDurationMs: TEN_MINUTES_MS,
    ...options,
  });
}

export interface Expectations {
  durationMs: number;
  /** Allowed difference from `durationMs`. */
  toleranceMs: number;
  video: boolean;
  width?: number;
  height?: number;
}

/** H.264 (if video) + AAC in an MP4 with `moov` before `mdat`, of the expected length, and a poster. */
export async function assertPlayableMp4(
  result: ConvertedRecording,
  expected: Expectations,
): Promise<void> {
  const info = await probeMedia(result.videoPath, testFfmpeg);
  assert.match(info.formatName, /mp4/);
  assert.equal(info.audio?.codec, 'aac', 'audio is AAC');
  assert.equal(
    info.video?.codec ?? null,
    expected.video ? 'h264' : null,
    'video is H.264 (or absent)',
  );
  if (info.video) assert.equal(info.video.pixelFormat, 'yuv420p');
  assertFaststart(await readFile(result.videoPath));
  const difference = Math.abs(result.durationMs - expected.durationMs);
  assert.ok(
    difference <= expected.toleranceMs,
    `duration ${result.durationMs} ms, expected ≈${expected.durationMs}`,
  );
  assert.equal(result.durationMs, info.durationMs, 'the reported duration is the output file');
  if (expected.width !== undefined) assert.equal(result.width, expected.width, 'width');
  if (expected.height !== undefined) assert.equal(result.height, expected.height, 'height');
  if (expected.video) {
    await assertJpegPoster(result.posterPath);
  } else {
    assert.equal(result.posterPath, null, 'no poster without video');
  }
}

/** Walks the top-level boxes: the index (`moov`) must come before the media (`mdat`). */
export function assertFaststart(bytes: Buffer): void {
  const boxes = topLevelBoxes(bytes);
  const moov = boxes.indexOf('moov');
  const mdat = boxes.indexOf('mdat');
  assert.ok(moov >= 0 && mdat >= 0, `boxes: ${boxes.join(' ')}`);
  assert.ok(moov < mdat, `moov must precede mdat, got ${boxes.join(' ')}`);
  assert.ok(!boxes.includes('moof'), 'not fragmented');
}

export function topLevelBoxes(bytes: Buffer): string[] {
  const types: string[] = [];
  let offset = 0;
  while (offset + 8 <= bytes.length) {
    const declared = bytes.readUInt32BE(offset);
    // 1: a 64-bit size follows the type; 0: the box runs to the end of the file.
    const size =
      declared === 1
        ? Number(bytes.readBigUInt64BE(offset + 8))
        : declared || bytes.length - offset;
    assert.ok(size >= 8, `bad box size ${size} at ${offset}`);
    types.push(bytes.toString('latin1', offset + 4, offset + 8));
    offset += size;
  }
  return types;
}

async function assertJpegPoster(posterPath: string | null): Promise<void> {
  assert.ok(posterPath, 'a poster was made');
  const bytes = await readFile(posterPath);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xff, 0xd8, 0xff], 'JPEG signature');
  const info = await probeMedia(posterPath, testFfmpeg);
  assert.ok(info.video && info.video.width <= 640, `poster width ${info.video?.width}`);
}
