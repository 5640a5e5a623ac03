import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../helpers/test-server.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Command lines of every process descending from `pid` (Linux /proc). */
async function descendants(pid: number): Promise<string[]> {
  const children = new Map<number, number[]>();
  for (const entry of await readdir('/proc')) {
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => null);
    if (!stat) continue;
    // Field 4 (after the parenthesised name) is the parent pid.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const lines: string[] = [];
  const walk = async (p: number) => {
    for (const child of children.get(p) ?? []) {
      const cmd = await readFile(`/proc/${child}/cmdline`, 'utf8').catch(() => '');
      lines.push(cmd.split('\0').join(' ').trim());
      await walk(child);
    }
  };
  await walk(pid);
  return lines;
}

describe('npm start', function () {
  this.timeout(120_000);

  it('serves the product from compiled JavaScript with source maps, without tsx', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'interview-start-'));
    const port = await freePort();
    const child = spawn('npm', ['start'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        PORT: String(port),
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    try {
      const deadline = Date.now() + 90_000;
      while (!output.includes('"msg":"listening"')) {
        assert.ok(child.exitCode === null, `npm start exited:\n${output}`);
        assert.ok(Date.now() < deadline, `not listening after 90 s:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      assert.equal(health.status, 200);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      assert.match(await page.text(), /<staff-home>/);
      const script = await fetch(`http://127.0.0.1:${port}/assets/app.js`);
      assert.equal(script.status, 200);

      // The password checker runs in a worker thread whose file the build writes beside the
      // bundle: a weak new password is refused with the checker's reason, a strong one taken.
      const credentials = output.match(/sign in as (\S+)\s+with the password (\S+)/);
      assert.ok(credentials, `no generated admin password in:\n${output}`);
      const api = `http://127.0.0.1:${port}/api/v1`;
      const login = await fetch(`${api}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: credentials[1], password: credentials[2] }),
      });
      const { token } = (await login.json()) as { token: string };
      const changePassword = (newPassword: string) =>
        fetch(`${api}/me/password`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ currentPassword: credentials[2], newPassword }),
        });
      const weak = await changePassword('password1234');
      assert.equal(weak.status, 400);
      assert.match(((await weak.json()) as { detail: string }).detail, /stronger password/);
      const strong = await changePassword('violet tugboat arithmetic marmalade');
      assert.equal(strong.status, 200);

      const commands = await descendants(child.pid!);
      const server = commands.find((c) => c.includes('dist/server/main.js'));
      assert.ok(server, `no compiled server among:\n${commands.join('\n')}`);
      assert.match(server, /--enable-source-maps/);
      assert.ok(
        commands.every((c) => !/\btsx\b/.test(c)),
        `tsx still runs:\n${commands.join('\n')}`,
      );
    } finally {
      // npm start is a process group (npm → sh → node): stop all of it.
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
