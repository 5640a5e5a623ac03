import type { Logger } from 'pino';
import type { Storage } from '../storage/storage.js';
import type { Secrets } from './auth/secrets.js';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { Audit } from './domain/audit/audit-log.js';
import type { JobQueue } from './jobs/job-queue.js';
import type { SessionRevocations } from './realtime/session-revocations.js';
import type { StaffEvents } from './realtime/staff-events.js';

/** Everything a use-case may need, passed in explicitly: no globals, easy to test. */
export interface Deps {
  config: Readonly<Config>;
  db: Db;
  storage: Storage;
  jobs: JobQueue;
  events: StaffEvents;
  /** Issue 8: staff access that ended (sign-out, deactivation…), for the socket.io server. */
  sessions: SessionRevocations;
  log: Logger;
  secrets: Secrets;
  /** The append-only trail of who saw or changed what (server/domain/audit). */
  audit: Audit;
  /** Issue 23: wakes this process's webhook dispatcher after an event is recorded (if it runs one). */
  webhooks?: { wake(): void };
  /** The current time; tests move it to check deadlines. */
  now: () => Date;
}
