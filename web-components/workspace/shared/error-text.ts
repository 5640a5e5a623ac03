import { msg } from '@lit/localize';
import { ApiError } from '../../api-client.js';
import { SessionChangedError } from '../api/workspace-api.js';

/**
 * A sentence for people. Known codes are translated here; otherwise the server's own sentence
 * (always written for people, in English) is better than a generic one.
 */
export function errorText(err: unknown): string {
  if (err instanceof SessionChangedError) {
    return msg('Another person signed in, so this was cancelled.', { id: 'ws.err.session' });
  }
  if (err instanceof ApiError) {
    switch (err.code) {
      case 'questions_locked':
        return msg(
          'Candidates have started answering, so the questions can no longer change. The title, introduction and deadline can still be edited.',
          { id: 'ws.err.questionsLocked' },
        );
      case 'last_admin':
        return msg('This is the only admin. Make someone else an admin first.', {
          id: 'ws.err.lastAdmin',
        });
      case 'email_taken':
        return msg('A user with this email already exists.', { id: 'ws.err.emailTaken' });
      case 'invalid_credentials':
        return msg('The email or password is not correct.', { id: 'ws.err.credentials' });
      case 'rate_limited':
        return msg('Too many attempts. Wait a few minutes and try again.', {
          id: 'ws.err.rateLimited',
        });
      case 'not_completed':
        return msg('Only a candidate who has finished can be shared.', {
          id: 'ws.err.notCompleted',
        });
      case 'admin_only':
        return msg('Only an admin can make this change.', { id: 'ws.err.adminOnly' });
      case 'forbidden':
        return msg('Your role does not allow this.', { id: 'ws.err.forbidden' });
      case 'not_found':
        return msg('This item does not exist or was removed.', { id: 'ws.err.notFound' });
      default:
        return err.message;
    }
  }
  if (err instanceof TypeError) {
    return msg('The server cannot be reached. Check your connection and try again.', {
      id: 'ws.err.network',
    });
  }
  return msg('Something went wrong. Please try again.', { id: 'ws.err.generic' });
}
