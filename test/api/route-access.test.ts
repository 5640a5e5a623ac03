/**
 * Issue 19: every route × every kind of caller, generated from the Express router itself, so
 * that a route added later without the interview rule fails here. Interview-scoped routes (an
 * `:id`/`:answerId` naming an interview, invitation, answer or share) follow one rule; every
 * other route must be listed in OTHER_ROUTES with who may use it, or this test fails.
 */
import assert from 'node:assert/strict';
import { buildApp } from '../../server/app.js';
import {
  type Api,
  createInterview,
  invite,
  inviteOne,
  login,
  recordAnswer,
  waitForAnswer,
} from '../helpers/api.js';
import { BOTH_SETUPS, startTestServer, type TestServer } from '../helpers/test-server.js';
import { CLIP_MIME, clipChunks, staffUser } from './support.js';
import { addMembers, userIdOf } from './teams-support.js';

const ACTORS = [
  'admin',
  'member recruiter',
  'non-member recruiter',
  'non-member reviewer',
  'member reviewer',
  'candidate',
  'guest',
  'no token',
] as const;
type Actor = (typeof ACTORS)[number];
const STAFF: Actor[] = ACTORS.slice(0, 5);

/** What an interview-scoped route needs: any member (review) or a recruiter member (manage). */
const SCOPED: Record<string, 'review' | 'manage' | 'admin'> = {
  'GET /interviews/:id': 'review',
  'PATCH /interviews/:id': 'manage',
  'GET /interviews/:id/stats': 'review',
  'POST /interviews/:id/invitations': 'manage',
  'GET /interviews/:id/invitations': 'manage',
  'GET /interviews/:id/members': 'manage',
  'PUT /interviews/:id/members': 'manage',
  'GET /interviews/:id/results': 'manage',
  'GET /interviews/:id/reliability': 'manage',
  'GET /interviews/:id/ratings.csv': 'manage',
  'GET /review/by-question': 'review',
  'GET /answers/:answerId': 'review',
  'PUT /answers/:answerId/ratings/me': 'review',
  'GET /answers/:answerId/ratings': 'review',
  'PUT /invitations/:id/decision': 'manage',
  'POST /invitations/:id/link': 'manage',
  'GET /invitations/:id/feedback': 'manage',
  'PUT /invitations/:id/feedback': 'manage',
  'POST /invitations/:id/feedback/release': 'manage',
  'POST /invitations/:id/shares': 'manage',
  'GET /invitations/:id/shares': 'manage',
  'GET /invitations/:id/guest-ratings': 'manage',
  'DELETE /shares/:id': 'manage',
  'DELETE /invitations/:id': 'admin',
  // Issue 22 (fairness, calibration), routed through the same rule.
  'GET /interviews/:id/adverse-impact': 'admin',
  'PUT /invitations/:id/reference': 'manage',
  'PUT /answers/:id/expert-score': 'manage',
  'GET /review/calibration': 'review',
  'GET /interviews/:id/my-ratings': 'manage',
  'GET /interviews/:id/calibration': 'manage',
};

/** Routes about no one interview, with who may use them (others: 401 or 403 as noted). */
type Rule =
  | 'public'
  | 'signed-link'
  | 'staff'
  | 'signed-in'
  | 'organisers'
  | 'admin'
  | 'admin-resource'
  | 'candidate'
  | 'guest';
const OTHER_ROUTES: Record<string, Rule> = {
  'GET /health': 'public',
  'POST /auth/login': 'public',
  'POST /auth/logout': 'signed-in',
  'GET /me': 'signed-in',
  'POST /me/password': 'signed-in',
  'POST /users': 'admin',
  'GET /users': 'admin',
  'PATCH /users/:id': 'admin',
  'POST /users/:id/password-reset': 'admin',
  'GET /audit': 'admin',
  'POST /interviews': 'organisers',
  'GET /interviews': 'staff', // lists only what the caller may see (test/api/teams.test.ts)
  'GET /review/queue': 'staff', // idem
  'GET /competency-library': 'staff',
  // Issue 21: many invitations at once; each item passes the same rule as its single-item
  // route (a 404 or 403 item for what the caller may not manage: test/api/cities.test.ts).
  'PUT /invitations/decisions': 'staff',
  'POST /invitations/feedback/release': 'staff',
  'POST /candidate/erase': 'candidate',
  'GET /candidate/export': 'candidate',
  'GET /candidate/privacy': 'candidate',
  'POST /candidate/consent': 'candidate',
  'GET /candidate/session': 'candidate',
  'POST /candidate/answers': 'candidate',
  'GET /candidate/answers/:answerId': 'candidate',
  'PUT /candidate/answers/:answerId/chunks/:index': 'candidate',
  'POST /candidate/answers/:answerId/complete': 'candidate',
  'POST /candidate/answers/:answerId/abandon': 'candidate',
  'POST /candidate/answers/:answerId/discard': 'candidate',
  'POST /candidate/upload-test': 'candidate',
  'POST /candidate/finish': 'candidate',
  'GET /candidate/feedback': 'candidate',
  'POST /candidate/accommodations': 'candidate',
  'GET /installation': 'signed-in',
  // Issue 23: integrations, admin only (the ids here name nothing: 404 for the admin is fine).
  'POST /api-keys': 'admin',
  'GET /api-keys': 'admin',
  'DELETE /api-keys/:id': 'admin-resource',
  'POST /webhooks': 'admin',
  'GET /webhooks': 'admin',
  'PATCH /webhooks/:id': 'admin-resource',
  'DELETE /webhooks/:id': 'admin-resource',
  'GET /webhooks/:id/deliveries': 'admin-resource',
  'POST /webhooks/:id/deliveries/:deliveryId/retry': 'admin-resource',
  'GET /openapi.json': 'public',
  'GET /reference': 'public',
  'GET /favicon.svg,/favicon.ico': 'public',
  'GET /fairness/self-id': 'admin',
  'PUT /fairness/self-id': 'admin',
  'GET /candidate/self-id': 'candidate',
  'PUT /candidate/self-id': 'candidate',
  'GET /guest/session': 'guest',
  'PUT /guest/answers/:answerId/rating': 'guest',
  'GET /public/programmes/:slug': 'public',
  'POST /public/programmes/:slug/applications': 'public',
  // Outside /api/v1: pages and signed media links (a media URL is only ever handed out by
  // the guarded routes above, and expires).
  'GET /media/*key': 'signed-link', // without a valid signature: 404 for everyone
  'GET /i/:token': 'public',
  'GET /s/:token': 'public',
  'GET /apply/:slug': 'public',
  'GET /': 'public',
};

/** Requests that end a token or remove what others use: run last, each on a fresh target. */
const DESTRUCTIVE = new Set([
  'DELETE /invitations/:id',
  'DELETE /shares/:id',
  'POST /candidate/erase',
  'POST /auth/logout',
]);

interface Route {
  method: string;
  path: string; // without /api/v1
  api: boolean;
}

/** Every route of the app, from Express's own router (nested routers included). */
function routesOf(app: any): Route[] {
  const routes: Route[] = [];
  const walk = (stack: any[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          const full = `${prefix}${layer.route.path}`;
          const api = full.startsWith('/api/v1/');
          routes.push({ method: method.toUpperCase(), path: api ? full.slice(7) : full, api });
        }
      } else if (layer.handle?.stack) {
        walk(
          layer.handle.stack,
          prefix + (layer.rawPath && layer.rawPath !== '/' ? layer.rawPath : ''),
        );
      }
    }
  };
  walk(app.router.stack, '');
  return routes;
}

/** What a status says about access: refused (401, 403, 404) or let through (anything else). */
function classOf(status: number): string {
  return status === 401 || status === 403 || status === 404 ? String(status) : 'ok';
}

function expected(key: string, actor: Actor): string {
  const scoped = SCOPED[key];
  if (scoped) {
    if (!STAFF.includes(actor)) return '401';
    if (actor === 'admin') return 'ok';
    // Admin-only whatever the team: refused by role, which says nothing about what exists.
    if (scoped === 'admin') return '403';
    if (actor.startsWith('non-member')) return '404';
    if (actor === 'member reviewer' && scoped === 'manage') return '403';
    return 'ok';
  }
  const rule = OTHER_ROUTES[key]!;
  switch (rule) {
    case 'public':
      return 'ok';
    case 'signed-link':
      return '404';
    case 'staff':
    case 'signed-in':
      return STAFF.includes(actor) ? 'ok' : '401';
    case 'organisers':
      return !STAFF.includes(actor) ? '401' : actor.includes('reviewer') ? '403' : 'ok';
    case 'admin':
      return !STAFF.includes(actor) ? '401' : actor === 'admin' ? 'ok' : '403';
    case 'admin-resource':
      return !STAFF.includes(actor) ? '401' : actor === 'admin' ? 'ok|404' : '403';
    case 'candidate':
      // A candidate asking for an answer that is not theirs (or feedback not released) may
      // get 404: what matters here is that nobody else gets past 401.
      return actor === 'candidate' ? 'ok|404' : '401';
    case 'guest':
      // A share token is checked as one: a staff or candidate token is no share (404).
      return actor === 'guest' ? 'ok' : actor === 'no token' ? '401' : '404';
  }
}

for (const setup of BOTH_SETUPS) {
  describe(`Route × actor access matrix, generated from the router (${setup.database})`, function () {
    this.timeout(180_000);
    let server: TestServer;
    let routes: Route[];
    const tokens = new Map<Actor, string | undefined>();
    let fixture: {
      interviewId: string;
      questionId: string;
      invitationId: string;
      answerId: string;
      shareId: string;
      userId: string;
      slug: string;
    };
    let admin: Api;
    let recruiter: Api;

    before(async () => {
      server = await startTestServer(setup);
      routes = routesOf(buildApp(server.deps));
      admin = await login(server.url);
      recruiter = await staffUser(admin, 'recruiter', 'member');
      const outsiderRecruiter = await staffUser(admin, 'recruiter', 'outsider');
      const outsiderReviewer = await staffUser(admin, 'reviewer', 'outsider');
      const reviewer = await staffUser(admin, 'reviewer', 'member');
      const slug = `matrix-${setup.database}-${process.pid}`;
      const interview = await createInterview(recruiter, {
        public: { enabled: true, slug, locations: [], eligibility: [] },
      });
      await addMembers(recruiter, interview.id, [{ staff: reviewer, role: 'reviewer' }]);
      const { invitation, candidate } = await inviteOne(recruiter, interview.id);
      const chunks = await clipChunks(2);
      const answers = [];
      for (const q of interview.questions)
        answers.push(await recordAnswer(candidate, q.id, CLIP_MIME, chunks));
      for (const a of answers) await waitForAnswer(candidate, a.id);
      const answer = answers[0]!;
      assert.equal((await candidate.post('/candidate/finish')).status, 200);
      const share = await recruiter.post(`/invitations/${invitation.id}/shares`, {
        recipientName: 'Guest',
      });
      assert.equal(share.status, 201, JSON.stringify(share.body));
      const [pending] = await invite(recruiter, interview.id, 1);
      fixture = {
        interviewId: interview.id,
        questionId: interview.questions[0]!.id,
        invitationId: invitation.id,
        answerId: answer.id,
        shareId: share.body.id,
        // Someone the admin-only user routes can act on without ending a matrix token.
        userId: await userIdOf(await staffUser(admin, 'reviewer', 'bystander')),
        slug,
      };
      tokens.set('admin', admin.token);
      tokens.set('member recruiter', recruiter.token);
      tokens.set('non-member recruiter', outsiderRecruiter.token);
      tokens.set('non-member reviewer', outsiderReviewer.token);
      tokens.set('member reviewer', reviewer.token);
      tokens.set('candidate', pending!.candidate.token);
      tokens.set('guest', share.body.url.slice(share.body.url.lastIndexOf('/s/') + 3));
      tokens.set('no token', undefined);
    });
    after(() => server?.stop());

    /** The target of a destructive request: made afresh so every actor finds one to act on. */
    async function freshIds(key: string): Promise<Partial<typeof fixture> & { token?: string }> {
      if (key === 'DELETE /shares/:id') {
        const res = await recruiter.post(`/invitations/${fixture.invitationId}/shares`, {
          recipientName: 'Another',
        });
        return { shareId: res.body.id };
      }
      if (key === 'DELETE /invitations/:id' || key === 'POST /candidate/erase') {
        const { invitation, candidate } = await inviteOne(recruiter, fixture.interviewId);
        return { invitationId: invitation.id, token: candidate.token };
      }
      return {};
    }

    function pathFor(route: Route, ids: typeof fixture): string {
      const key = `${route.method} ${route.path}`;
      let path = route.path
        .split(',')[0]!
        .replace(':answerId', ids.answerId)
        .replace('/answers/:id', `/answers/${ids.answerId}`)
        .replace(':index', '0')
        .replace(':slug', ids.slug)
        .replace(':token', 'x'.repeat(43))
        .replace('*key', 'answers/x/video.mp4');
      if (path.startsWith('/interviews/:id')) path = path.replace(':id', ids.interviewId);
      if (path.startsWith('/invitations/:id')) path = path.replace(':id', ids.invitationId);
      if (path.startsWith('/shares/:id')) path = path.replace(':id', ids.shareId);
      if (path.startsWith('/users/:id')) path = path.replace(':id', ids.userId);
      if (key === 'GET /review/by-question' || key === 'GET /review/calibration')
        path += `?interviewId=${ids.interviewId}&questionId=${ids.questionId}`;
      return path;
    }

    it('covers every route: interview-scoped ones follow the rule, the others are listed', async () => {
      const keyOf = (r: Route) => `${r.method} ${r.path}`;
      const unknown = routes.map(keyOf).filter((k) => !SCOPED[k] && !OTHER_ROUTES[k]);
      assert.deepEqual(unknown, [], 'routes with no access rule in this test: add one');
      const ordered = [
        ...routes.filter((r) => !DESTRUCTIVE.has(keyOf(r))),
        ...routes.filter((r) => DESTRUCTIVE.has(keyOf(r)) && keyOf(r) !== 'POST /auth/logout'),
        ...routes.filter((r) => keyOf(r) === 'POST /auth/logout'),
      ];
      const rows: string[] = [];
      const wrong: string[] = [];
      for (const route of ordered) {
        const key = keyOf(route);
        const cells: string[] = [];
        for (const actor of ACTORS) {
          const fresh = DESTRUCTIVE.has(key) ? await freshIds(key) : {};
          const ids = { ...fixture, ...fresh };
          let token = tokens.get(actor);
          if (actor === 'candidate' && fresh.token) token = fresh.token;
          const url = `${server.url}${route.api ? '/api/v1' : ''}${pathFor(route, ids)}`;
          const res = await fetch(url, {
            method: route.method,
            headers: {
              ...(token ? { authorization: `Bearer ${token}` } : {}),
              'content-type': 'application/json',
            },
            body: route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}',
          });
          await res.arrayBuffer();
          assert.ok(res.status < 500, `${key} as ${actor}: ${res.status}`);
          const got = classOf(res.status);
          const want = expected(key, actor);
          const fine = want.split('|').includes(got);
          cells.push(fine ? got : `${got}≠${want}`);
          if (!fine) wrong.push(`${key} as ${actor}: got ${res.status}, expected ${want}`);
        }
        rows.push(`${key.padEnd(52)} ${cells.map((c) => c.padEnd(8)).join(' ')}`);
      }
      if (process.env.PRINT_MATRIX) {
        console.log(`${''.padEnd(52)} ${ACTORS.map((a) => a.slice(0, 8).padEnd(8)).join(' ')}`);
        console.log(rows.join('\n'));
      }
      assert.deepEqual(wrong, []);
    });
  });
}
