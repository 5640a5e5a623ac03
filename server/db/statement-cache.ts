import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely prepares every query anew, and better-sqlite3 compiles the SQL each time: on the chunk
 * upload path that compiling cost as much as running the queries. The same few SQL strings
 * come back all the time, so their compiled statements are kept, least recently used first out.
 * Safe because better-sqlite3 runs a statement to completion before the next one starts; the
 * only exception, an open iterator, is never used on a cached statement by this codebase
 * (nothing streams query results).
 */
export function withStatementCache(database: SQLite.Database, capacity = 500): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached) {
        // Re-inserting moves it to the back: the Map's first key is the least recently used.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql) as unknown as SqliteStatement;
      statements.set(sql, statement);
      if (statements.size > capacity) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}
