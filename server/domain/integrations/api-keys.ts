import { createHash, randomBytes } from 'node:crypto';
import type { ApiKey, ApiKeyRole, CreatedApiKey } from '../../contracts/integrations.js';
import type { Deps } from '../../deps.js';
import { NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { StaffSession } from '../staff/staff-session.js';

const PREFIX = 'oik_';
/** `oik_` + 43 base64url characters (256 bits). */
const KEY_SHAPE = /^oik_[A-Za-z0-9_-]{43}$/;
/** A key's users row can never sign in with a password: this is not a scrypt hash. */
const NO_PASSWORD = 'api-key';
/** lastUsedAt is written at most this often per key, not on every request. */
const LAST_USED_EVERY_MS = 60_000;

export function looksLikeApiKey(token: string | null): token is string {
  return typeof token === 'string' && token.startsWith(PREFIX);
}

function digestOf(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * `POST /api-keys`: a new key, returned in clear only here. Its id is also the id of a users row
 * of that role (no password, hidden from the staff list), so that everything a staff member
 * writes (a rating, a decision) can name the key as its author.
 */
export async function createApiKey(
  deps: Deps,
  input: { name: string; role: ApiKeyRole },
  createdBy: string,
): Promise<CreatedApiKey> {
  const id = newId();
  const key = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const createdAt = new Date().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values({
        id,
        email: `key-${id.toLowerCase()}@api-keys.invalid`,
        name: input.name,
        role: input.role,
        passwordHash: NO_PASSWORD,
        createdAt,
        deactivatedAt: null,
      })
      .execute();
    await trx
      .insertInto('apiKeys')
      .values({
        id,
        name: input.name,
        role: input.role,
        keyDigest: digestOf(key),
        createdBy,
        createdAt,
        lastUsedAt: null,
        revokedAt: null,
      })
      .execute();
  });
  return { id, name: input.name, role: input.role, createdAt, lastUsedAt: null, key };
}

export async function listApiKeys(deps: Deps): Promise<ApiKey[]> {
  return deps.db
    .selectFrom('apiKeys')
    .select(['id', 'name', 'role', 'createdAt', 'lastUsedAt'])
    .where('revokedAt', 'is', null)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** `DELETE /api-keys/:id`: refused from the next request on, in every process (no cache). */
export async function revokeApiKey(deps: Deps, id: string): Promise<void> {
  const at = new Date().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable('apiKeys')
      .set({ revokedAt: at })
      .where('id', '=', id)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    if (revoked.numUpdatedRows === 0n) throw new NotFoundError('There is no such API key.');
    await trx.updateTable('users').set({ deactivatedAt: at }).where('id', '=', id).execute();
  });
}

/**
 * The staff session an API key stands for, checked against the database on every request (a
 * revoked key is refused at once), or null. Its user carries `kind: 'api_key'`, which makes the
 * audit actor `{ type: 'api_key' }`.
 */
export async function apiKeySession(deps: Deps, key: string): Promise<StaffSession | null> {
  if (!KEY_SHAPE.test(key)) return null;
  const row = await deps.db
    .selectFrom('apiKeys')
    .select(['id', 'name', 'role', 'lastUsedAt'])
    .where('keyDigest', '=', digestOf(key))
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - Date.parse(row.lastUsedAt) > LAST_USED_EVERY_MS) {
    void deps.db
      .updateTable('apiKeys')
      .set({ lastUsedAt: new Date(now).toISOString() })
      .where('id', '=', row.id)
      .execute()
      .catch(() => {});
  }
  return {
    user: { id: row.id, email: '', name: row.name, role: row.role, kind: 'api_key' },
    // Keys do not expire; sign-out does not apply to them (DELETE /api-keys/:id does).
    claims: {
      userId: row.id,
      tokenId: `api-key:${row.id}`,
      version: 0,
      expiresAtMs: now + 3600_000,
    },
    mustChangePassword: false,
  };
}
