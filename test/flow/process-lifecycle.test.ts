import assert from 'node:assert/strict';
import {
  Api,
  createInterview,
  inviteOne,
  login,
  recordAnswer,
  tokenOf,
  waitForAnswer,
} from '../helpers/api.js';
import { notMediaBytes } from '../helpers/media-fixtures.js';
import { processPerTest } from '../helpers/process-per-test.js';
import { type ServerProcess, spawnServer, waitForChildCommand } from '../helpers/server-process.js';
import { freePort } from '../helpers/test-server.js';
import { recordSlowAnswer } from './slow-answer.js';

describe('the server as a process', function () {
  this.timeout(240_000);
  let dataDir: string;
  let running: ServerProcess | undefined;

  processPerTest(
    'interview-proc-',
    () => running,
    (dir) => {
      dataDir = dir;
    },
  );

  /** A server process with its first administrator's password set, signed in as them. */
  async function startSignedIn(password: string) {
    const port = await freePort();
    const env = {
      PORT: String(port),
      DATA_DIR: dataDir,
      ADMIN_EMAIL: 'ops@example.test',
      ADMIN_PASSWORD: password,
    };
    running = spawnServer(env);
    await running.waitForOutput(/"msg":"listening"/);
    const base = `http://127.0.0.1:${port}`;
    return { env, base, staff: await login(base, env.ADMIN_EMAIL, env.ADMIN_PASSWORD) };
  }

  it('starts with nothing configured and tells a newcomer how to sign in, once', async () => {
    const port = await freePort();
    running = spawnServer({ PORT: String(port), DATA_DIR: dataDir });
    const [, email, password] = await running.waitForOutput(
      /sign in as (\S+)\s+with the password (\S+)/,
    );
    const staff = await login(`http://127.0.0.1:${port}`, email, password);
    const me = await staff.get('/me');
    assert.equal(me.body.role, 'admin');
    assert.equal(
      running.output().split(password!).length - 1,
      1,
      'the password is printed exactly once',
    );

    // A restart keeps the same admin and signing key: the old token still works, no new password.
    running.child.kill('SIGTERM');
    assert.equal(await running.exited, 0);
    running = spawnServer({ PORT: String(port), DATA_DIR: dataDir });
    await running.waitForOutput(/"msg":"listening"/);
    assert.equal((await staff.get('/me')).status, 200);
    assert.doesNotMatch(running.output(), /with the password/);
  });

  it('refuses to start on bad configuration, naming every bad variable', async () => {
    running = spawnServer({
      PORT: 'eighty',
      DATA_DIR: dataDir,
      DATABASE_URL: 'mysql://db',
      ADMIN_EMAIL: 'not-an-email',
      EMAIL_CONCURRENCY: '0',
    });
    assert.equal(await running.exited, 2);
    const out = running.output();
    assert.match(out, /PORT must be a number/);
    assert.match(out, /DATABASE_URL must start with postgres:\/\//);
    assert.match(out, /ADMIN_EMAIL must be an email address/);
    assert.match(out, /EMAIL_CONCURRENCY must be a number/);
    assert.doesNotMatch(out, /at \w+ \(/, 'no stack trace');
  });

  it('says clearly which database it cannot reach, without its password', async () => {
    running = spawnServer({
      PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: 'postgres://app:s3cret-pw@127.0.0.1:1/interviews',
    });
    assert.equal(await running.exited, 1);
    assert.match(
      running.output(),
      /The database at 127\.0\.0\.1:1\/interviews cannot be used: .*ECONNREFUSED/,
    );
    assert.doesNotMatch(running.output(), /s3cret-pw/);
  });

  it('finishes an answer whose processing was cut by a crash, after a restart', async () => {
    const { env, staff } = await startSignedIn('a long enough password');
    const interview = await createInterview(staff);
    const { candidate } = await inviteOne(staff, interview.id);
    const answer = await recordSlowAnswer(candidate, interview.questions[0]!.id);
    // Killed while its ffmpeg is at work on the answer: mid-transcode, observably.
    await waitForChildCommand(running!.child.pid!, 'ffmpeg');
    assert.equal(
      (await candidate.get(`/candidate/answers/${answer.id}`)).body.status,
      'processing',
    );
    running!.child.kill('SIGKILL');
    await running!.exited;

    running = spawnServer(env);
    await running.waitForOutput(/"msg":"listening"/);
    const done = await waitForAnswer(candidate, answer.id, 90_000);
    assert.equal(done.status, 'ready');
    assert.ok(Math.abs(done.durationMs! - 12_000) < 1500, `duration ${done.durationMs}`);
  });

  it('never writes a password, staff token or candidate token to its output', async () => {
    const { env, base, staff } = await startSignedIn('another long password');
    await new Api(base).post('/auth/login', {
      email: env.ADMIN_EMAIL,
      password: 'wrong password here',
    });
    const interview = await createInterview(staff);
    const { invitation, candidate } = await inviteOne(staff, interview.id);
    await fetch(invitation.url!);
    await candidate.get('/candidate/session');
    await candidate.get('/candidate/answers/nope');
    const answer = await staff.get('/answers/unknown');
    assert.equal(answer.status, 404);
    // A failing media job is logged as an error: by its sentence, without a stack trace.
    const junk = await recordAnswer(candidate, interview.questions[0]!.id, 'video/webm', [
      notMediaBytes(),
    ]);
    assert.equal((await waitForAnswer(candidate, junk.id)).status, 'failed');
    await new Promise((r) => setTimeout(r, 300));
    const out = running!.output();
    assert.match(out, /"path":"\/i\/\[token\]"/, 'the page request is logged without its token');
    assert.match(out, /job failed for good/);
    assert.doesNotMatch(out, /"stack"|\n\s+at \S+ \(/, 'no stack trace in the log');
    for (const secret of [
      env.ADMIN_PASSWORD,
      'wrong password here',
      staff.token!,
      tokenOf(invitation.url!),
    ]) {
      assert.ok(!out.includes(secret), `output contains a secret: ${secret.slice(0, 6)}…`);
    }
  });
});
