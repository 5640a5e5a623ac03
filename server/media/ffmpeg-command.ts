import ffmpeg, { type FfmpegCommand } from 'fluent-ffmpeg';
import type { FfmpegBinaries } from './ffmpeg-binaries.js';

/** How many stderr lines fluent-ffmpeg keeps; the tail is enough to explain a failure. */
const STDERR_LINES = 60;
const STDERR_TAIL_CHARS = 3000;
/**
 * Converting media runs at a lower CPU priority than the server (issue 25): on a small machine
 * ffmpeg would otherwise take every core from the process that acknowledges chunks, serves the
 * review page and hands mail to SMTP. It still gets every cycle nobody else wants, so media
 * throughput on an idle machine is unchanged. fluent-ffmpeg starts it through `nice`.
 */
export const MEDIA_NICENESS = 10;

export interface CommandOptions {
  /** Kills ffmpeg after this long: a stuck process must not hold a worker forever. */
  timeoutSeconds?: number;
}

/** A fluent-ffmpeg command bound to these binaries (set per command, not process-wide). */
export function createCommand(
  binaries: FfmpegBinaries,
  options: CommandOptions = {},
): FfmpegCommand {
  const command = ffmpeg({
    stdoutLines: STDERR_LINES,
    timeout: options.timeoutSeconds,
    niceness: MEDIA_NICENESS,
  });
  command.setFfmpegPath(binaries.ffmpegPath);
  command.setFfprobePath(binaries.ffprobePath);
  return command;
}

/** ffmpeg (or ffprobe) failed; `stderrTail` is for logs only, it may contain file paths. */
export class FfmpegFailure extends Error {
  constructor(
    message: string,
    /** The process's exit code, or null when it was killed or never started. */
    readonly exitCode: number | null,
    readonly stderrTail: string,
  ) {
    super(message);
    this.name = 'FfmpegFailure';
  }
}

export interface RunHooks {
  /** ffmpeg's position in the output, in seconds, as it reports progress. */
  onTimemark?: (seconds: number) => void;
}

export interface RunResult {
  /** The tail of stderr, useful to spot decode errors that did not stop ffmpeg. */
  stderrTail: string;
}

/** Runs a prepared command to completion. */
export function runCommand(command: FfmpegCommand, hooks: RunHooks = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const { onTimemark } = hooks;
    if (onTimemark) {
      // Read "time=" from stderr rather than listening to 'progress': that listener makes
      // fluent-ffmpeg spawn an extra ffprobe first (~0.2 s here), a tenth of the remux budget.
      command.on('stderr', (line: string) => {
        const seconds = timemarkToSeconds(/\btime=\s*(\S+)/.exec(line)?.[1]);
        if (seconds !== null) onTimemark(seconds);
      });
    }
    command.on('end', (_stdout: string | null, stderr: string | null) => {
      resolve({ stderrTail: tail(stderr) });
    });
    command.on('error', (error: Error, _stdout: string | null, stderr: string | null) => {
      reject(toFailure(error, stderr));
    });
    command.run();
  });
}

function toFailure(error: Error, stderr: string | null): FfmpegFailure {
  const firstLine = error.message.split('\n')[0] ?? error.message;
  const code = /exited with code (\d+)/.exec(firstLine)?.[1];
  return new FfmpegFailure(firstLine, code === undefined ? null : Number(code), tail(stderr));
}

export function tail(text: string | null | undefined): string {
  if (!text) return '';
  const trimmed = text.trimEnd();
  return trimmed.length > STDERR_TAIL_CHARS ? trimmed.slice(-STDERR_TAIL_CHARS) : trimmed;
}

/** "01:02:03.45" → 3723.45; ffmpeg prints a negative mark before the first frame. */
export function timemarkToSeconds(timemark: string | undefined): number | null {
  if (!timemark) return null;
  const match = /^(-)?(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(timemark.trim());
  if (!match) return null;
  const [, minus, hours, minutes, seconds] = match;
  const value = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
  return minus ? -value : value;
}
