import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CamelCasePlugin,
  Kysely,
  type Migration,
  Migrator,
  PostgresDialect,
  SqliteDialect,
} from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { registerWalFile } from './durable-commits.js';
import * as initial from './migrations/001-initial.js';
import * as security from './migrations/002-security.js';
import * as structuredReview from './migrations/003-structured-review.js';
import * as programmesEmail from './migrations/004-programmes-email.js';
import * as dataRights from './migrations/005-data-rights.js';
import * as boundedMedia from './migrations/006-bounded-media.js';
import * as extraLinks from './migrations/007-extra-links.js';
import * as audioOnlySetting from './migrations/009-audio-only-setting.js';
import * as teamsShares from './migrations/011-teams-shares.js';
import * as trustHoles from './migrations/012-trust-holes.js';
import * as fairnessCalibration from './migrations/013-fairness-calibration.js';
import * as integrations from './migrations/014-integrations.js';
import * as aftercareLinks from './migrations/015-aftercare-links.js';
import * as translations from './migrations/016-translations.js';
import type { Database } from './schema.js';
import { withStatementCache } from './statement-cache.js';

export type Db = Kysely<Database>;

// Migrations are imported, not read from a folder, so they work however the code is bundled.
const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '002-security': security,
  '003-structured-review': structuredReview,
  '005-data-rights': dataRights,
  '006-bounded-media': boundedMedia,
  '004-programmes-email': programmesEmail,
  '007-extra-links': extraLinks,
  '009-audio-only-setting': audioOnlySetting,
  '011-teams-shares': teamsShares,
  '013-fairness-calibration': fairnessCalibration,
  '012-trust-holes': trustHoles,
  '014-integrations': integrations,
  '015-aftercare-links': aftercareLinks,
  '016-translations': translations,
};

/** PostgreSQL when a URL is given, otherwise SQLite in WAL mode inside dataDir. */
export function openDatabase(
  options: { databaseUrl: string | null; dataDir: string },
  log?: Pick<Logger, 'warn'>,
): Db {
  const plugins = [new CamelCasePlugin()];
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection that PostgreSQL closes (a restart, a failover, an administrator) makes
    // the pool emit 'error'; unheard, that would end the process. The pool drops the connection
    // and the next query opens a new one.
    pool.on('error', (err) => log?.warn({ err }, 'an idle database connection was closed'));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
  }
  mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, 'interviews.sqlite');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Erasure: deleted rows are overwritten with zeros, not left readable in free pages.
  sqlite.pragma('secure_delete = ON');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins,
  });
  // Commits are not fsynced (NORMAL); what must survive a power cut awaits durable-commits.ts.
  registerWalFile(db, file);
  return db;
}

/** Brings the schema up to date; safe to call at every start. */
export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Features are built in parallel, each with its own numbered migration touching only its own
    // tables and columns: a database may have run a later number before an earlier one lands.
    allowUnorderedMigrations: true,
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
