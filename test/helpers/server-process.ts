import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

let built = false;
/** Compiles the server into dist/server once per test run: the processes run what `npm start` runs. */
function ensureServerBuild(): void {
  if (built) return;
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-server.ts'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  built = true;
}

export interface ServerProcess {
  child: ChildProcess;
  /** Everything the process printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

/** The compiled server as its own process, the way `npm start` runs it. */
export function spawnServer(env: Record<string, string>): ServerProcess {
  ensureServerBuild();
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      // As `npm start` sets it: see "Thread pool" in docs/deploy.md.
      UV_THREADPOOL_SIZE: '16',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (d) => {
    text += d;
  });
  child.stderr!.on('data', (d) => {
    text += d;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    child,
    output: () => text,
    exited,
    waitForOutput: (pattern, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const deadline = Date.now() + timeoutMs;
        const check = () => {
          const match = text.match(pattern);
          if (match) return resolve(match);
          if (child.exitCode !== null)
            return reject(new Error(`server exited (${child.exitCode}):\n${text}`));
          if (Date.now() > deadline) return reject(new Error(`no ${pattern} in output:\n${text}`));
          setTimeout(check, 50);
        };
        check();
      }),
  };
}

/**
 * Waits until the process `pid` has a child running `command` (read from /proc), so a crash test
 * can kill a server while its ffmpeg is observably at work rather than after a guessed sleep.
 * Resolves with the child's pid.
 */
export async function waitForChildCommand(
  pid: number,
  command: string,
  timeoutMs = 60_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
      // "pid (comm) state ppid …": comm may hold spaces, so read around its parentheses.
      const match = /^\d+ \((.*)\) \S+ (\d+)/.exec(stat);
      if (match && match[1] === command && Number(match[2]) === pid) return Number(entry);
    }
    if (Date.now() > deadline)
      throw new Error(`no ${command} child of ${pid} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
