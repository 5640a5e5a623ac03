import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../../db/database.js';
import type { AuditLogTable, Database } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { type Actor, actorIdOf } from '../actor.js';

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
  | 'user.password_reset'
  // Issue 21: a user replaced a temporary (or their own) password.
  | 'user.password_changed'
  | 'login.failed'
  // Issue 22: fairness and calibration.
  | 'self_id_form.updated'
  | 'invitation.reference_set'
  | 'expert_score.saved'
  // Issue 23: integrations.
  | 'api_key.created'
  | 'api_key.revoked'
  | 'webhook.created'
  | 'webhook.updated'
  | 'webhook.deleted'
  // Issue 19/20 (migration 011): interview changes, teams, share links, staff-held links.
  | 'interview.created'
  | 'interview.updated'
  | 'members.updated'
  | 'candidate.exported'
  | 'feedback.viewed'
  | 'share.created'
  | 'share.revoked'
  | 'share.opened'
  | 'guest_rating.saved';

/** Who held the candidate link an action came through, when staff were handed it (email off). */
export interface AuditVia {
  issuedBy: { id: string };
}

/** What an entry says beyond actor, action and target; stored as JSON in `details`. */
export interface AuditDetails {
  /** interview.updated: the top-level fields that changed. */
  changes?: string[];
  via?: AuditVia;
}

/** A failed sign-in: someone claiming to be staff, the account (if any) they tried. */
export interface SignInAttempt {
  type: 'staff';
  id: string | null;
}

export interface AuditEntry {
  actor: Actor | SignInAttempt;
  action: AuditAction;
  target: { type: string; id: string | null };
  /** The invitation (candidate) this concerns, so the trail can be read by candidate. */
  invitationId?: string | null;
  details?: AuditDetails;
}

/**
 * The append-only audit trail, two ways in:
 *
 * - `recordInTransaction` for a write (a rating, a decision, an erasure…): the entry is inserted
 *   by the write's own transaction, so a crash or a failing insert keeps both or neither. It
 *   throws like any statement of that transaction.
 * - `record` for reads (`answer.viewed`) and security events (`login.failed`): queued and
 *   batched, never throws, never delays the caller by more than putting the entry in a queue;
 *   the promise settles once the entry is stored (or its loss is logged).
 */
export interface Audit {
  recordInTransaction(trx: Kysely<Database>, entry: AuditEntry): Promise<void>;
  record(entry: AuditEntry): Promise<void>;
  /** Resolves once everything recorded so far is stored (reads call it first). */
  flush(): Promise<void>;
}

function auditRow(entry: AuditEntry, at: Date): AuditLogTable {
  return {
    id: newId(),
    at: at.toISOString(),
    actorType: entry.actor.type,
    actorId: entry.actor.type === 'staff' ? entry.actor.id : actorIdOf(entry.actor),
    action: entry.action,
    targetType: entry.target.type,
    targetId: entry.target.id,
    invitationId: entry.invitationId ?? null,
    details: detailsOf(entry),
  };
}

/** `details` as stored: the entry's own, plus `via` of a candidate acting through a staff-held link. */
function detailsOf(entry: AuditEntry): string | null {
  const via =
    entry.details?.via ??
    (entry.actor.type === 'candidate' && entry.actor.via
      ? { issuedBy: { id: entry.actor.via.issuedBy.id } }
      : undefined);
  const details = { ...entry.details, ...(via ? { via } : {}) };
  return Object.keys(details).length > 0 ? JSON.stringify(details) : null;
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

  async recordInTransaction(trx: Kysely<Database>, entry: AuditEntry): Promise<void> {
    await trx.insertInto('auditLog').values(auditRow(entry, this.now())).execute();
  }

  record(entry: AuditEntry): Promise<void> {
    const row = auditRow(entry, this.now());
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
  recordInTransaction: async () => {},
  record: async () => {},
  flush: async () => {},
};
