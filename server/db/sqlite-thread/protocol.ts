/** The messages between the event loop and the SQLite thread (sqlite-thread.worker.ts). */

export interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

export type ThreadRequest =
  /** One statement, run on its own or inside the transaction the connection has open. */
  | { kind: 'run'; id: number; statement: Statement }
  /**
   * Groups of statements, each group all-or-nothing: every statement of a group must change
   * exactly one row, and at the first that does not, the group's changes are undone. All the
   * groups are committed together, in one transaction: one message and one commit for what
   * would otherwise be four round trips and a commit per group.
   */
  | { kind: 'each-changes-one-row'; id: number; groups: Statement[][] }
  | { kind: 'close'; id: number };

export interface ThreadError {
  message: string;
  /** SQLite's extended result code (SQLITE_CONSTRAINT_UNIQUE…): callers branch on it. */
  code: string | undefined;
}

export type ThreadReply =
  | { id: number; rows: unknown[] }
  | { id: number; changes: number; lastInsertRowid: number | bigint }
  /** Per group, in order: whether its changes were kept (committed with the others), or why not. */
  | { id: number; outcomes: (boolean | ThreadError)[] }
  | { id: number; closed: true }
  | { id: number; error: ThreadError };

export interface ThreadOptions {
  file: string;
  /** PRAGMA statements run once the file is open, in order. */
  pragmas: string[];
}

/** The thread's first message: the database opened, or why it did not. */
export type ThreadStarted = { ready: true } | { ready: false; error: ThreadError };
