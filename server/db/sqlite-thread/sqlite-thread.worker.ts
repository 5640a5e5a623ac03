/**
 * The thread that owns the server's one SQLite connection (see sqlite-thread-dialect.ts).
 * better-sqlite3 is synchronous: a commit that waits for a busy disk, a WAL checkpoint's fsync or
 * a wait for another process's write lock held the whole event loop while it ran here on the
 * main thread. On this thread they hold only the statements queued behind them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { withStatementCache } from '../statement-cache.js';
import type {
  Statement,
  ThreadError,
  ThreadOptions,
  ThreadReply,
  ThreadRequest,
  ThreadStarted,
} from './protocol.js';

const port = parentPort!;
const options = workerData as ThreadOptions;

function describe(err: unknown): ThreadError {
  const { message, code } = err as { message?: unknown; code?: unknown };
  return {
    message: typeof message === 'string' ? message : String(err),
    code: typeof code === 'string' ? code : undefined,
  };
}

let opened: ReturnType<typeof withStatementCache>;
try {
  const sqlite = new SQLite(options.file);
  for (const pragma of options.pragmas) sqlite.pragma(pragma);
  opened = withStatementCache(sqlite);
  port.postMessage({ ready: true } satisfies ThreadStarted);
} catch (err) {
  port.postMessage({ ready: false, error: describe(err) } satisfies ThreadStarted);
  process.exit(0);
}
const database = opened;

/** Statements cached by statement-cache.ts are better-sqlite3's, under Kysely's narrower type. */
type RunnableStatement = {
  reader: boolean;
  all(parameters: readonly unknown[]): unknown[];
  run(parameters: readonly unknown[]): { changes: number; lastInsertRowid: number | bigint };
};

function prepare(statement: Statement): RunnableStatement {
  return database.prepare(statement.sql) as unknown as RunnableStatement;
}

function run(id: number, statement: Statement): ThreadReply {
  const prepared = prepare(statement);
  if (prepared.reader) return { id, rows: prepared.all(statement.parameters) };
  const { changes, lastInsertRowid } = prepared.run(statement.parameters);
  return { id, changes, lastInsertRowid };
}

function execute(sql: string): void {
  prepare({ sql, parameters: [] }).run([]);
}

/**
 * Whether every statement of `group` changed one row, or why one failed; if not every one did,
 * the group's changes are undone and the other groups' kept.
 */
function applyGroup(group: Statement[]): boolean | ThreadError {
  execute('savepoint each_changes_one_row');
  try {
    const applied = group.every(
      (statement) => prepare(statement).run(statement.parameters).changes === 1,
    );
    if (!applied) execute('rollback to each_changes_one_row');
    return applied;
  } catch (err) {
    execute('rollback to each_changes_one_row');
    return describe(err);
  } finally {
    execute('release each_changes_one_row');
  }
}

function eachChangesOneRow(id: number, groups: Statement[][]): ThreadReply {
  execute('begin');
  try {
    const outcomes = groups.map(applyGroup);
    execute('commit');
    return { id, outcomes };
  } catch (err) {
    // A failed COMMIT (SQLITE_BUSY, say) leaves the transaction open: close it before the next.
    try {
      execute('rollback');
    } catch {
      // Already rolled back by SQLite itself.
    }
    throw err;
  }
}

port.on('message', (request: ThreadRequest) => {
  let reply: ThreadReply;
  try {
    if (request.kind === 'run') reply = run(request.id, request.statement);
    else if (request.kind === 'each-changes-one-row') {
      reply = eachChangesOneRow(request.id, request.groups);
    } else {
      database.close();
      port.postMessage({ id: request.id, closed: true } satisfies ThreadReply);
      port.close();
      return;
    }
  } catch (err) {
    reply = { id: request.id, error: describe(err) };
  }
  port.postMessage(reply);
});
