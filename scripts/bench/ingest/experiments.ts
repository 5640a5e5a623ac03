/**
 * What-if experiments inside a measured server process, to size a suggested server change
 * before anyone makes it. process-probe.ts loads this module when $INGEST_EXPERIMENT names one
 * or more (comma-separated); pass it with `ingest.ts --server-env INGEST_EXPERIMENT=…`. The
 * headline tables never use them.
 *
 *   sqlite-statement-cache: prepare each distinct SQL text once per SQLite connection and reuse
 *     the statement. Kysely's SQLite driver calls better-sqlite3's prepare() on every query,
 *     which parses and plans the SQL every time.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

interface PreparingDatabase {
  prepare(sql: string): unknown;
}

interface DatabaseClass {
  prototype: PreparingDatabase;
}

const experiments = new Set((process.env.INGEST_EXPERIMENT ?? '').split(',').filter(Boolean));

if (experiments.has('sqlite-statement-cache')) {
  // The server's own copy of better-sqlite3: the CommonJS cache hands it the patched class.
  const requireFromServer = createRequire(join(process.cwd(), 'package.json'));
  const Database = requireFromServer('better-sqlite3') as DatabaseClass;
  const prepareEveryTime = Database.prototype.prepare;
  const caches = new WeakMap<PreparingDatabase, Map<string, unknown>>();
  Database.prototype.prepare = function prepareOnce(this: PreparingDatabase, sql: string) {
    let cache = caches.get(this);
    if (!cache) {
      cache = new Map();
      caches.set(this, cache);
    }
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepareEveryTime.call(this, sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
