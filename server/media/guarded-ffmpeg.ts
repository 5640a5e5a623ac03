import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { FfmpegBinaries } from './ffmpeg-binaries.js';

const SETPRIV_PATHS = ['/usr/bin/setpriv', '/bin/setpriv'];

/**
 * ffmpeg runs as a child of the server; a child outlives a parent killed with SIGKILL (an OOM
 * kill, a container stop past its grace time) and keeps converting someone's recording with
 * nobody to use the result. On Linux the kernel can send a signal to a process when its parent
 * dies (PR_SET_PDEATHSIG); util-linux's `setpriv --pdeathsig KILL` sets it and then becomes
 * ffmpeg (exec: same process). This writes two tiny scripts under DATA_DIR/bin doing that and
 * returns them in place of the binaries. Elsewhere (no setpriv) the binaries are returned as
 * they are, and leftovers are killed at the next start instead (work-dirs.ts).
 */
export async function guardedFfmpeg(
  binaries: FfmpegBinaries,
  dataDir: string,
  log: Logger,
): Promise<FfmpegBinaries> {
  const setpriv = process.platform === 'linux' ? SETPRIV_PATHS.find(isExecutable) : undefined;
  if (!setpriv) {
    log.info('ffmpeg is not tied to the server process (no setpriv); leftovers are swept at start');
    return binaries;
  }
  const dir = path.resolve(dataDir, 'bin');
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const wrap = async (name: string, target: string) => {
      const file = path.join(dir, name);
      await writeFile(
        file,
        `#!/bin/sh\n# Written by the server at start: ${name} dies with the server.\nexec ${quote(setpriv)} --pdeathsig KILL -- ${quote(target)} "$@"\n`,
        { mode: 0o700 },
      );
      await chmod(file, 0o700);
      return file;
    };
    const guarded = {
      ffmpegPath: await wrap('ffmpeg', binaries.ffmpegPath),
      ffprobePath: await wrap('ffprobe', binaries.ffprobePath),
    };
    // DATA_DIR may be mounted noexec: a wrapper that cannot run must not break every job.
    execFileSync(guarded.ffprobePath, ['-version'], { stdio: 'ignore', timeout: 10_000 });
    return guarded;
  } catch (err) {
    log.warn({ err }, 'could not tie ffmpeg to the server process; leftovers are swept at start');
    return binaries;
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A POSIX shell single-quoted word. */
function quote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
