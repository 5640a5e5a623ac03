import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { recordReadyClip } from '../api/support.js';
import { addMembers } from '../api/teams-support.js';
import {
  Api,
  createInterview,
  createStaffUser,
  inviteOne,
  login,
  type NewStaffUser,
} from '../helpers/api.js';
import { freshDatabase, type TestDatabase } from '../helpers/databases.js';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';
import { type RunningS3rver, startS3rver } from '../helpers/s3rver.js';
import { type ServerProcess, spawnServer } from '../helpers/server-process.js';
import { staffSocket } from '../helpers/staff-socket.js';
import { ADMIN, freePort } from '../helpers/test-server.js';
import { clusterEnv } from './cluster-env.js';

/**
 * Issue 19 in the cluster shape (two API processes and a worker on PostgreSQL, Redis and S3):
 * a share revoked through one process is refused by the other at once (every guest request
 * reads the share row), and staff events reach members on every process, and no one else.
 */
describe('scale-out: teams and share links across two API processes', function () {
  this.timeout(240_000);
  let database: TestDatabase;
  let redis: TestRedis;
  let s3: RunningS3rver;
  const processes: ServerProcess[] = [];
  const dirs: string[] = [];
  const sockets: Socket[] = [];

  async function spawnRole(role: 'api' | 'worker', env: Record<string, string>, port = 0) {
    const dataDir = await mkdtemp(path.join(tmpdir(), `interview-${role}-`));
    dirs.push(dataDir);
    const proc = spawnServer({
      ...env,
      SERVER_ROLE: role,
      DATA_DIR: dataDir,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    });
    processes.push(proc);
    await proc.waitForOutput(role === 'api' ? /"msg":"listening"/ : /"msg":"worker started"/);
  }

  function socketOf(url: string, token: string, seen: string[]): Promise<Socket> {
    const socket = staffSocket(url, token);
    sockets.push(socket);
    socket.onAny((event, payload) =>
      seen.push(`${event}:${payload.invitationId}:${payload.status}`),
    );
    return new Promise((resolve) => socket.once('connect', () => resolve(socket)));
  }

  after(async () => {
    for (const s of sockets) s.close();
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    await redis?.stop();
    await s3?.close();
    await database?.drop();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('revokes a share on every process at once; events reach only members, across processes', async () => {
    database = await freshDatabase('postgres');
    redis = await startTestRedis(await freePort());
    s3 = await startS3rver();
    const env = clusterEnv(database, redis, s3);
    const [portA, portB] = [await freePort(), await freePort()];
    await spawnRole('api', env, portA);
    await spawnRole('api', env, portB);
    await spawnRole('worker', env);
    const [urlA, urlB] = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];

    const adminA = await login(urlA, ADMIN.email, ADMIN.password);
    const password = 'a long enough password';
    const make = async (name: string, role: NewStaffUser['role']) => {
      const email = `${name}@example.test`;
      await createStaffUser(adminA, { email, name, password, role });
      return [await login(urlA, email, password), await login(urlB, email, password)] as const;
    };
    const [recruiterA] = await make('rec', 'recruiter');
    const [memberA, memberB] = await make('member', 'reviewer');
    const [, outsiderB] = await make('outsider', 'reviewer');

    const interview = await createInterview(recruiterA, {
      questions: [{ prompt: 'Hello?', thinkSeconds: 5, maxSeconds: 30, retakes: 0 }],
    });
    const elsewhere = await createInterview(recruiterA, { title: 'Elsewhere' });
    await addMembers(recruiterA, elsewhere.id, [{ staff: outsiderB, role: 'reviewer' }]);
    // Sockets on process B; the membership change below is made through process A.
    const memberSeen: string[] = [];
    const outsiderSeen: string[] = [];
    await socketOf(urlB, memberB.token!, memberSeen);
    await socketOf(urlB, outsiderB.token!, outsiderSeen);
    await addMembers(recruiterA, interview.id, [{ staff: memberA, role: 'reviewer' }]);

    const { invitation, candidate } = await inviteOne(recruiterA, interview.id);
    const _answer = await recordReadyClip(candidate, interview.questions[0]!.id, 120_000);
    assert.equal((await candidate.post('/candidate/finish')).status, 200);
    const done = `invitation-status:${invitation.id}:completed`;
    await until(() => memberSeen.includes(done));
    // An event the outsider may hear, sent after: when it arrives, the earlier one would have.
    const otherCandidate = new Api(
      urlB,
      (await inviteOne(recruiterA, elsewhere.id)).candidate.token,
    );
    assert.equal((await otherCandidate.get('/candidate/session')).status, 200);
    await until(() => outsiderSeen.some((e) => e.startsWith('invitation-status:')));
    assert.ok(
      !outsiderSeen.some((e) => e.includes(invitation.id)),
      `no event about an interview they are not a member of: ${outsiderSeen.join(', ')}`,
    );

    const created = await recruiterA.post(`/invitations/${invitation.id}/shares`, {
      recipientName: 'Boutique manager',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const token = created.body.url.slice(created.body.url.lastIndexOf('/s/') + 3);
    const guestB = new Api(urlB, token);
    assert.equal((await guestB.get('/guest/session')).status, 200);
    assert.equal((await recruiterA.request('DELETE', `/shares/${created.body.id}`)).status, 204);
    // The very next request on the other process is refused: nothing to wait for.
    assert.equal((await guestB.get('/guest/session')).status, 404);
    assert.equal((await new Api(urlA, token).get('/guest/session')).status, 404);
    for (const p of processes) assert.doesNotMatch(p.output(), new RegExp(token));
  });
});

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
