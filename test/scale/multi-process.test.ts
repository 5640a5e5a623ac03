import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { io, type Socket } from 'socket.io-client';
import { Api, createInterview, inviteOne, login, waitForAnswer } from '../helpers/api.js';
import { freshDatabase, type TestDatabase } from '../helpers/databases.js';
import { ffmpegClip, sliceIrregularly, slowToTranscodeClip } from '../helpers/media-fixtures.js';
import { processCluster } from '../helpers/process-cluster.js';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';
import { type RunningS3rver, startS3rver } from '../helpers/s3rver.js';
import { waitForChildCommand } from '../helpers/server-process.js';
import { ADMIN, freePort } from '../helpers/test-server.js';
import { clusterEnv } from './cluster-env.js';

/**
 * The documented production shape on one machine: two API processes and a worker process,
 * sharing PostgreSQL, Redis and S3 — and nothing else (each has its own DATA_DIR).
 */
describe('scale-out: two API processes and a worker on PostgreSQL, Redis and S3', function () {
  this.timeout(240_000);
  let database: TestDatabase;
  let redis: TestRedis;
  let s3: RunningS3rver;
  const cluster = processCluster();

  before(async () => {
    database = await freshDatabase('postgres');
    redis = await startTestRedis(await freePort());
    s3 = await startS3rver();
    cluster.env = {
      ...clusterEnv(database, redis, s3),
      JOB_LOCK_SECONDS: '3',
      STRANDED_SWEEP_SECONDS: '2',
    };
  });

  after(async () => {
    await redis?.stop();
    await s3?.close();
    await database?.drop();
  });

  it('serves one candidate across processes, recovers a killed worker and a restarted Redis', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    await cluster.spawn('api', portA);
    await cluster.spawn('api', portB);
    let worker = await cluster.spawn('worker');
    const [baseA, baseB] = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];

    const staffA = await login(baseA, ADMIN.email, ADMIN.password);
    const staffB = new Api(baseB, staffA.token);
    assert.equal((await staffB.get('/me')).status, 200, 'a token from A works on B');
    const health = await staffB.get('/health');
    assert.deepEqual(health.body, {
      status: 'ok',
      checks: { database: 'ok', storage: 'ok', redis: 'ok' },
    });

    const socket = await connectStaff(baseB, staffA.token!);
    const statuses: string[] = [];
    socket.on('answer-status', (e: { status: string }) => statuses.push(e.status));
    const progress: number[] = [];
    socket.on('answer-progress', (e: { percent: number }) => progress.push(e.percent));

    const interview = await createInterview(staffA, {
      questions: [
        { prompt: 'First question', thinkSeconds: 10, maxSeconds: 60, retakes: 1 },
        { prompt: 'Second question', thinkSeconds: 10, maxSeconds: 60, retakes: 1 },
      ],
    });
    const { candidate } = await inviteOne(staffA, interview.id);
    const viaA = candidate;
    const viaB = new Api(baseB, candidate.token);

    // 1. Chunks alternate between the two API processes; the worker makes the video.
    const clip = await slowToTranscodeClip();
    const chunks = sliceIrregularly(await readFile(clip), 12);
    const first = await viaB.post('/candidate/answers', {
      questionId: interview.questions[0]!.id,
      mimeType: 'video/webm',
    });
    for (const [i, chunk] of chunks.entries()) {
      const put = await (i % 2 === 0 ? viaA : viaB).putChunk(first.body.id, i, chunk, {
        sha256: true,
      });
      assert.equal(put.status, 200);
    }
    assert.equal(
      (
        await viaA.post(`/candidate/answers/${first.body.id}/complete`, {
          chunkCount: chunks.length,
        })
      ).status,
      202,
    );

    // 2. The worker is killed mid-transcode; another worker takes the job over.
    await waitForChildCommand(worker.child.pid!, 'ffmpeg');
    assert.equal((await viaB.get(`/candidate/answers/${first.body.id}`)).body.status, 'processing');
    worker.child.kill('SIGKILL');
    await worker.exited;
    worker = await cluster.spawn('worker');
    const ready = await waitForAnswer(viaB, first.body.id, 120_000);
    assert.equal(ready.status, 'ready');
    assert.ok(Math.abs(ready.durationMs! - 12_000) < 1500, `duration ${ready.durationMs}`);
    await until(() => statuses.includes('ready'));
    assert.ok(
      statuses.includes('processing') && statuses.includes('ready'),
      `socket on B saw ${statuses.join(',')}`,
    );
    assert.ok(
      progress.length > 0 && progress.every((p) => p >= 10 && p <= 90),
      `progress ${progress.join(',')}`,
    );

    // 3. Redis restarts (empty) mid-answer: every chunk is still accepted and the answer completes.
    const h264 = sliceIrregularly(
      await readFile(
        await ffmpegClip({ seconds: 4, videoCodec: 'h264', audioCodec: 'aac', container: 'mp4' }),
      ),
      4,
    );
    const second = await viaA.post('/candidate/answers', {
      questionId: interview.questions[1]!.id,
      mimeType: 'video/mp4',
    });
    assert.equal((await viaA.putChunk(second.body.id, 0, h264[0]!, { sha256: true })).status, 200);
    await redis.stop();
    for (let i = 1; i < h264.length; i++) {
      const put = await (i % 2 === 0 ? viaA : viaB).putChunk(second.body.id, i, h264[i]!, {
        sha256: true,
      });
      assert.equal(put.status, 200, `chunk ${i} while Redis is down`);
    }
    const down = await staffA.get('/health');
    assert.equal(down.status, 503);
    assert.equal(down.body.checks.redis, 'unreachable');
    assert.equal(
      (
        await viaB.post(`/candidate/answers/${second.body.id}/complete`, {
          chunkCount: h264.length,
        })
      ).status,
      202,
    );
    await redis.start();
    const recovered = await waitForAnswer(viaA, second.body.id, 60_000);
    assert.equal(recovered.status, 'ready');
    assert.equal((await staffA.get('/health')).status, 200);
    socket.close();
  });
});

function connectStaff(baseUrl: string, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(baseUrl, { path: '/socket.io', auth: { token }, transports: ['websocket'] });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
