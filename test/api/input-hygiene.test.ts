import assert from 'node:assert/strict';
import { readdir, stat } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { Api, createInterview, invite, login } from '../helpers/api.js';
import type { DatabaseKind } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { clipChunks, expectInvalid, expectProblem, startAnswer } from './support.js';

const NUL = '\u0000';
const RLO = '\u202E'; // right-to-left override: "Eve\u202Egnp.exe" reads "Eveexe.png"
const ISOLATE = '\u2066';
const ZWSP = '\u200B';

for (const database of ['sqlite', 'postgres'] as DatabaseKind[]) {
  describe(`control characters in input (${database})`, () => {
    let server: TestServer;
    let admin: Api;

    before(async () => {
      server = await startTestServer({ database });
      admin = await login(server.url);
    });
    after(() => server?.stop());

    it('refuses NUL in the login email with 400, not 500', async () => {
      const res = await new Api(server.url).post('/auth/login', {
        email: `admin${NUL}@example.test`,
        password: 'whatever it is',
      });
      expectInvalid(res, 'email');
    });

    it('refuses NUL and bidi overrides in titles, prompts, names and comments, and stores nothing', async () => {
      const before = (await admin.get('/interviews')).body.items.length;
      for (const bad of [`Sales${NUL}`, `Eve${RLO}gnp.exe`, `A${ISOLATE}B`]) {
        expectInvalid(
          await admin.post('/interviews', {
            title: bad,
            questions: [{ prompt: 'Why?', thinkSeconds: 5, maxSeconds: 30, retakes: 0 }],
          }),
          'title',
        );
        expectInvalid(
          await admin.post('/interviews', {
            title: 'Fine',
            questions: [{ prompt: bad, thinkSeconds: 5, maxSeconds: 30, retakes: 0 }],
          }),
          'questions.0.prompt',
        );
      }
      assert.equal((await admin.get('/interviews')).body.items.length, before, 'nothing stored');

      const interview = await createInterview(admin);
      const res = await admin.post(`/interviews/${interview.id}/invitations`, {
        candidates: [{ name: `Mallory${RLO}`, email: 'mallory@example.test' }],
      });
      expectInvalid(res, 'candidates.0.name');
      expectInvalid(
        await admin.post('/users', {
          email: 'u@example.test',
          name: `Bob${NUL}`,
          password: 'a long enough password',
          role: 'reviewer',
        }),
        'name',
      );
      expectInvalid(
        await admin.request('PATCH', `/interviews/${interview.id}`, { intro: `Hi${NUL}` }),
        'intro',
      );
    });

    it('keeps line breaks in long text and removes zero-width spaces', async () => {
      const interview = await createInterview(admin, {
        title: `Sup${ZWSP}port`,
        intro: 'Line one\nLine two',
      });
      assert.equal(interview.title, 'Support');
      assert.equal(interview.intro, 'Line one\nLine two');
    });

    it('answers a NUL in a path with 404 and in a query with 400, never 500', async () => {
      expectProblem(await admin.get('/interviews/%00'), 404, 'not_found');
      expectProblem(await admin.get(`/interviews/x${encodeURIComponent(RLO)}`), 404, 'not_found');
      expectInvalid(await admin.get('/interviews?cursor=%00'), 'cursor');
    });
  });
}

describe('API answers and DATA_DIR stay private', () => {
  let server: TestServer;
  let admin: Api;

  before(async () => {
    server = await startTestServer({ database: 'sqlite', storage: 'local' });
    admin = await login(server.url);
  });
  after(() => server?.stop());

  it('sends Cache-Control: no-store on every /api answer, errors included', async () => {
    const interview = await createInterview(admin);
    const [{ candidate }] = (await invite(admin, interview.id, 1)) as [
      { candidate: Api },
      ...unknown[],
    ];
    const answers = [
      await admin.get('/me'),
      await admin.get('/interviews'),
      await candidate.get('/candidate/session'),
      await admin.get('/no-such-endpoint'),
      await new Api(server.url).get('/me'),
      await new Api(server.url).post('/auth/login', { email: 'x@example.test', password: 'nope' }),
      await new Api(server.url).get('/health'),
    ];
    for (const res of answers)
      assert.equal(res.headers.get('cache-control'), 'no-store', `${res.status}`);
  });

  it('creates everything under DATA_DIR for its owner only (files 600, directories 700)', async () => {
    const interview = await createInterview(admin);
    const [{ candidate }] = (await invite(admin, interview.id, 1)) as [
      { candidate: Api },
      ...unknown[],
    ];
    const answer = await startAnswer(candidate, interview.questions[0]!.id);
    const [chunk] = await clipChunks(2);
    assert.equal((await candidate.putChunk(answer.id, 0, chunk!)).status, 200);

    const seen: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        const mode = (await stat(full)).mode & 0o777;
        // bin/ holds the ffmpeg wrappers the server writes at start (media/guarded-ffmpeg.ts):
        // executable, still by the owner alone.
        const executable = path.relative(server.dataDir, dir) === 'bin';
        const expected = entry.isDirectory() || executable ? 0o700 : 0o600;
        assert.equal(mode, expected, `${path.relative(server.dataDir, full)} ${mode.toString(8)}`);
        seen.push(entry.name);
        if (entry.isDirectory()) await walk(full);
      }
    };
    assert.equal((await stat(server.dataDir)).mode & 0o777, 0o700, 'DATA_DIR itself');
    await walk(server.dataDir);
    assert.ok(
      seen.some((name) => name.startsWith('interviews.sqlite')),
      'the database was checked',
    );
    assert.ok(seen.length > 3, `checked ${seen.join(', ')}`);
  });
});

describe('request bodies that trickle', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({ database: 'sqlite', bodyTimeouts: { jsonMs: 1000 } });
  });
  after(() => server?.stop());

  /** Sends headers and part of a JSON body, then nothing; resolves with what the server says. */
  function trickle(): Promise<{ text: string; ms: number }> {
    const { port } = new URL(server.url);
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":',
        );
      });
      let text = '';
      socket.on('data', (data) => {
        text += data;
      });
      socket.on('close', () => resolve({ text, ms: performance.now() - started }));
      socket.on('error', reject);
      setTimeout(() => socket.destroy(), 30_000);
    });
  }

  it('answers 408 and closes the connection when a JSON body does not arrive in time', async () => {
    const { text, ms } = await trickle();
    assert.match(text, /^HTTP\/1\.1 408/);
    assert.match(text, /request_timeout/);
    assert.ok(ms < 10_000, `closed after ${Math.round(ms)} ms, not Node's five minutes`);
  });
});
