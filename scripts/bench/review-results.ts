/**
 * How long `GET /interviews/:id/results` and `/reliability` take for a large interview:
 * 500 candidates × 5 questions × 3 reviewers (7,500 ratings on 2,500 answers), seeded straight
 * through the database layer, on SQLite and on PostgreSQL. Target: ≤ 200 ms each.
 *
 *   npx tsx scripts/bench/review-results.ts [--runs 20]
 *
 * Prints, per database and endpoint, the median and p95 of `runs` requests after two warm-ups.
 */
import { randomInt } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Db } from '../../server/db/database.js';
import { newId } from '../../server/ids.js';
import { login } from '../../test/helpers/api.js';
import { startTestServer } from '../../test/helpers/test-server.js';
import { addTeamNoise } from './team-noise.js';

const CANDIDATES = 500;
const QUESTIONS = 5;
const REVIEWERS = 3;
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 20;

async function seed(db: Db, adminId: string): Promise<string> {
  const now = new Date().toISOString();
  const interviewId = newId();
  const competencies = ['client-focus', 'communication', 'teamwork'].map((key) => ({
    key,
    name: key,
    description: '',
  }));
  await db
    .insertInto('interviews')
    .values({
      id: interviewId,
      title: 'Bench',
      intro: '',
      deadline: null,
      createdBy: adminId,
      createdAt: now,
      competencies: JSON.stringify(competencies),
      reviewSettings: JSON.stringify({ ratingsRequired: 3 }),
    })
    .execute();
  const questions = Array.from({ length: QUESTIONS }, (_, position) => ({
    id: newId(),
    interviewId,
    position,
    prompt: `Question ${position + 1}`,
    thinkSeconds: 30,
    maxSeconds: 120,
    retakes: 1,
    competency: competencies[position % competencies.length]!.key,
  }));
  await db.insertInto('questions').values(questions).execute();
  const reviewers = Array.from({ length: REVIEWERS }, (_, i) => ({
    id: newId(),
    email: `bench-reviewer-${i}-${interviewId}@example.test`,
    name: `Reviewer ${i + 1}`,
    role: 'reviewer' as const,
    passwordHash: 'x',
    createdAt: now,
  }));
  await db.insertInto('users').values(reviewers).execute();
  await db
    .insertInto('interviewMembers')
    .values(reviewers.map((r) => ({ interviewId, userId: r.id, role: 'reviewer', createdAt: now })))
    .execute();

  for (let start = 0; start < CANDIDATES; start += 50) {
    const batch = Array.from({ length: Math.min(50, CANDIDATES - start) }, (_, i) => ({
      n: start + i + 1,
      candidateId: newId(),
      invitationId: newId(),
    }));
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('candidates')
        .values(
          batch.map((b) => ({
            id: b.candidateId,
            name: `Candidate ${b.n}`,
            email: `c${b.n}@example.test`,
            createdAt: now,
          })),
        )
        .execute();
      await trx
        .insertInto('invitations')
        .values(
          batch.map((b) => ({
            id: b.invitationId,
            interviewId,
            candidateId: b.candidateId,
            tokenHash: newId(),
            status: 'completed' as const,
            expiresAt: '2099-01-01T00:00:00.000Z',
            startedAt: now,
            completedAt: now,
            createdAt: now,
            labelNumber: b.n,
          })),
        )
        .execute();
      const answers = batch.flatMap((b) =>
        questions.map((q) => ({
          id: newId(),
          invitationId: b.invitationId,
          questionId: q.id,
          attempt: 1,
          mimeType: 'video/webm',
          status: 'ready' as const,
          maxChunkBytes: 1,
          chunkCount: 1,
          clientDurationMs: 30_000,
          durationMs: 30_000,
          width: 640,
          height: 480,
          error: null,
          videoKey: `answers/x/video.mp4`,
          storedBytes: 0,
          posterKey: null,
          createdAt: now,
          completedAt: now,
          updatedAt: now,
        })),
      );
      await trx.insertInto('answers').values(answers).execute();
      await trx
        .insertInto('ratings')
        .values(
          answers.flatMap((a) =>
            reviewers.map((r) => ({
              id: newId(),
              answerId: a.id,
              reviewerId: r.id,
              score: 1 + randomInt(5),
              comment: '',
              createdAt: now,
              updatedAt: now,
              revealedAt: now,
              firstScore: 1 + randomInt(5),
            })),
          ),
        )
        .execute();
    });
  }
  return interviewId;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

for (const database of ['sqlite', 'postgres'] as const) {
  const server = await startTestServer({ database, storage: 'local' });
  try {
    const admin = await login(server.url);
    const me = (await admin.get('/me')).body;
    const interviewId = await seed(server.deps.db, me.id);
    await addTeamNoise(server.deps.db, me.id);
    // Asked by a recruiter member, so the membership rule runs (an admin skips it).
    const email = `bench-recruiter-${interviewId}@example.test`;
    const password = 'a long enough password';
    await admin.post('/users', { email, name: 'Recruiter', password, role: 'recruiter' });
    const recruiter = await login(server.url, email, password);
    const recruiterId = (await recruiter.get('/me')).body.id;
    await server.deps.db
      .insertInto('interviewMembers')
      .values({
        interviewId,
        userId: recruiterId,
        role: 'recruiter',
        createdAt: me.createdAt ?? new Date().toISOString(),
      })
      .execute();
    // The member first (the target), then an admin, who skips the membership rule: the
    // difference is what the rule costs on a machine as loaded as it is right now.
    for (const [who, caller] of [
      ['member', recruiter],
      ['admin', admin],
    ] as const) {
      for (const endpoint of ['results', 'reliability']) {
        const path = `/interviews/${interviewId}/${endpoint}`;
        const times: number[] = [];
        for (let i = 0; i < runs + 2; i++) {
          const started = performance.now();
          const res = await caller.get(path);
          const ms = performance.now() - started;
          if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
          if (i >= 2) times.push(ms);
        }
        times.sort((a, b) => a - b);
        console.log(
          `${database.padEnd(8)} ${who.padEnd(6)} ${endpoint.padEnd(11)} median ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms  (${runs} runs; load ${loadavg()[0]!.toFixed(1)})`,
        );
      }
    }
  } finally {
    await server.stop();
  }
}
