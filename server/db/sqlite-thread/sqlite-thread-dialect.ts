import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  SqliteAdapter,
  type SqliteDatabase,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { withStatementCache } from '../statement-cache.js';
import type {
  Statement,
  ThreadError,
  ThreadOptions,
  ThreadReply,
  ThreadRequest,
  ThreadStarted,
} from './protocol.js';

// Running from TypeScript (tsx: tests, development) or from the compiled bundle, where the
// build writes the worker beside the server's other files.
const WORKER_FILE = new URL(
  `./sqlite-thread.worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`,
  import.meta.url,
);

/** SQLite's own error, rebuilt on this side with the code callers branch on. */
export class SqliteThreadError extends Error {
  override name = 'SqliteError';
  readonly code: string | undefined;
  constructor({ message, code }: ThreadError) {
    super(message);
    this.code = code;
  }
}

/**
 * SQLite for Kysely with its writing connection on a thread of its own (sqlite-thread.worker.ts),
 * so that no write can hold the event loop: a commit's write() throttled by a busy disk, a WAL
 * checkpoint's fsync, a wait for another process's write lock. Every write is a message there
 * and back.
 *
 * The loop reaches the thread only between its other work, so a round trip can take a whole
 * turn of a busy loop. Three rules keep them few and short:
 * - A read outside a transaction runs here, at once, on a query-only connection of the loop's
 *   own: in WAL mode a reader neither waits for the writer nor syncs anything, and it reads its
 *   pages from memory. Each read sees every transaction committed before it started.
 * - A write outside a transaction is sent at once (the thread runs them in order); only an open
 *   transaction makes other writes wait for its end.
 * - Writes that need a transaction but no decision between statements go as one message
 *   (eachChangesOneRow).
 */
export class SqliteThreadDialect implements Dialect {
  /** One per dialect, so that openDatabase can hand it to eachChangesOneRow's callers. */
  readonly driver: SqliteThreadDriver;
  constructor(options: ThreadOptions) {
    this.driver = new SqliteThreadDriver(options);
  }
  createDriver(): Driver {
    return this.driver;
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

interface Waiting {
  resolve(reply: ThreadReply): void;
  reject(err: Error): void;
}

interface PendingGroup {
  statements: Statement[];
  resolve(kept: boolean): void;
  reject(err: Error): void;
}

/** A request before send() numbers it. */
type Request = ThreadRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export class SqliteThreadDriver implements Driver {
  private worker: Worker | undefined;
  /** The loop's own query-only connection, for reads outside a transaction. */
  private reader: SqliteDatabase | undefined;
  private started: Promise<void> | undefined;
  private stopped: Error | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();
  /** eachChangesOneRow's groups waiting for the end of this turn of the loop. */
  private pendingGroups: PendingGroup[] | undefined;
  /** The connection whose transaction is open, and what resolves when it ends. */
  private transaction: { owner: ThreadConnection; ended: Promise<void>; end(): void } | undefined;

  constructor(private readonly options: ThreadOptions) {}

  init(): Promise<void> {
    this.started ??= new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER_FILE, { workerData: this.options });
      // Idle, the thread must not keep the process alive; send() refs it while a reply is due.
      worker.unref();
      this.worker = worker;
      worker.once('message', (started: ThreadStarted) => {
        if (!started.ready) {
          this.stop(new SqliteThreadError(started.error));
          reject(this.stopped);
          return;
        }
        worker.on('message', (reply: ThreadReply) => this.received(reply));
        // Again: the 'message' listener refs the thread (seen here: an idle script never exited).
        if (this.waiting.size === 0) worker.unref();
        try {
          // Opened once the thread has made the file a WAL database.
          this.reader = openReader(this.options);
        } catch (err) {
          this.stop(err as Error);
          reject(err);
          return;
        }
        resolve();
      });
      worker.on('error', (err) => {
        this.stop(err);
        reject(err);
      });
      worker.on('exit', () => {
        this.stop(new Error('The database thread stopped.'));
        reject(this.stopped);
      });
    });
    return this.started;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new ThreadConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    while (this.transaction) await this.transaction.ended;
    let end!: () => void;
    const ended = new Promise<void>((resolve) => {
      end = resolve;
    });
    this.transaction = { owner: connection as ThreadConnection, ended, end };
    try {
      await this.send({ kind: 'run', statement: { sql: 'begin', parameters: [] } });
    } catch (err) {
      this.endTransaction();
      throw err;
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('commit'));
    } finally {
      this.endTransaction();
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } finally {
      this.endTransaction();
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    // Kysely ends its transactions before releasing; a connection released mid-transaction
    // (never expected) must not keep every other statement waiting.
    if (this.transaction?.owner === connection) {
      await this.send({ kind: 'run', statement: { sql: 'rollback', parameters: [] } }).catch(
        () => {},
      );
      this.endTransaction();
    }
  }

  async destroy(): Promise<void> {
    if (!this.worker || this.stopped) return;
    const worker = this.worker;
    // Closed first: the last connection to close checkpoints the WAL, which is the thread's job.
    this.reader?.close();
    this.reader = undefined;
    await this.send({ kind: 'close' }).catch(() => {});
    this.stop(new Error('The database is closed.'));
    await worker.terminate();
  }

  /**
   * A read outside a transaction, run here at once, or undefined when `statement` is not one.
   * Only a SELECT (or WITH … SELECT) that SQLite itself calls read-only qualifies.
   */
  readHere(connection: ThreadConnection, statement: Statement): unknown[] | undefined {
    if (!this.reader || this.transaction?.owner === connection) return undefined;
    if (!READ.test(statement.sql)) return undefined;
    const prepared = this.reader.prepare(statement.sql) as unknown as SQLite.Statement;
    if (!prepared.readonly || !prepared.reader) return undefined;
    return prepared.all(statement.parameters as unknown[]);
  }

  /** Runs one statement on the thread once no other connection's transaction is open. */
  async execute(connection: ThreadConnection, statement: Statement): Promise<ThreadReply> {
    while (this.transaction && this.transaction.owner !== connection) {
      await this.transaction.ended;
    }
    return this.send({ kind: 'run', statement });
  }

  /**
   * See ThreadRequest 'each-changes-one-row'. Groups asked for in the same turn of the loop go
   * in one message at its end (setImmediate): at 500 recorders a turn often completes dozens of
   * chunks, and a message and a commit each cost the loop a thread hand-off and the disk a write.
   */
  eachChangesOneRow(statements: Statement[]): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      if (!this.pendingGroups) {
        this.pendingGroups = [];
        setImmediate(() => void this.sendGroups());
      }
      this.pendingGroups.push({ statements, resolve, reject });
    });
  }

  private async sendGroups(): Promise<void> {
    const groups = this.pendingGroups ?? [];
    this.pendingGroups = undefined;
    try {
      await this.init();
      // The groups commit in a transaction of their own, never inside another connection's.
      while (this.transaction) await this.transaction.ended;
      const reply = await this.send({
        kind: 'each-changes-one-row',
        groups: groups.map((group) => group.statements),
      });
      if (!('outcomes' in reply)) throw new Error('The database thread sent an unexpected reply.');
      groups.forEach((group, i) => {
        const outcome = reply.outcomes[i];
        if (typeof outcome === 'boolean') group.resolve(outcome);
        else
          group.reject(
            new SqliteThreadError(outcome ?? { message: 'No outcome', code: undefined }),
          );
      });
    } catch (err) {
      for (const group of groups) group.reject(err as Error);
    }
  }

  private endTransaction(): void {
    const transaction = this.transaction;
    this.transaction = undefined;
    transaction?.end();
  }

  private send(request: Request): Promise<ThreadReply> {
    if (this.stopped) return Promise.reject(this.stopped);
    const worker = this.worker!;
    const id = this.nextId++;
    return new Promise<ThreadReply>((resolve, reject) => {
      if (this.waiting.size === 0) worker.ref();
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } as ThreadRequest);
    });
  }

  private received(reply: ThreadReply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker?.unref();
    if ('error' in reply) waiting.reject(new SqliteThreadError(reply.error));
    else waiting.resolve(reply);
  }

  private stop(reason: Error): void {
    if (this.stopped) return;
    this.stopped = reason;
    this.reader?.close();
    this.reader = undefined;
    for (const { reject } of this.waiting.values()) reject(reason);
    this.waiting.clear();
    this.worker?.unref();
  }
}

/** A statement that may be a read: SQLite's own read-only flag decides (readHere). */
const READ = /^\s*(select|with)\b/i;

function openReader({ file }: ThreadOptions): SqliteDatabase {
  const sqlite = new SQLite(file, { fileMustExist: true });
  try {
    // A write sent here by mistake fails instead of running on the loop.
    sqlite.pragma('query_only = ON');
    // In WAL mode a reader waits only while the WAL is being reset (a TRUNCATE checkpoint).
    sqlite.pragma('busy_timeout = 5000');
    // Each commit on the thread empties this connection's page cache; mapped, the database
    // file's pages are read again without a system call each.
    sqlite.pragma('mmap_size = 268435456');
    return withStatementCache(sqlite);
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

class ThreadConnection implements DatabaseConnection {
  constructor(private readonly driver: SqliteThreadDriver) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const statement = { sql: query.sql, parameters: query.parameters };
    const rows = this.driver.readHere(this, statement);
    if (rows) return { rows: rows as R[] };
    const reply = await this.driver.execute(this, statement);
    if ('rows' in reply) return { rows: reply.rows as R[] };
    if ('changes' in reply) {
      return {
        numAffectedRows: BigInt(reply.changes),
        insertId: BigInt(reply.lastInsertRowid),
        rows: [],
      };
    }
    throw new Error('The database thread sent an unexpected reply.');
  }

  // biome-ignore lint/correctness/useYield: nothing here streams results (statement-cache.ts).
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming results is not supported on SQLite.');
  }
}
