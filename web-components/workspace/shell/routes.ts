import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { InvitationStatus } from '../../../server/contracts/api.js';

/** Every screen of the workspace, addressed by the URL hash so links and Back work. */
export type Route =
  | { view: 'interviews' }
  | { view: 'new-interview' }
  | { view: 'interview'; id: string }
  | { view: 'edit-interview'; id: string }
  | { view: 'queue'; interviewId?: string; status?: InvitationStatus }
  | { view: 'review'; invitationId: string; status?: InvitationStatus }
  | { view: 'users' }
  | { view: 'account' }
  | { view: 'audit'; invitationId?: string }
  | { view: 'integrations' }
  | { view: 'by-question'; interviewId: string; questionId?: string }
  | { view: 'results'; id: string }
  | { view: 'reliability'; id: string }
  | { view: 'fairness'; id: string }
  | { view: 'calibration'; id: string };

const STATUSES: InvitationStatus[] = ['invited', 'started', 'completed', 'expired'];

function statusParam(query: URLSearchParams): InvitationStatus | undefined {
  const status = query.get('status');
  return STATUSES.find((s) => s === status);
}

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(search);
  const [section, id, action] = parts;
  if (section === 'interviews' && id === 'new') return { view: 'new-interview' };
  if (section === 'interviews' && id && action === 'edit') return { view: 'edit-interview', id };
  if (section === 'interviews' && id && (action === 'results' || action === 'reliability'))
    return { view: action, id };
  if (section === 'interviews' && id && (action === 'fairness' || action === 'calibration'))
    return { view: action, id };
  if (section === 'by-question' && id)
    return { view: 'by-question', interviewId: id, questionId: action };
  if (section === 'interviews' && id) return { view: 'interview', id };
  if (section === 'review' && id)
    return { view: 'review', invitationId: id, status: statusParam(query) };
  if (section === 'review') {
    return {
      view: 'queue',
      interviewId: query.get('interview') ?? undefined,
      status: statusParam(query),
    };
  }
  if (section === 'users') return { view: 'users' };
  if (section === 'integrations') return { view: 'integrations' };
  if (section === 'account') return { view: 'account' };
  if (section === 'audit')
    return { view: 'audit', invitationId: query.get('candidate') ?? undefined };
  return { view: 'interviews' };
}

/** Links to screens, built in one place so they always parse back. */
export const href = {
  interviews: () => '#/interviews',
  newInterview: () => '#/interviews/new',
  interview: (id: string) => `#/interviews/${encodeURIComponent(id)}`,
  editInterview: (id: string) => `#/interviews/${encodeURIComponent(id)}/edit`,
  queue: (filter: { interviewId?: string; status?: InvitationStatus } = {}) => {
    const query = new URLSearchParams();
    if (filter.interviewId) query.set('interview', filter.interviewId);
    if (filter.status) query.set('status', filter.status);
    const search = query.toString();
    return `#/review${search ? `?${search}` : ''}`;
  },
  review: (invitationId: string, status?: InvitationStatus) =>
    `#/review/${encodeURIComponent(invitationId)}${status && status !== 'completed' ? `?status=${status}` : ''}`,
  users: () => '#/users',
  integrations: () => '#/integrations',
  account: () => '#/account',
  audit: (invitationId?: string) =>
    invitationId ? `#/audit?candidate=${encodeURIComponent(invitationId)}` : '#/audit',
  byQuestion: (interviewId: string, questionId?: string) =>
    `#/by-question/${encodeURIComponent(interviewId)}${questionId ? `/${encodeURIComponent(questionId)}` : ''}`,
  results: (id: string) => `#/interviews/${encodeURIComponent(id)}/results`,
  reliability: (id: string) => `#/interviews/${encodeURIComponent(id)}/reliability`,
  fairness: (id: string) => `#/interviews/${encodeURIComponent(id)}/fairness`,
  calibration: (id: string) => `#/interviews/${encodeURIComponent(id)}/calibration`,
};

/** The current route; the host re-renders when the hash changes. */
export class RouteController implements ReactiveController {
  route: Route = parseRoute(location.hash);

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  #onHashChange = () => {
    this.route = parseRoute(location.hash);
    this.host.requestUpdate();
  };

  hostConnected(): void {
    window.addEventListener('hashchange', this.#onHashChange);
    this.#onHashChange();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.#onHashChange);
  }
}

export function navigate(hash: string): void {
  location.hash = hash;
}
