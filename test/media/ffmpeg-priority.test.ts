import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FfmpegCommand } from 'fluent-ffmpeg';
import { pino } from 'pino';
import { locateFfmpeg } from '../../server/media/ffmpeg-binaries.js';
import { createCommand, runCommand } from '../../server/media/ffmpeg-command.js';

/** A process's niceness: field 19 of /proc/<pid>/stat, counted after "(comm)". */
async function nicenessOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

/** The pid of the command's process once it is ffmpeg itself (not a launcher on its way to it). */
async function ffmpegPidOf(command: FfmpegCommand): Promise<number> {
  const pid = await new Promise<number>((resolve) =>
    command.on('start', () =>
      resolve((command as unknown as { ffmpegProc: { pid: number } }).ffmpegProc.pid),
    ),
  );
  while ((await readFile(`/proc/${pid}/comm`, 'utf8')).trim() !== 'ffmpeg') await sleep(10);
  return pid;
}

describe('media conversion and the server share the CPU', () => {
  it('runs ffmpeg at a lower priority than the process that serves requests', async function () {
    this.timeout(60_000);
    const binaries = locateFfmpeg({}, pino({ level: 'silent' }));
    // Ten seconds of synthetic video encoded to nowhere: long enough to be seen running.
    const command = createCommand(binaries)
      .input('testsrc=size=320x240:rate=25:duration=10')
      .inputFormat('lavfi')
      .outputOptions(['-f', 'null'])
      .output('-');
    const started = ffmpegPidOf(command);
    const finished = runCommand(command).catch(() => undefined);
    const [own, ffmpeg] = [await nicenessOf(process.pid), await nicenessOf(await started)];
    command.kill('SIGKILL');
    await finished;
    assert.ok(ffmpeg > own, `ffmpeg at niceness ${ffmpeg}, the server at ${own}`);
  });
});
