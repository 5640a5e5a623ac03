/**
 * The webhook events (../shared/API.md "Integrations"), with no imports at all: the workspace
 * lists them as values without bringing zod into its bundle. integrations.ts re-exports them.
 */
export const WEBHOOK_EVENTS = [
  'invitation.created',
  'invitation.started',
  'invitation.completed',
  'answer.ready',
  'answer.failed',
  'rating.saved',
  'decision.saved',
  'feedback.released',
  'candidate.erased',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
