import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { expectInvalid, expectProblem, staffUser } from '../api/support.js';
import { type Api, createInterview, invite, inviteOne, login } from '../helpers/api.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';

const ALL_EVENTS = [
  'invitation.created',
  'invitation.started',
  'invitation.completed',
  'answer.ready',
  'answer.failed',
  'rating.saved',
  'decision.saved',
  'feedback.released',
  'candidate.erased',
];

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

for (const database of ['sqlite', 'postgres'] as const) {
  describe(`webhooks (${database})`, function () {
    this.timeout(120_000);
    let server: TestServer;
    let admin: Api;
    let receiver: WebhookReceiver;
    let receiverUrl: string;

    before(async () => {
      server = await startTestServer({
        database,
        // Tests deliver to a receiver on 127.0.0.1, and shorten the waits between tries.
        env: { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_SECONDS: '0.2,0.2,0.2' },
      });
      admin = await login(server.url);
    });
    after(() => server?.stop());
    beforeEach(async () => {
      receiver = new WebhookReceiver();
      receiverUrl = `${await receiver.start()}/hooks`;
    });
    afterEach(async () => {
      // Each test's endpoints go, so the next test's events reach only its own receiver.
      for (const hook of (await admin.get('/webhooks')).body.items)
        await admin.request('DELETE', `/webhooks/${hook.id}`);
      await receiver.stop();
    });

    async function subscribe(events = ALL_EVENTS) {
      const res = await admin.post('/webhooks', { url: receiverUrl, events });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body;
    }

    it('signs each event per Standard Webhooks: ids only, verified with the secret shown once', async () => {
      const created = await subscribe(['invitation.created']);
      assert.match(created.secret, /^whsec_[A-Za-z0-9+/]{32}$/);
      assert.equal(created.enabled, true);
      assert.deepEqual(created.events, ['invitation.created']);
      const listed = (await admin.get('/webhooks')).body.items;
      assert.equal(listed.length, 1);
      assert.equal(listed[0].secret, undefined, 'the secret is shown only by create');

      const interview = await createInterview(admin);
      const { invitation } = await inviteOne(admin, interview.id);
      await receiver.waitFor(1);
      const [request] = receiver.received;
      const payload = new Webhook(created.secret).verify(request!.body, request!.headers) as any;
      assert.equal(payload.type, 'invitation.created');
      assert.match(payload.timestamp, /^\d{4}-\d\d-\d\dT/);
      assert.deepEqual(payload.data, { interviewId: interview.id, invitationId: invitation.id });
      assert.doesNotMatch(request!.body, /Candidate 1|@example\.test/, 'no name or email');
      assert.match(request!.headers['webhook-id']!, /^msg_/);
      assert.match(request!.headers['webhook-timestamp']!, /^\d{10}$/);
      assert.throws(
        () => new Webhook(created.secret).verify(`${request!.body} `, request!.headers),
        'a changed body fails verification',
      );
    });

    it('retries a failed delivery with the same webhook-id, and lists each attempt', async () => {
      const hook = await subscribe(['invitation.created']);
      receiver.respond = (_req, index) => (index < 2 ? 500 : 200);
      const interview = await createInterview(admin);
      await inviteOne(admin, interview.id);
      await receiver.waitFor(3);
      const ids = receiver.received.map((r) => r.headers['webhook-id']);
      assert.equal(new Set(ids).size, 1, `one message, three attempts: ${ids}`);
      for (const r of receiver.received) new Webhook(hook.secret).verify(r.body, r.headers);

      const items = await until('three attempts listed', async () => {
        const res = await admin.get(`/webhooks/${hook.id}/deliveries`);
        assert.equal(res.status, 200);
        const made = res.body.items.filter((d: any) => d.status !== 'pending');
        return made.length === 3 ? made : undefined;
      });
      assert.deepEqual(
        items.map((d: any) => [d.attempt, d.status, d.responseStatus, d.messageId]).reverse(),
        [
          [1, 'failed', 500, ids[0]],
          [2, 'failed', 500, ids[0]],
          [3, 'delivered', 200, ids[0]],
        ],
      );

      // A manual retry sends the same message again, with the same id.
      const retried = await admin.post(`/webhooks/${hook.id}/deliveries/${items[0].id}/retry`);
      assert.equal(retried.status, 202);
      await receiver.waitFor(4);
      assert.equal(receiver.received[3]!.headers['webhook-id'], ids[0]);
      const unknown = await admin.post(`/webhooks/${hook.id}/deliveries/nope/retry`);
      expectProblem(unknown, 404, 'not_found');
    });

    it('gives up after the last retry: the message is failed', async () => {
      const hook = await subscribe(['invitation.created']);
      receiver.respond = () => 503;
      const interview = await createInterview(admin);
      await inviteOne(admin, interview.id);
      await receiver.waitFor(4); // 1 + three retries (WEBHOOK_RETRY_SECONDS has three waits)
      const items = await until('the fourth attempt recorded', async () => {
        const list = (await admin.get(`/webhooks/${hook.id}/deliveries`)).body.items;
        return list.length === 4 && list.every((d: any) => d.status === 'failed')
          ? list
          : undefined;
      });
      assert.deepEqual(
        items.map((d: any) => d.attempt),
        [4, 3, 2, 1],
      );
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(receiver.received.length, 4, 'no fifth attempt');
    });

    it('disables the endpoint when the receiver answers 410 Gone', async () => {
      const hook = await subscribe(['invitation.created']);
      receiver.respond = () => 410;
      const interview = await createInterview(admin);
      await inviteOne(admin, interview.id);
      const disabled = await until('the endpoint disabled', async () => {
        const got = (await admin.get('/webhooks')).body.items[0];
        return got.enabled === false ? got : undefined;
      });
      assert.equal(disabled.id, hook.id);
      await inviteOne(admin, interview.id);
      await new Promise((r) => setTimeout(r, 600));
      assert.equal(receiver.received.length, 1, 'nothing more is sent to a disabled endpoint');

      // Enabled again by an admin, it receives new events.
      receiver.respond = () => 200;
      const patched = await admin.request('PATCH', `/webhooks/${hook.id}`, { enabled: true });
      assert.equal(patched.status, 200);
      assert.equal(patched.body.enabled, true);
      await inviteOne(admin, interview.id);
      await until('a delivery after re-enabling', async () =>
        receiver.received.some((_r, i) => i > 0) ? true : undefined,
      );
    });

    it('never makes an API call wait for a slow receiver', async () => {
      await subscribe(['invitation.created']);
      let release!: () => void;
      const held = new Promise<void>((r) => {
        release = r;
      });
      receiver.respond = async () => {
        await held; // a receiver that takes its time (released at the end of the test)
        return 200;
      };
      const interview = await createInterview(admin);
      await inviteOne(admin, interview.id);
      await until('the receiver holding a request', async () =>
        receiver.inFlight > 0 ? true : undefined,
      );
      // While the receiver holds the delivery, the API answers calls that emit more events.
      const more = await invite(admin, interview.id, 3);
      assert.equal(more.length, 3);
      assert.equal((await admin.get(`/interviews/${interview.id}/invitations`)).status, 200);
      assert.ok(receiver.inFlight > 0, 'the slow delivery is still waiting for its answer');
      release();
      await receiver.waitFor(4);
    });

    it('carries the whole life of an invitation as events, with ids only', async () => {
      await subscribe();
      const interview = await createInterview(admin);
      const { invitation, candidate } = await inviteOne(admin, interview.id);
      assert.equal((await candidate.get('/candidate/session')).status, 200);
      const decided = await admin.put(`/invitations/${invitation.id}/decision`, {
        outcome: 'advance',
      });
      assert.equal(decided.status, 200, JSON.stringify(decided.body));
      assert.equal((await admin.request('DELETE', `/invitations/${invitation.id}`)).status, 204);
      await until('four events', async () => (receiver.received.length >= 4 ? true : undefined));
      const events = receiver.events();
      assert.deepEqual(
        events.map((e) => e.body.type),
        ['invitation.created', 'invitation.started', 'decision.saved', 'candidate.erased'],
      );
      const base = { interviewId: interview.id, invitationId: invitation.id };
      assert.deepEqual(events[0]!.body.data, base);
      assert.deepEqual(events[2]!.body.data, { ...base, outcome: 'advance' });
      assert.deepEqual(events[3]!.body.data, base);
    });

    it('is for admins, and validates what it is given', async () => {
      const recruiter = await staffUser(admin, 'recruiter');
      expectProblem(
        await recruiter.post('/webhooks', { url: receiverUrl, events: ['answer.ready'] }),
        403,
        'forbidden',
      );
      expectInvalid(
        await admin.post('/webhooks', { url: 'ftp://example.com/x', events: ['nope'] }),
        'url',
        'events.0',
      );
      expectInvalid(await admin.post('/webhooks', { url: receiverUrl, events: [] }), 'events');
      expectProblem(
        await admin.request('PATCH', '/webhooks/nope', { enabled: false }),
        404,
        'not_found',
      );
      expectProblem(await admin.get('/webhooks/nope/deliveries'), 404, 'not_found');
      expectProblem(await admin.request('DELETE', '/webhooks/nope'), 404, 'not_found');
      assert.equal((await admin.get('/webhooks')).body.items.length, 0, 'nothing was created');
    });
  });
}

describe('webhook URLs that point inside the network', function () {
  this.timeout(60_000);
  let server: TestServer;
  let admin: Api;

  before(async () => {
    // No WEBHOOK_ALLOW_PRIVATE: the production default.
    server = await startTestServer();
    admin = await login(server.url);
  });
  after(() => server?.stop());

  for (const url of [
    'http://127.0.0.1:9/x',
    'http://localhost/x',
    'http://10.1.2.3/x',
    'http://192.168.0.10/x',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/x',
    'http://[::ffff:127.0.0.1]/x',
    'http://100.64.0.1/x',
  ]) {
    it(`refuses ${url}`, async () => {
      const res = await admin.post('/webhooks', { url, events: ['answer.ready'] });
      expectProblem(res, 400, 'url_refused');
    });
  }

  it('refuses a change of URL to such an address too, and changes nothing', async () => {
    // A public address literal: accepted without any lookup (nothing is sent in this test).
    const created = await admin.post('/webhooks', {
      url: 'http://93.184.215.14/hooks',
      events: ['answer.ready'],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const res = await admin.request('PATCH', `/webhooks/${created.body.id}`, {
      url: 'http://127.0.0.1/x',
    });
    expectProblem(res, 400, 'url_refused');
    const [kept] = (await admin.get('/webhooks')).body.items;
    assert.equal(kept.url, 'http://93.184.215.14/hooks');
  });
});
