import assert from 'node:assert/strict';
import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type Logger, pino } from 'pino';
import { locateFfmpeg } from '../../server/media/ffmpeg-binaries.js';
import { fixturesDir } from '../helpers/media-fixtures.js';

/** A logger whose records land in `records`, to check what the operator is told. */
function capturingLogger(): { log: Logger; records: Array<{ level: number; msg: string }> } {
  const records: Array<{ level: number; msg: string }> = [];
  const sink = new Writable({
    write(line, _encoding, done) {
      records.push(JSON.parse(String(line)));
      done();
    },
  });
  return { log: pino(sink), records };
}

function bundledPackageInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('@ffmpeg-installer/ffmpeg');
    return true;
  } catch {
    return false;
  }
}

describe('locateFfmpeg', () => {
  it('takes ffmpeg from the PATH normally, and says so', () => {
    const { log, records } = capturingLogger();
    const found = locateFfmpeg({}, log);
    assert.equal(found.source, 'path');
    assert.match(found.ffmpegPath, /ffmpeg$/);
    assert.match(found.ffprobePath, /ffprobe$/);
    assert.ok(records.some((record) => record.msg.includes('the PATH')));
  });

  it('honours FFMPEG_PATH and FFPROBE_PATH', async () => {
    const dir = await mkdtemp(join(fixturesDir(), 'bin-'));
    const usual = locateFfmpeg({}, pino({ level: 'silent' }));
    const ffmpegPath = join(dir, 'my-ffmpeg');
    const ffprobePath = join(dir, 'my-ffprobe');
    await symlink(usual.ffmpegPath, ffmpegPath);
    await symlink(usual.ffprobePath, ffprobePath);
    const found = locateFfmpeg(
      { FFMPEG_PATH: ffmpegPath, FFPROBE_PATH: ffprobePath },
      pino({ level: 'silent' }),
    );
    assert.deepEqual(found, { ffmpegPath, ffprobePath, source: 'env' });
  });

  it('refuses an FFMPEG_PATH that is not an executable, rather than guessing', async () => {
    const notExecutable = join(fixturesDir(), 'not-ffmpeg.txt');
    await writeFile(notExecutable, 'hello');
    assert.throws(
      () => locateFfmpeg({ FFMPEG_PATH: notExecutable }, pino({ level: 'silent' })),
      /FFMPEG_PATH is set to .* which is not an executable file/,
    );
  });

  it('falls back to the bundled build when the PATH has none, with a warning', () => {
    const { log, records } = capturingLogger();
    if (!bundledPackageInstalled()) {
      assert.throws(() => locateFfmpeg({ PATH: '' }, log), /ffmpeg was not found: install ffmpeg/);
      return;
    }
    const found = locateFfmpeg({ PATH: '' }, log);
    assert.equal(found.source, 'bundled');
    assert.ok(records.some((record) => record.level === 40 && record.msg.includes('2018')));
  });
});
