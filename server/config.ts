import ipaddr from 'ipaddr.js';
import { z } from 'zod';

/** Everything the server reads from the environment, validated once at start. */
export interface Config {
  port: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | null;
  s3: {
    endpoint?: string;
    bucket: string;
    region: string;
    accessKeyId?: string;
    secretAccessKey?: string;
    forcePathStyle: boolean;
  } | null;
  redisUrl: string | null;
  /** Null: generated once and kept in DATA_DIR. */
  jwtSecret: string | null;
  admin: { email: string; password: string } | null;
  ffmpegPath?: string;
  ffprobePath?: string;
  logLevel: string;
  /** How many media jobs one process runs at once. */
  jobConcurrency: number;
  /** Issue 25: mails one process hands to SMTP at once, in their own lane apart from media. */
  emailConcurrency: number;
  /**
   * Behind reverse proxies: which X-Forwarded-For entries to believe. false: none (the socket's
   * address is the client's); a number: that many proxies in front; a list: the proxies'
   * addresses or CIDR ranges. Never "everyone", which would let a client pick its own address.
   */
  trustProxy: TrustProxy;
  /** What this process does: everything, only HTTP (and socket.io), or only media jobs. */
  role: ServerRole;
  /** BullMQ: how long a worker's lock on a job lasts before another worker may take it over. */
  jobLockSeconds: number;
  /** With Redis: how often answers left `processing` without a queued job are re-queued. */
  strandedSweepSeconds: number;
  /** Issue 8: a JSON body must arrive within this many seconds (408 otherwise). */
  jsonBodyTimeoutSeconds: number;
  /** Issue 8: the slowest upload rate accepted; an upload's time limit follows from its size. */
  uploadMinBytesPerSecond: number;
  /** Issue 11: email is on when both are set (smtp://user:pass@host:port, smtps://…). */
  email: { smtpUrl: string; from: string } | null;
  /**
   * Issue 20: the public form must not become a mail relay. At most this many application
   * mails per programme, and in all, per rolling hour; beyond, applications get 429.
   */
  applicationMails: { perProgrammePerHour: number; perHour: number };
  /** A reminder goes this many hours before an invitation's expiry. */
  reminderHours: number;
  /** How often the reminder and outbox sweep runs. */
  reminderSweepSeconds: number;
  /** How often candidates whose retention time is up are erased. */
  retentionSweepSeconds: number;
  /** Issue 23: webhooks may go to loopback/private/link-local addresses (tests, closed networks). */
  webhookAllowPrivate: boolean;
  /** Webhook messages one process sends at once (their own lane, apart from media jobs). */
  webhookConcurrency: number;
  /** Waits between a message's tries, in seconds; after the last, it is failed. */
  webhookRetrySeconds: number[];
}

export type ServerRole = 'all' | 'api' | 'worker';

export type TrustProxy = false | number | string[];

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''], { message: 'must be true or false' })
  .optional()
  .transform((v) => v === 'true' || v === '1');

/** Names proxy-addr (Express) understands for whole private ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: a hop count (`1` behind one proxy) or a comma list of proxy addresses or CIDR
 * ranges. `true` is refused: it trusts the left-most X-Forwarded-For value, which the client
 * writes, so every rate limit could be dodged with a new header per request.
 */
const trustProxySetting = z
  .string()
  .trim()
  .optional()
  .transform((raw, ctx): TrustProxy => {
    const value = (raw ?? '').toLowerCase();
    if (value === '' || value === 'false') return false;
    if (value === 'true') {
      ctx.addIssue({
        code: 'custom',
        message:
          'must not be true: that trusts whatever X-Forwarded-For a client sends. Set the number ' +
          'of proxies in front of the server (1 behind one proxy) or their addresses or CIDR ' +
          'ranges, comma-separated (e.g. 10.0.0.5, 172.16.0.0/12)',
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops > 10) {
        ctx.addIssue({ code: 'custom', message: 'must be a hop count from 0 to 10' });
        return z.NEVER;
      }
      return hops === 0 ? false : hops;
    }
    const entries = value.split(',').map((v) => v.trim());
    const bad = entries.filter(
      (v) => !NAMED_RANGES.has(v) && !ipaddr.isValid(v) && !ipaddr.isValidCIDR(v),
    );
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a hop count or a comma list of proxy addresses or CIDR ranges (not understood: ${bad.join(', ')})`,
      });
      return z.NEVER;
    }
    return entries;
  });

const schema = z
  .object({
    PORT: z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535).default(3000),
    PUBLIC_URL: optional.pipe(z.url({ message: 'must be an absolute http(s) URL' }).optional()),
    DATA_DIR: optional.default('./data'),
    DATABASE_URL: optional.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
        .optional(),
    ),
    S3_ENDPOINT: optional.pipe(z.url({ message: 'must be an absolute URL' }).optional()),
    S3_BUCKET: optional,
    S3_REGION: optional.default('us-east-1'),
    S3_ACCESS_KEY_ID: optional,
    S3_SECRET_ACCESS_KEY: optional,
    S3_FORCE_PATH_STYLE: booleanFlag,
    REDIS_URL: optional.pipe(
      z
        .string()
        .regex(/^rediss?:\/\//, 'must start with redis://')
        .optional(),
    ),
    JWT_SECRET: optional.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    ADMIN_EMAIL: optional.pipe(z.email({ message: 'must be an email address' }).optional()),
    ADMIN_PASSWORD: optional.pipe(z.string().min(10, 'must be at least 10 characters').optional()),
    FFMPEG_PATH: optional,
    FFPROBE_PATH: optional,
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    TRUST_PROXY: trustProxySetting,
    SERVER_ROLE: z
      .enum(['all', 'api', 'worker'], { message: 'must be all, api or worker' })
      .default('all'),
    JOB_LOCK_SECONDS: z.coerce
      .number({ message: 'must be a number' })
      .int()
      .min(2)
      .max(3600)
      .default(30),
    STRANDED_SWEEP_SECONDS: z.coerce
      .number({ message: 'must be a number' })
      .int()
      .min(1)
      .max(86400)
      .default(60),
    JSON_BODY_TIMEOUT_SECONDS: z.coerce
      .number({ message: 'must be a number' })
      .int()
      .min(1)
      .max(300)
      .default(10),
    UPLOAD_MIN_BYTES_PER_SECOND: z.coerce
      .number({ message: 'must be a number' })
      .int()
      .min(1024)
      .default(64 * 1024),
    RETENTION_SWEEP_SECONDS: z.coerce
      .number({ message: 'must be a number' })
      .int()
      .min(1)
      .max(86400 * 7)
      .default(3600),
    JOB_CONCURRENCY: z.coerce
      .number({ message: 'must be a number' })
      .int()
      .min(1)
      .max(16)
      .default(1),
    // As many as the SMTP pool's connections (mailer.ts, maxConnections=4): more would only wait there.
    EMAIL_CONCURRENCY: z.coerce
      .number({ message: 'must be a number' })
      .int()
      .min(1)
      .max(64)
      .default(4),
    SMTP_URL: optional.pipe(
      z
        .string()
        .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
        .optional(),
    ),
    MAIL_FROM: optional.pipe(z.string().max(320).optional()),
    APPLICATION_MAILS_PER_PROGRAMME_PER_HOUR: z.coerce
      .number({ message: 'must be a number' })
      .int()
      .min(1)
      .max(100_000)
      .default(200),
    APPLICATION_MAILS_PER_HOUR: z.coerce
      .number({ message: 'must be a number' })
      .int()
      .min(1)
      .max(1_000_000)
      .default(1000),
    REMINDER_HOURS: z.coerce
      .number({ message: 'must be a number' })
      .min(0)
      .max(24 * 365)
      .default(48),
    WEBHOOK_ALLOW_PRIVATE: booleanFlag,
    WEBHOOK_CONCURRENCY: z.coerce
      .number({ message: 'must be a number' })
      .int()
      .min(1)
      .max(64)
      .default(32),
    WEBHOOK_RETRY_SECONDS: optional.pipe(
      z
        .string()
        .regex(/^\d+(\.\d+)?(,\d+(\.\d+)?){0,19}$/, 'must be a comma list of seconds')
        .optional(),
    ),
    REMINDER_SWEEP_SECONDS: z.coerce
      .number({ message: 'must be a number' })
      .int()
      .min(1)
      .max(86400)
      .default(300),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.SMTP_URL) !== Boolean(env.MAIL_FROM)) {
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_FROM'],
        message: 'set SMTP_URL and MAIL_FROM together (email is off without both)',
      });
    }
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ADMIN_PASSWORD'],
        message: 'set ADMIN_EMAIL and ADMIN_PASSWORD together',
      });
    }
    if (env.REDIS_URL && !env.JWT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message:
          'is required with REDIS_URL: every process must sign and check tokens with the same secret',
      });
    }
    if (env.SERVER_ROLE !== 'all' && !env.REDIS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['SERVER_ROLE'],
        message: 'api or worker needs REDIS_URL (the shared job queue)',
      });
    }
    const s3Set = [env.S3_ENDPOINT, env.S3_ACCESS_KEY_ID, env.S3_SECRET_ACCESS_KEY].some(Boolean);
    if (s3Set && !env.S3_BUCKET) {
      ctx.addIssue({
        code: 'custom',
        path: ['S3_BUCKET'],
        message: 'is required when S3 is configured',
      });
    }
  });

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`,
      ),
    );
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL ?? null,
    s3: e.S3_BUCKET
      ? {
          endpoint: e.S3_ENDPOINT,
          bucket: e.S3_BUCKET,
          region: e.S3_REGION,
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          forcePathStyle: e.S3_FORCE_PATH_STYLE,
        }
      : null,
    redisUrl: e.REDIS_URL ?? null,
    jwtSecret: e.JWT_SECRET ?? null,
    admin:
      e.ADMIN_EMAIL && e.ADMIN_PASSWORD
        ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD }
        : null,
    ffmpegPath: e.FFMPEG_PATH,
    ffprobePath: e.FFPROBE_PATH,
    logLevel: e.LOG_LEVEL,
    jobConcurrency: e.JOB_CONCURRENCY,
    emailConcurrency: e.EMAIL_CONCURRENCY,
    trustProxy: e.TRUST_PROXY,
    role: e.SERVER_ROLE,
    jobLockSeconds: e.JOB_LOCK_SECONDS,
    strandedSweepSeconds: e.STRANDED_SWEEP_SECONDS,
    jsonBodyTimeoutSeconds: e.JSON_BODY_TIMEOUT_SECONDS,
    uploadMinBytesPerSecond: e.UPLOAD_MIN_BYTES_PER_SECOND,
    email: e.SMTP_URL && e.MAIL_FROM ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : null,
    applicationMails: {
      perProgrammePerHour: e.APPLICATION_MAILS_PER_PROGRAMME_PER_HOUR,
      perHour: e.APPLICATION_MAILS_PER_HOUR,
    },
    reminderHours: e.REMINDER_HOURS,
    reminderSweepSeconds: e.REMINDER_SWEEP_SECONDS,
    retentionSweepSeconds: e.RETENTION_SWEEP_SECONDS,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
    webhookConcurrency: e.WEBHOOK_CONCURRENCY,
    webhookRetrySeconds: e.WEBHOOK_RETRY_SECONDS
      ? e.WEBHOOK_RETRY_SECONDS.split(',').map(Number)
      : [5, 300, 1800, 7200, 18000, 36000, 36000],
  });
}
