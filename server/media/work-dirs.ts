import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';

/**
 * Media jobs write a candidate's whole recording to disk while they convert it. Those files live
 * under DATA_DIR/work (not the system temp directory, which outlives the server and erasure),
 * one folder per job named after the process that owns it: "<pid>-<what>-<random>". What a
 * crashed process left is removed at the next start, with any ffmpeg still working in it.
 */
export function workRoot(dataDir: string): string {
  return path.resolve(dataDir, 'work');
}

/** A fresh private folder for one job's files; the caller removes it when done. */
export async function newWorkDir(dataDir: string, what: string): Promise<string> {
  const root = workRoot(dataDir);
  await mkdir(root, { recursive: true, mode: 0o700 });
  return mkdtemp(path.join(root, `${process.pid}-${what}-`));
}

/**
 * At start, before any job runs: every folder not owned by a live process (or owned by this
 * pid, reused after a crash) is a leftover. Processes whose command line names such a folder
 * (an ffmpeg that outlived its server) are killed first, then the folder is removed. Folders of
 * another live server sharing DATA_DIR are left alone.
 */
export async function sweepWorkDirs(dataDir: string, log: Logger): Promise<number> {
  const root = workRoot(dataDir);
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return 0;
  }
  const leftovers = names.filter((name) => {
    const owner = Number(/^(\d+)-/.exec(name)?.[1]);
    return !Number.isInteger(owner) || owner === process.pid || !isAlive(owner);
  });
  if (leftovers.length === 0) return 0;
  const killed = await killProcessesUsing(leftovers.map((name) => path.join(root, name)));
  for (const name of leftovers) await rm(path.join(root, name), { recursive: true, force: true });
  log.info(
    { folders: leftovers.length, processes: killed },
    'removed media work files left by an earlier process',
  );
  return leftovers.length;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive, but someone else's.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux: kills processes whose arguments name one of these folders; elsewhere nothing. */
async function killProcessesUsing(folders: string[]): Promise<number> {
  let pids: string[];
  try {
    pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  let killed = 0;
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue;
    const args = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (!folders.some((folder) => args.includes(`${folder}${path.sep}`))) continue;
    try {
      process.kill(Number(pid), 'SIGKILL');
      killed++;
    } catch {
      // Gone meanwhile, or not ours to kill.
    }
  }
  return killed;
}
