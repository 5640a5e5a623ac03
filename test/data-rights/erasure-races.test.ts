import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { clipChunks, expectProblem, recordClip, startAnswer } from '../api/support.js';
import { type Api, createInterview, inviteOne, login } from '../helpers/api.js';
import { writeGatedFfmpeg } from '../helpers/gated-ffmpeg.js';
import { BOTH_SETUPS, startTestServer, type TestServer } from '../helpers/test-server.js';
import { objectsMentioning } from './leftovers.js';

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

for (const setup of BOTH_SETUPS) {
  describe(`erasure racing media work (${setup.database} + ${setup.storage})`, function () {
    this.timeout(180_000);
    let server: TestServer;
    let admin: Api;
    let gateDir: string;

    before(async () => {
      // An ffmpeg that waits for a file before converting: the job is held mid-conversion.
      gateDir = await mkdtemp(path.join(tmpdir(), 'ffmpeg-gate-'));
      const script = await writeGatedFfmpeg(gateDir);
      server = await startTestServer({ ...setup, env: { FFMPEG_PATH: script } });
      admin = await login(server.url);
    });
    after(async () => {
      await server?.stop();
      await rm(gateDir, { recursive: true, force: true });
    });

    it('an answer being converted, and a retry of its job, leave nothing behind', async () => {
      const interview = await createInterview(admin);
      const { invitation, candidate } = await inviteOne(admin, interview.id);
      const answer = await recordClip(candidate, interview.questions[0]!.id, 3);
      await until(() => existsSync(path.join(gateDir, 'started')), 'ffmpeg to start');

      assert.equal((await admin.request('DELETE', `/invitations/${invitation.id}`)).status, 204);
      assert.deepEqual(await objectsMentioning(server.deps.storage, [answer.id]), []);
      // A retry of the same job arrives too (a queue that redelivers after a lost lock).
      await server.deps.jobs.enqueue('process-answer', { answerId: answer.id });
      await writeFile(path.join(gateDir, 'open'), '');
      await until(async () => {
        const pending = await server.deps.db
          .selectFrom('jobs')
          .select('id')
          .where('status', 'in', ['queued', 'running'])
          .execute();
        return pending.length === 0;
      }, 'the jobs to end');
      await server.deps.jobs.stop(); // waits for the conversion still running
      assert.deepEqual(await objectsMentioning(server.deps.storage, [answer.id]), []);
      expectProblem(await admin.get(`/answers/${answer.id}`), 404, 'not_found');
      await server.deps.jobs.start();
    });

    it('a chunk upload under way when the candidate is erased is not kept', async () => {
      const interview = await createInterview(admin);
      const { invitation, candidate } = await inviteOne(admin, interview.id);
      const take = await startAnswer(candidate, interview.questions[0]!.id);
      const [bytes] = await clipChunks(2);
      const boundary = 'erasure-race-boundary';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="chunk"; filename="chunk"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      );
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      const half = Math.floor(bytes!.length / 2);
      let release!: () => void;
      const released = new Promise<void>((r) => {
        release = r;
      });
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(new Uint8Array(Buffer.concat([head, bytes!.subarray(0, half)])));
          await released;
          controller.enqueue(new Uint8Array(Buffer.concat([bytes!.subarray(half), tail])));
          controller.close();
        },
      });
      const upload = fetch(`${server.url}/api/v1/candidate/answers/${take.id}/chunks/0`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${candidate.token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        body,
        duplex: 'half',
      } as RequestInit);
      await new Promise((r) => setTimeout(r, 500)); // the first half is being stored

      assert.equal((await admin.request('DELETE', `/invitations/${invitation.id}`)).status, 204);
      release();
      const res = await upload;
      assert.ok([404, 401].includes(res.status), `upload answered ${res.status}`);
      await res.text();
      assert.deepEqual(await objectsMentioning(server.deps.storage, [take.id]), []);
    });
  });
}
