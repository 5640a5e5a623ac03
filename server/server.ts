import { chmod, mkdir } from 'node:fs/promises';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createStorage } from '../storage/create-storage.js';
import { type AppOptions, buildApp } from './app.js';
import { loadSecrets } from './auth/secrets.js';
import type { Cluster } from './cluster.js';
import type { Config } from './config.js';
import { migrateToLatest, openDatabase } from './db/database.js';
import type { Deps } from './deps.js';
import { AuditLog, noAudit } from './domain/audit/audit-log.js';
import { type BootstrapResult, bootstrapAdmin } from './domain/staff/users.js';
import { WebhookDispatcher } from './domain/webhooks/dispatcher.js';
import { runEmailWork } from './jobs/email-work.js';
import { InProcessJobQueue } from './jobs/in-process-job-queue.js';
import type { JobQueue } from './jobs/job-queue.js';
import { processAnswerFailed, processAnswerJob } from './jobs/process-answer.js';
import { startSchedules } from './jobs/schedules.js';
import { createLogger } from './logger.js';
import { locateFfmpeg } from './media/ffmpeg-binaries.js';
import { guardedFfmpeg } from './media/guarded-ffmpeg.js';
import { sweepWorkDirs } from './media/work-dirs.js';
import { eventRooms } from './realtime/event-rooms.js';
import { SessionRevocations } from './realtime/session-revocations.js';
import { attachSocketServer } from './realtime/socket-server.js';
import { StaffEvents } from './realtime/staff-events.js';

export interface RunningServer {
  /** Where the HTTP server listens; null for a worker-only process. */
  url: string | null;
  deps: Deps;
  http: HttpServer | null;
  bootstrap: BootstrapResult;
  /** Stops taking requests and jobs, lets running ones finish, closes connections. */
  close(): Promise<void>;
}

export interface ServerOptions
  extends Pick<AppOptions, 'maxLoginFailures' | 'loginLimits' | 'bodyTimeouts'> {
  log?: Logger;
  now?: () => Date;
  /** Retry delay base for media jobs (tests shorten it). */
  jobRetryBaseMs?: number;
  /** false only to measure what the audit trail costs (scripts/bench). */
  audit?: boolean;
}

/** Wires config → dependencies → HTTP + socket.io and/or media jobs, by SERVER_ROLE. */
export async function startServer(
  config: Readonly<Config>,
  options: ServerOptions = {},
): Promise<RunningServer> {
  const log = options.log ?? createLogger(config.logLevel);
  await keepDataPrivate(config.dataDir);
  const db = openDatabase(config, log);
  await migrateToLatest(db).catch(async (err: Error) => {
    await db.destroy().catch(() => {});
    throw new Error(`The database ${describeDatabase(config)} cannot be used: ${err.message}`);
  });
  const secrets = await loadSecrets(config);
  const storage = await createStorage({
    dataDir: config.dataDir,
    publicUrl: config.publicUrl,
    signingSecret: secrets.media,
    s3: config.s3 ?? undefined,
  });
  const cluster = config.redisUrl
    ? (await import('./cluster.js')).joinCluster(config, log, config.redisUrl)
    : null;
  const runsJobs = config.role !== 'api';
  const jobs: JobQueue = cluster
    ? cluster.jobQueue({
        concurrency: runsJobs ? config.jobConcurrency : 0,
        lanes: { email: runsJobs ? config.emailConcurrency : 0 },
        retryBaseMs: options.jobRetryBaseMs,
      })
    : new InProcessJobQueue({
        db,
        log,
        concurrency: config.jobConcurrency,
        // Issue 25: mail in its own lane, so videos waiting to convert never hold one back.
        lanes: { email: config.emailConcurrency },
        retryBaseMs: options.jobRetryBaseMs,
      });
  const events = new StaffEvents();
  const now = options.now ?? (() => new Date());
  const audit = options.audit === false ? noAudit : new AuditLog(db, log, now);
  const deps: Deps = {
    config,
    db,
    storage,
    jobs,
    events,
    sessions: new SessionRevocations(),
    log,
    secrets,
    audit,
    now,
  };
  const stopHooks: (() => unknown)[] = [];
  // Issue 23: webhooks go out from processes that run background work, in their own lane.
  const webhooks = runsJobs
    ? new WebhookDispatcher(deps, {
        concurrency: config.webhookConcurrency,
        retryDelaysMs: config.webhookRetrySeconds.map((s) => s * 1000),
        allowPrivate: config.webhookAllowPrivate,
        soleSender: cluster === null,
      })
    : null;
  if (webhooks) deps.webhooks = webhooks;

  if (runsJobs) {
    // Before any job: what a killed process left (files, an ffmpeg still running) goes.
    await sweepWorkDirs(config.dataDir, log);
    const ffmpeg = await guardedFfmpeg(
      locateFfmpeg({ FFMPEG_PATH: config.ffmpegPath, FFPROBE_PATH: config.ffprobePath }, log),
      config.dataDir,
      log,
    );
    jobs.handle('process-answer', processAnswerJob(deps, ffmpeg), {
      onFailed: processAnswerFailed(deps),
    });
    stopHooks.push(runEmailWork(deps));
  }
  const bootstrap =
    config.role === 'worker'
      ? ({ kind: 'nothing-to-do' } as const)
      : await bootstrapAdmin(db, config.admin, deps.now());

  let http: HttpServer | null = null;
  if (config.role !== 'worker') {
    http = await listen(config, deps, cluster, options);
  } else if (cluster) {
    stopHooks.push(cluster.forwardEvents(events, eventRooms(db)));
  }
  await jobs.start();
  await webhooks?.start();
  const schedules = runsJobs
    ? startSchedules(deps, { strandedSweepSeconds: cluster ? config.strandedSweepSeconds : null })
    : [];

  return {
    url: http ? `http://127.0.0.1:${(http.address() as AddressInfo).port}` : null,
    deps,
    http,
    bootstrap,
    close: async () => {
      // No new periodic run from now on; one in progress finishes before the database closes.
      const schedulesStopped = Promise.all(schedules.map((s) => s.stop()));
      for (const stop of stopHooks) stop();
      if (http) await closeHttp(http);
      await schedulesStopped;
      await jobs.stop();
      await webhooks?.stop();
      await audit.flush();
      await cluster?.close();
      await db.destroy();
    },
  };
}

async function listen(
  config: Readonly<Config>,
  deps: Deps,
  cluster: Cluster | null,
  options: ServerOptions,
): Promise<HttpServer> {
  const app = buildApp(deps, {
    maxLoginFailures: options.maxLoginFailures,
    loginLimits: options.loginLimits,
    bodyTimeouts: options.bodyTimeouts,
    healthChecks: cluster ? { redis: () => cluster.ping() } : {},
    rateLimitStores: cluster ? (name) => cluster.loginRateLimitStore(name) : undefined,
    applyRateLimitStore: cluster?.applyRateLimitStore(),
  });
  const http = createServer(app);
  // Longer than the usual 60-s idle timeout of load balancers and proxies, so the server never
  // closes a kept-alive connection just as a client or proxy reuses it (a reset upload).
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;
  const io = attachSocketServer(http, deps);
  cluster?.shareSocketEvents(io);
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    // Hundreds of recorders may connect at once (a network blip, a class starting together).
    // Node's default accept queue of 511 overflows and the kernel drops the excess: those
    // clients retry only after 1, 3, 7 s. The kernel caps this at net.core.somaxconn.
    http.listen({ port: config.port, backlog: 4096 }, resolve);
  });
  return http;
}

/** Ends socket.io (which closes the HTTP server) once in-flight requests are answered. */
function closeHttp(http: HttpServer): Promise<void> {
  return new Promise((resolve) => {
    http.close(() => resolve());
    http.closeIdleConnections();
  });
}

/**
 * Nothing under DATA_DIR (the SQLite file, secrets, every video) is for other local users:
 * new files are created 600 and directories 700 (umask 077, for this whole process: nothing
 * it writes elsewhere needs to be shared either), and DATA_DIR itself is closed to others, which
 * also covers files an older version left readable inside it.
 */
async function keepDataPrivate(dataDir: string): Promise<void> {
  process.umask(0o077);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chmod(dataDir, 0o700);
}

/** Where the database is, without its password. */
function describeDatabase(config: Readonly<Config>): string {
  if (!config.databaseUrl) return `in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
