import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { type RunningServer, type ServerOptions, startServer } from '../../server/server.js';
import { type DatabaseKind, freshDatabase } from './databases.js';
import { type RunningS3rver, s3Env, startS3rver } from './s3rver.js';
import { TestSmtpServer } from './smtp-server.js';

export const ADMIN = { email: 'admin@example.test', password: 'correct horse battery staple' };

/**
 * The two setups a contract test runs on: the embedded defaults (SQLite, local disk) and the
 * cluster's parts (PostgreSQL, S3).
 */
export const BOTH_SETUPS = [
  { name: 'SQLite + local disk', database: 'sqlite', storage: 'local' },
  { name: 'PostgreSQL + s3rver', database: 'postgres', storage: 's3' },
] as const;

export interface TestServerOptions {
  database?: DatabaseKind;
  storage?: 'local' | 's3';
  env?: Record<string, string>;
  now?: () => Date;
  maxLoginFailures?: number;
  /** false: no audit trail (only to measure what it costs). */
  audit?: boolean;
  /** Issue 8: sign-in throttles per address and per account, request body timeouts, a log to read. */
  loginLimits?: ServerOptions['loginLimits'];
  bodyTimeouts?: ServerOptions['bodyTimeouts'];
  log?: Logger;
  /** Sends mail (as MAIL_FROM) to a TestSmtpServer started with the server: `server.smtp`. */
  mailFrom?: string;
}

export interface TestServer extends RunningServer {
  url: string;
  dataDir: string;
  /** The mail server receiving what this server sends, with the `mailFrom` option. */
  smtp?: TestSmtpServer;
  /** Stops the server and removes everything it created. */
  stop(): Promise<void>;
}

/**
 * The real server, in this process, on a free port: real SQLite or PostgreSQL, local disk or an
 * S3-API server, real ffmpeg. Logs are silent unless TEST_LOG=1.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'interview-test-'));
  const database = await freshDatabase(options.database ?? 'sqlite');
  let s3: RunningS3rver | null = null;
  if (options.storage === 's3') s3 = await startS3rver();
  const smtp = options.mailFrom ? await new TestSmtpServer().start() : undefined;
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: process.env.TEST_LOG ? 'debug' : 'silent',
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    ...(s3 ? s3Env(s3) : {}),
    ...(smtp ? { SMTP_URL: smtp.url, MAIL_FROM: options.mailFrom! } : {}),
    ...options.env,
  };
  const config = loadConfig(env);
  const log = options.log ?? createLogger(config.logLevel);
  const server = await startServer(config, {
    log,
    now: options.now,
    maxLoginFailures: options.maxLoginFailures,
    loginLimits: options.loginLimits,
    bodyTimeouts: options.bodyTimeouts,
    jobRetryBaseMs: 50,
    audit: options.audit,
  });
  return {
    ...server,
    url: server.url!,
    dataDir,
    smtp,
    stop: async () => {
      await server.close();
      await smtp?.close();
      await s3?.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A port free right now (invitation links must name the real port, known before start). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
