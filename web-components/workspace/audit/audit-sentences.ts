import { msg, str } from '@lit/localize';
import type { AuditEntryView } from '../../../server/contracts/data-rights.js';

/**
 * An audit entry as one sentence with names, never ids (issue 21): who did it (the actor) and
 * whom or what it was about (the subject: a candidate, an interview, an account). An erased
 * candidate is "an erased candidate" wherever they appear; the server sends no name for them.
 */
export function auditSentence(entry: AuditEntryView): string {
  const who = actorPhrase(entry);
  const candidate = candidatePhrase(entry);
  const interview = interviewPhrase(entry);
  const account = accountPhrase(entry);
  switch (entry.action) {
    case 'answer.viewed':
      return msg(str`${who} viewed an answer by ${candidate}`, { id: 'ws.audit.s.answerViewed' });
    case 'rating.saved':
    case 'guest_rating.saved':
      return msg(str`${who} rated an answer by ${candidate}`, { id: 'ws.audit.s.ratingSaved' });
    case 'expert_score.saved':
      return msg(str`${who} saved a reference score for an answer by ${candidate}`, {
        id: 'ws.audit.s.expertScore',
      });
    case 'decision.saved':
      return msg(str`${who} recorded a decision on ${candidate}`, {
        id: 'ws.audit.s.decisionSaved',
      });
    case 'feedback.released':
      return msg(str`${who} released feedback to ${candidate}`, {
        id: 'ws.audit.s.feedbackReleased',
      });
    case 'feedback.viewed':
      return msg(str`${who} read their feedback`, { id: 'ws.audit.s.feedbackViewed' });
    case 'candidate.exported':
      return msg(str`${who} downloaded a copy of their data`, { id: 'ws.audit.s.exported' });
    case 'invitation.link_reissued':
      return msg(str`${who} issued a new link for ${candidate}`, { id: 'ws.audit.s.newLink' });
    case 'invitation.reference_set':
      return msg(str`${who} changed whether ${candidate} is a calibration reference`, {
        id: 'ws.audit.s.reference',
      });
    case 'share.created':
      return msg(str`${who} shared the answers of ${candidate}`, { id: 'ws.audit.s.shared' });
    case 'share.revoked':
      return msg(str`${who} withdrew a share of the answers of ${candidate}`, {
        id: 'ws.audit.s.shareRevoked',
      });
    case 'share.opened':
      return msg(str`${who} opened the shared answers of ${candidate}`, {
        id: 'ws.audit.s.shareOpened',
      });
    case 'candidate.erased':
      // The candidate asked it themselves, or staff or the retention rule did it to them.
      return entry.actor.type === 'candidate'
        ? msg('A candidate erased their own data', { id: 'ws.audit.s.erasedSelf' })
        : msg(str`${who} erased a candidate`, { id: 'ws.audit.s.erased' });
    default:
      return staffSentence(entry, who, interview, account);
  }
}

/** Actions about interviews, accounts and integrations rather than one candidate. */
function staffSentence(entry: AuditEntryView, who: string, interview: string, account: string) {
  switch (entry.action) {
    case 'ratings.exported':
      return msg(str`${who} exported the ratings of ${interview}`, {
        id: 'ws.audit.s.ratingsExported',
      });
    case 'interview.created':
      return msg(str`${who} created the interview ${interview}`, {
        id: 'ws.audit.s.interviewCreated',
      });
    case 'interview.updated':
      return msg(str`${who} changed the interview ${interview}`, {
        id: 'ws.audit.s.interviewUpdated',
      });
    case 'members.updated':
      return msg(str`${who} changed who works on ${interview}`, { id: 'ws.audit.s.members' });
    case 'self_id_form.updated':
      return msg(str`${who} changed the self-identification form of ${interview}`, {
        id: 'ws.audit.s.selfId',
      });
    case 'user.created':
      return msg(str`${who} created the account of ${account}`, { id: 'ws.audit.s.userCreated' });
    case 'user.updated':
      return msg(str`${who} changed the account of ${account}`, { id: 'ws.audit.s.userUpdated' });
    case 'user.password_reset':
      return msg(str`${who} gave ${account} a temporary password`, {
        id: 'ws.audit.s.passwordReset',
      });
    case 'user.password_changed':
      return msg(str`${who} chose a new password`, { id: 'ws.audit.s.passwordChanged' });
    case 'login.failed':
      return msg('A sign-in failed', { id: 'ws.audit.s.loginFailed' });
    case 'api_key.created':
      return msg(str`${who} created an API key`, { id: 'ws.audit.s.keyCreated' });
    case 'api_key.revoked':
      return msg(str`${who} revoked an API key`, { id: 'ws.audit.s.keyRevoked' });
    case 'webhook.created':
      return msg(str`${who} added a webhook`, { id: 'ws.audit.s.webhookCreated' });
    case 'webhook.updated':
      return msg(str`${who} changed a webhook`, { id: 'ws.audit.s.webhookUpdated' });
    case 'webhook.deleted':
      return msg(str`${who} removed a webhook`, { id: 'ws.audit.s.webhookDeleted' });
    default:
      // An action newer than this page: still who, and the machine name of what.
      return `${who} · ${entry.action}`;
  }
}

function actorPhrase(entry: AuditEntryView): string {
  if (entry.actor.type === 'system') return msg('Automatic retention', { id: 'ws.audit.system' });
  if (entry.actor.name) return entry.actor.name;
  if (entry.actor.type === 'candidate')
    return msg('An erased candidate', { id: 'ws.audit.erasedActor' });
  return msg('An unknown account', { id: 'ws.audit.unknown' });
}

function candidatePhrase(entry: AuditEntryView): string {
  if (entry.candidate?.name) return entry.candidate.name;
  return entry.candidate?.erased
    ? msg('an erased candidate', { id: 'ws.audit.erasedSubject' })
    : msg('a candidate', { id: 'ws.audit.someCandidate' });
}

function interviewPhrase(entry: AuditEntryView): string {
  const title = entry.interview?.title;
  return title
    ? msg(str`“${title}”`, { id: 'ws.audit.quoted' })
    : msg('an interview', { id: 'ws.audit.someInterview' });
}

function accountPhrase(entry: AuditEntryView): string {
  const user = entry.targetUser;
  return user ? `${user.name} (${user.email})` : msg('an account', { id: 'ws.audit.someAccount' });
}
