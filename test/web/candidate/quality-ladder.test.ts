import assert from 'node:assert/strict';
import {
  achievedKbps,
  chooseQuality,
  nextEstimate,
} from '../../../web-components/candidate/recording/quality-ladder.js';

describe('candidate recorder: quality for the connection', () => {
  it('records 720p at 1.5 Mbit/s on a home connection, and when the speed is unknown', () => {
    const full = { kind: 'video', videoBitsPerSecond: 1_500_000, shortSide: 720 };
    assert.deepEqual(chooseQuality(5000), full);
    assert.deepEqual(chooseQuality(null), full);
  });

  it('on 400 kbit/s up, a 360p picture the upload keeps up with (with the sound)', () => {
    const quality = chooseQuality(400);
    assert.equal(quality.kind, 'video');
    if (quality.kind !== 'video') return;
    assert.equal(quality.shortSide, 360);
    assert.ok(quality.videoBitsPerSecond + 64_000 < 400_000 * 0.7, `${quality.videoBitsPerSecond}`);
    assert.ok(quality.videoBitsPerSecond >= 150_000);
  });

  it('reaches down to 150 kbit/s of video, then sound only unless the interview forbids it', () => {
    const lowest = chooseQuality(340);
    assert.equal(lowest.kind === 'video' && lowest.shortSide, 240);
    assert.ok(lowest.kind === 'video' && lowest.videoBitsPerSecond >= 150_000);
    assert.deepEqual(chooseQuality(250), { kind: 'audio' });
    assert.deepEqual(chooseQuality(250, { audioOnlyAllowed: false }), {
      kind: 'video',
      videoBitsPerSecond: 150_000,
      shortSide: 240,
    });
  });

  it('never records sound only when the interview forbids it, whatever the measured speed', () => {
    const speeds = [null, Number.NaN, Number.NEGATIVE_INFINITY, -100, 0, 1, 64, 99.5];
    for (let kbps = 100; kbps <= 6000; kbps += 7) speeds.push(kbps);
    speeds.push(Number.POSITIVE_INFINITY);
    for (const cameraShortSide of [120, 240, 480, 720, 2160]) {
      for (const kbps of speeds) {
        const quality = chooseQuality(kbps, { audioOnlyAllowed: false, cameraShortSide });
        const at = `${kbps} kbit/s, camera ${cameraShortSide}p`;
        assert.equal(quality.kind, 'video', at);
        if (quality.kind !== 'video') continue;
        assert.ok(quality.videoBitsPerSecond >= 150_000, at);
        assert.ok(quality.videoBitsPerSecond <= 1_500_000, at);
        assert.ok(quality.shortSide >= 120 && quality.shortSide <= 720, at);
      }
    }
  });

  it('reads an unreadable speed (NaN) as unknown: full quality, not a crash', () => {
    const full = { kind: 'video', videoBitsPerSecond: 1_500_000, shortSide: 720 };
    assert.deepEqual(chooseQuality(Number.NaN), full);
  });

  it('reads the rate uploads achieved net of the round trip, and adapts halfway', () => {
    // 40 KB slices taking 300 ms of round trip plus 800 ms on the wire: 400 kbit/s.
    const requests = Array.from({ length: 5 }, () => ({ bytes: 40_000, ms: 1100 }));
    assert.equal(achievedKbps(requests, 300), 400);
    assert.equal(achievedKbps(requests.slice(0, 2), 300), null, 'too little to tell');
    assert.equal(nextEstimate(1000, 400), 700);
    assert.equal(nextEstimate(null, 400), 400);
    assert.equal(nextEstimate(1000, null), 1000);
  });
});
