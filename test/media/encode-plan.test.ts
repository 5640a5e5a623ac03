import assert from 'node:assert/strict';
import { fitWithin, planEncode } from '../../server/media/encode-plan.js';
import type { MediaInfo } from '../../server/media/probe.js';

function info(
  video: Partial<NonNullable<MediaInfo['video']>> | null,
  audioCodec: string | null,
): MediaInfo {
  return {
    formatName: 'matroska,webm',
    durationMs: null,
    video: video && {
      codec: 'vp8',
      width: 1280,
      height: 720,
      fps: null,
      rotation: 0,
      pixelFormat: 'yuv420p',
      ...video,
    },
    audio: audioCodec ? { codec: audioCodec, channels: 1 } : null,
  };
}

describe('fitWithin', () => {
  const cases: Array<[number, number, number, number]> = [
    [1280, 720, 1280, 720],
    [1920, 1080, 1280, 720],
    [720, 1280, 720, 1280],
    [1080, 1920, 720, 1280],
    [640, 480, 640, 480],
    [641, 359, 640, 358],
    [4096, 2160, 1280, 674],
    [1440, 1080, 960, 720],
  ];
  for (const [width, height, expectedWidth, expectedHeight] of cases) {
    it(`${width}x${height} → ${expectedWidth}x${expectedHeight}`, () => {
      assert.deepEqual(fitWithin({ width, height }), {
        width: expectedWidth,
        height: expectedHeight,
      });
    });
  }
});

describe('planEncode', () => {
  it('copies 4:2:0 H.264 and keeps AAC', () => {
    const plan = planEncode(info({ codec: 'h264' }, 'aac'));
    assert.equal(plan.mode, 'remux');
    assert.deepEqual(plan.outputOptions, [
      '-map',
      '0:v:0',
      '-c:v',
      'copy',
      '-map',
      '0:a:0',
      '-c:a',
      'copy',
    ]);
  });

  it('copies H.264 video but turns Opus into AAC', () => {
    const plan = planEncode(info({ codec: 'h264' }, 'opus'));
    assert.equal(plan.mode, 'remux');
    assert.ok(plan.outputOptions.join(' ').includes('-c:a aac'));
  });

  it('re-encodes 4:4:4 H.264, which not every browser decodes', () => {
    assert.equal(
      planEncode(info({ codec: 'h264', pixelFormat: 'yuv444p' }, 'aac')).mode,
      'transcode',
    );
  });

  it('re-encodes VP8 with a 2-second keyframe interval at the source frame rate', () => {
    const options = planEncode(info({ codec: 'vp8', fps: 25 }, 'opus')).outputOptions.join(' ');
    assert.match(options, /-c:v libx264 .*-pix_fmt yuv420p/);
    assert.match(options, /-g 50\b/);
  });

  it('encodes audio only as AAC without video', () => {
    const plan = planEncode(info(null, 'opus'));
    assert.equal(plan.mode, 'transcode');
    assert.equal(plan.size, null);
    assert.deepEqual(plan.outputOptions.slice(0, 1), ['-vn']);
  });
});
