import type { Logger } from 'pino';
import type { Db } from '../../db/database.js';
import type { AuditLogTable } from '../../db/schema.js';
import { newId } from '../../ids.js';

/** What the audit trail records. Other features add their actions here. */
export type AuditAction =
  | 'answer.viewed'
  | 'rating.saved'
  | 'decision.saved'
  | 'feedback.released'
  | 'invitation.link_reissued'
  | 'ratings.exported'
  | 'candidate.erased'
  | 'user.created'
  | 'user.updated'
  | 'login.failed'
  | 'api_key.created'
  | 'api_key.revoked'
  | 'webhook.created'
  | 'webhook.updated'
  | 'webhook.deleted';

export type AuditActor =
  | { type: 'staff'; id: string | null }
  | { type: 'candidate'; id: string }
  | { type: 'api_key'; id: string }
  | { type: 'system' };

export interface AuditEntry {
  actor: AuditActor;
  action: AuditAction;
  target: { type: string; id: string | null };
  /** The invitation (candidate) this concerns, so the trail can be read by candidate. */
  invitationId?: string | null;
}

/**
 * The append-only audit trail. `record` never throws and never delays the caller by more than
 * putting the entry in a queue; the returned promise settles once the entry is stored (await it
 * where the fact must be durable before answering, as erasure does).
 */
export interface Audit {
  record(entry: AuditEntry): Promise<void>;
  /** Resolves once everything recorded so far is stored (reads call it first). */
  flush(): Promise<void>;
}

/** Most rows one INSERT carries: well under SQLite's 32,766 bound variables (8 per row). */
const MAX_BATCH = 500;

/**
 * Entries recorded in the same turn of the event loop go to the database in one multi-row
 * INSERT: under load, many staff views cost one statement, which keeps the review path fast.
 */
export class AuditLog implements Audit {
  #queue: { row: AuditLogTable; done: () => void }[] = [];
  #writing: Promise<void> = Promise.resolve();
  #scheduled = false;

  constructor(
    private readonly db: Db,
    private readonly log: Pick<Logger, 'error'>,
    private readonly now: () => Date,
  ) {}

  record(entry: AuditEntry): Promise<void> {
    const row: AuditLogTable = {
      id: newId(),
      at: this.now().toISOString(),
      actorType: entry.actor.type,
      actorId: entry.actor.type === 'system' ? null : entry.actor.id,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id,
      invitationId: entry.invitationId ?? null,
    };
    return new Promise((done) => {
      this.#queue.push({ row, done });
      if (this.#scheduled) return;
      this.#scheduled = true;
      setImmediate(() => {
        this.#scheduled = false;
        this.#writing = this.#writing.then(() => this.#writeQueued());
      });
    });
  }

  async flush(): Promise<void> {
    this.#writing = this.#writing.then(() => this.#writeQueued());
    await this.#writing;
  }

  async #writeQueued(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, MAX_BATCH);
      try {
        await this.db
          .insertInto('auditLog')
          .values(batch.map((b) => b.row))
          .execute();
      } catch (err) {
        // Losing an entry is logged loudly but never fails the action it describes.
        this.log.error(
          { err, actions: batch.map((b) => b.row.action) },
          'audit entries could not be stored',
        );
      }
      for (const b of batch) b.done();
    }
  }
}

/** For measuring what auditing costs (scripts/bench): records nothing. */
export const noAudit: Audit = {
  record: async () => {},
  flush: async () => {},
};

/** The actor for a signed-in staff member, or an API key acting as one (issue 23). */
export function staffActor(user: { id: string; kind?: 'api_key' }): AuditActor {
  return user.kind === 'api_key'
    ? { type: 'api_key', id: user.id }
    : { type: 'staff', id: user.id };
}
