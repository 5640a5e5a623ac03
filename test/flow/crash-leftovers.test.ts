import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pino } from 'pino';
import { locateFfmpeg } from '../../server/media/ffmpeg-binaries.js';
import { createInterview, inviteOne, login, waitForAnswer } from '../helpers/api.js';
import { processPerTest } from '../helpers/process-per-test.js';
import { type ServerProcess, spawnServer } from '../helpers/server-process.js';
import { freePort } from '../helpers/test-server.js';
import { recordSlowAnswer } from './slow-answer.js';

/** A process's state letter (R, S, Z…) and parent, or null once it is gone. */
async function processInfo(pid: number): Promise<{ state: string; ppid: number } | null> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!text) return null;
  const [state, ppid] = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: state!, ppid: Number(ppid) };
}

async function isRunning(pid: number): Promise<boolean> {
  const info = await processInfo(pid);
  return info !== null && info.state !== 'Z' && info.state !== 'X';
}

async function commandLine(pid: number): Promise<string[]> {
  const text = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return text.split('\0').filter(Boolean);
}

/** Polls until `check` holds; fails with `what` after `ms`. */
async function eventually(what: string, check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(what);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The ffmpeg converting a recording, as a child of `parent`: waits until it runs. */
async function transcodeOf(parent: number): Promise<{ pid: number; args: string[] }> {
  let found: { pid: number; args: string[] } | null = null;
  await eventually(
    'no ffmpeg converting a recording appeared',
    async () => {
      for (const name of await readdir('/proc')) {
        if (!/^\d+$/.test(name)) continue;
        const info = await processInfo(Number(name));
        if (info?.ppid !== parent) continue;
        const comm = await readFile(`/proc/${name}/comm`, 'utf8').catch(() => '');
        if (comm.trim() !== 'ffmpeg') continue; // not the ffprobe that reads it first
        const args = await commandLine(Number(name));
        // ffmpeg itself, not a shell or setpriv on their way to becoming it (same pid).
        if (path.basename(args[0] ?? '') !== 'ffmpeg') continue;
        if (args.some((a) => a.endsWith(`${path.sep}recording`))) {
          found = { pid: Number(name), args };
          return true;
        }
      }
      return false;
    },
    120_000,
  );
  return found!;
}

/** A pid no process has right now (one that just ended). */
function deadPid(): number {
  const done = spawnSync('true');
  return done.pid!;
}

describe('a server killed mid-transcode leaves nothing behind (issue 20, findings 6 and 11)', function () {
  this.timeout(240_000);
  let dataDir: string;
  let running: ServerProcess | undefined;
  let stray: ChildProcess | undefined;
  let orphan: number | undefined;

  // Registered first so it runs first: the strays go before their DATA_DIR does.
  afterEach(async () => {
    if (stray?.pid && (await isRunning(stray.pid))) stray.kill('SIGKILL');
    if (orphan && (await isRunning(orphan))) process.kill(orphan, 'SIGKILL');
    orphan = undefined;
  });
  processPerTest(
    'interview-crash-',
    () => running,
    (dir) => {
      dataDir = dir;
    },
  );

  it('its ffmpeg dies with it; its work files are under DATA_DIR and gone at the next start', async () => {
    const port = await freePort();
    const env = {
      PORT: String(port),
      DATA_DIR: dataDir,
      ADMIN_EMAIL: 'ops@example.test',
      ADMIN_PASSWORD: 'a long enough password',
    };
    running = spawnServer(env);
    await running.waitForOutput(/"msg":"listening"/);
    const staff = await login(`http://127.0.0.1:${port}`, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
    const interview = await createInterview(staff);
    const { candidate } = await inviteOne(staff, interview.id);
    // VP8 is re-encoded: long enough to find ffmpeg at work.
    const answer = await recordSlowAnswer(candidate, interview.questions[0]!.id);
    const ffmpeg = await transcodeOf(running.child.pid!);
    const input = ffmpeg.args.find((a) => a.endsWith(`${path.sep}recording`))!;
    const workDir = path.dirname(input);

    running.child.kill('SIGKILL');
    await running.exited;
    await eventually(
      'ffmpeg outlived its server',
      async () => !(await isRunning(ffmpeg.pid)),
      5000,
    );

    assert.ok(
      path.resolve(workDir).startsWith(`${path.resolve(dataDir)}${path.sep}`),
      `the recording was copied outside DATA_DIR: ${workDir}`,
    );
    assert.ok(await stat(input), 'a crash leaves the work files (until the next start)');
    running = spawnServer(env);
    await running.waitForOutput(/"msg":"listening"/);
    await assert.rejects(stat(workDir), 'the next start removed them');
    assert.equal((await waitForAnswer(candidate, answer.id, 120_000)).status, 'ready');
  });

  it('at start, kills an ffmpeg an earlier server left running and removes its files', async () => {
    const leftover = path.join(dataDir, 'work', `${deadPid()}-answer-left`);
    await mkdir(leftover, { recursive: true });
    const { ffmpegPath } = locateFfmpeg({}, pino({ level: 'silent' }));
    // Runs until killed: a real-time source with no end, writing into the leftover folder.
    stray = spawn(
      ffmpegPath,
      [
        '-nostdin',
        '-re',
        '-f',
        'lavfi',
        '-i',
        'testsrc=size=64x64:rate=5',
        '-f',
        'matroska',
        path.join(leftover, 'out.mkv'),
      ],
      { detached: true, stdio: 'ignore' },
    );
    stray.unref();
    await eventually('the stray ffmpeg did not start', async () => isRunning(stray!.pid!), 10_000);

    running = spawnServer({ PORT: String(await freePort()), DATA_DIR: dataDir });
    await running.waitForOutput(/"msg":"listening"/);
    await eventually(
      'the stray ffmpeg still runs',
      async () => !(await isRunning(stray!.pid!)),
      10_000,
    );
    await assert.rejects(stat(leftover));
  });
});
