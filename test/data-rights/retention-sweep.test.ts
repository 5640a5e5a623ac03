import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStorage } from '../../storage/create-storage.js';
import { clipChunks, startAnswer } from '../api/support.js';
import { type Api, createInterview, invite, login } from '../helpers/api.js';
import { freshDatabase, type TestDatabase } from '../helpers/databases.js';
import { type RunningS3rver, s3Env, startS3rver } from '../helpers/s3rver.js';
import { type ServerProcess, spawnServer } from '../helpers/server-process.js';
import { ADMIN, BOTH_SETUPS, freePort } from '../helpers/test-server.js';

for (const setup of BOTH_SETUPS) {
  describe(`retention sweep in two processes (${setup.database} + ${setup.storage})`, function () {
    this.timeout(180_000);
    let dataDir: string;
    let database: TestDatabase;
    let s3: RunningS3rver | null = null;
    const processes: ServerProcess[] = [];
    let env: Record<string, string>;

    before(async () => {
      dataDir = await mkdtemp(path.join(tmpdir(), 'retention-'));
      database = await freshDatabase(setup.database);
      if (setup.storage === 's3') s3 = await startS3rver();
      env = {
        DATA_DIR: dataDir,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        JWT_SECRET: randomBytes(32).toString('hex'),
        RETENTION_SWEEP_SECONDS: '1',
        LOG_LEVEL: 'info',
        ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
        ...(s3 ? s3Env(s3) : {}),
      };
    });
    after(async () => {
      for (const proc of processes) proc.child.kill('SIGTERM');
      await Promise.all(processes.map((p) => p.exited));
      await s3?.close();
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    });

    async function spawn(): Promise<string> {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const proc = spawnServer({ ...env, PORT: String(port), PUBLIC_URL: url });
      processes.push(proc);
      await proc.waitForOutput(/"msg":"listening"/);
      return url;
    }

    it('erases each candidate once their time is up (retentionDays 0, deadline passed)', async () => {
      const first = await spawn();
      const second = await spawn();
      const admin: Api = await login(first);
      const interview = await createInterview(admin, {
        retentionDays: 0,
        deadline: new Date(Date.now() + 3600_000).toISOString(),
      });
      const kept = await createInterview(admin, { retentionDays: 1 });
      const invited = await invite(admin, interview.id, 12);
      await invite(admin, kept.id, 2);
      const take = await startAnswer(invited[0]!.candidate, interview.questions[0]!.id);
      const [chunk] = await clipChunks(2);
      assert.equal((await invited[0]!.candidate.putChunk(take.id, 0, chunk!)).status, 200);

      const past = new Date(Date.now() - 60_000).toISOString();
      const moved = await (await login(second)).request('PATCH', `/interviews/${interview.id}`, {
        deadline: past,
      });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));

      const end = Date.now() + 30_000;
      for (;;) {
        const left = await admin.get(`/interviews/${interview.id}/invitations`);
        if (left.body.items.length === 0) break;
        assert.ok(
          Date.now() < end,
          `still ${left.body.items.length} invitations\n${processes
            .map((p) =>
              p
                .output()
                .split('\n')
                .filter((l) => /"level":(40|50)/.test(l))
                .join('\n'),
            )
            .join('\n')}`,
        );
        await new Promise((r) => setTimeout(r, 200));
      }
      await new Promise((r) => setTimeout(r, 2500)); // both processes sweep again meanwhile

      const trail = (await admin.get('/audit?limit=1000')).body.items.filter(
        (e: any) => e.action === 'candidate.erased',
      );
      assert.deepEqual(
        trail.map((e: any) => e.invitationId).sort(),
        invited.map((i) => i.invitation.id).sort(),
        'one erasure entry per candidate',
      );
      for (const entry of trail)
        assert.deepEqual(entry.actor, { type: 'system', id: null, name: null });
      assert.equal((await admin.get(`/interviews/${kept.id}/invitations`)).body.items.length, 2);
      for (const { candidate } of invited)
        assert.equal((await candidate.get('/candidate/session')).status, 404);

      const storage = await createStorage({
        dataDir,
        publicUrl: first,
        signingSecret: 'unused',
        s3: s3
          ? {
              endpoint: s3.endpoint,
              bucket: s3.bucket,
              region: s3.region,
              accessKeyId: s3.accessKeyId,
              secretAccessKey: s3.secretAccessKey,
              forcePathStyle: true,
            }
          : undefined,
      });
      assert.deepEqual(
        (await storage.list('')).filter((o) => o.key.includes(take.id)),
        [],
      );
    });
  });
}
