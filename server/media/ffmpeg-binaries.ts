import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import type { Logger } from 'pino';

/** The two executables every media function needs; passed in, never stored globally. */
export interface FfmpegBinaries {
  ffmpegPath: string;
  ffprobePath: string;
}

export type FfmpegSource = 'env' | 'path' | 'bundled';

export interface LocatedFfmpeg extends FfmpegBinaries {
  /** Where ffmpeg came from; ffprobe is looked up the same way and logged alongside. */
  source: FfmpegSource;
}

export interface FfmpegEnv {
  FFMPEG_PATH?: string;
  FFPROBE_PATH?: string;
  /** Defaults to the process's PATH. */
  PATH?: string;
}

type Tool = 'ffmpeg' | 'ffprobe';

interface Found {
  path: string;
  source: FfmpegSource;
}

/**
 * Finds ffmpeg and ffprobe: the FFMPEG_PATH / FFPROBE_PATH variables, then the PATH (the
 * distribution's security-maintained build), then the npm-bundled static build of 2018
 * (a last resort: old, but better than not starting).
 */
export function locateFfmpeg(env: FfmpegEnv, log: Logger): LocatedFfmpeg {
  const searchPath = env.PATH ?? process.env.PATH ?? '';
  const ffmpeg = locateTool('ffmpeg', env.FFMPEG_PATH, searchPath);
  const ffprobe = locateTool('ffprobe', env.FFPROBE_PATH, searchPath);
  log.info(
    {
      ffmpegPath: ffmpeg.path,
      ffmpegSource: ffmpeg.source,
      ffprobePath: ffprobe.path,
      ffprobeSource: ffprobe.source,
    },
    `using ffmpeg from ${describeSource(ffmpeg.source)}`,
  );
  if (ffmpeg.source === 'bundled' || ffprobe.source === 'bundled') {
    log.warn(
      'the bundled ffmpeg is a 2018 build; install ffmpeg from your distribution or set FFMPEG_PATH',
    );
  }
  return { ffmpegPath: ffmpeg.path, ffprobePath: ffprobe.path, source: ffmpeg.source };
}

function locateTool(tool: Tool, configured: string | undefined, searchPath: string): Found {
  const variable = tool === 'ffmpeg' ? 'FFMPEG_PATH' : 'FFPROBE_PATH';
  if (configured) {
    // An explicit setting that does not work is a mistake to report, not to paper over.
    if (!isExecutable(configured)) {
      throw new Error(`${variable} is set to "${configured}", which is not an executable file.`);
    }
    return { path: configured, source: 'env' };
  }
  const onPath = findOnPath(tool, searchPath);
  if (onPath) return { path: onPath, source: 'path' };
  const bundled = findBundled(tool);
  if (bundled) return { path: bundled, source: 'bundled' };
  throw new Error(
    `${tool} was not found: install ffmpeg (for example "apt-get install ffmpeg"), ` +
      `put it on the PATH or set ${variable}.`,
  );
}

function findOnPath(tool: Tool, searchPath: string): string | null {
  const names = process.platform === 'win32' ? [`${tool}.exe`] : [tool];
  for (const dir of searchPath.split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

/** The @ffmpeg-installer packages are optional dependencies: absent or broken means "no". */
function findBundled(tool: Tool): string | null {
  const packageName = tool === 'ffmpeg' ? '@ffmpeg-installer/ffmpeg' : '@ffprobe-installer/ffprobe';
  try {
    const require = createRequire(import.meta.url);
    const found: unknown = require(packageName);
    if (typeof found === 'object' && found !== null && 'path' in found) {
      const path = found.path;
      if (typeof path === 'string' && isExecutable(path)) return path;
    }
  } catch {
    // Not installed for this platform, or its binary is missing: fall through.
  }
  return null;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function describeSource(source: FfmpegSource): string {
  if (source === 'env') return 'FFMPEG_PATH';
  if (source === 'path') return 'the PATH';
  return 'the bundled npm package';
}
