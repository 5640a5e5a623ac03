import type { Deps } from '../../deps.js';
import { UnauthenticatedError } from '../../errors.js';

/**
 * For `authenticate(...).catch(auditFailedLogin(deps, email))`: records `login.failed` with the
 * account's id when the email names one (never the email or password itself), then rethrows.
 */
export function auditFailedLogin(deps: Deps, email: string) {
  return async (err: unknown): Promise<never> => {
    if (err instanceof UnauthenticatedError) {
      const user = await deps.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', email.trim().toLowerCase())
        .executeTakeFirst();
      void deps.audit.record({
        actor: { type: 'staff', id: user?.id ?? null },
        action: 'login.failed',
        target: { type: 'user', id: user?.id ?? null },
      });
    }
    throw err;
  };
}

/** The invitation an answer belongs to, for audit entries about it (null once erased). */
export async function invitationOfAnswer(deps: Deps, answerId: string): Promise<string | null> {
  const row = await deps.db
    .selectFrom('answers')
    .select('invitationId')
    .where('id', '=', answerId)
    .executeTakeFirst();
  return row?.invitationId ?? null;
}
