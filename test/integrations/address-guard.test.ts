import assert from 'node:assert/strict';
import { guardedAgent, isPublicAddress } from '../../server/domain/webhooks/address-guard.js';
import { sendWebhookMessage } from '../../server/domain/webhooks/send-message.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';

const SECRET = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;

describe('webhook sending refuses addresses inside the network', () => {
  let receiver: WebhookReceiver;
  before(async () => {
    receiver = new WebhookReceiver();
    await receiver.start();
  });
  after(() => receiver.stop());

  it('knows which addresses are public', () => {
    for (const a of ['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111'])
      assert.equal(isPublicAddress(a), true, a);
    for (const a of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '224.0.0.1',
      'not an address',
    ])
      assert.equal(isPublicAddress(a), false, a);
  });

  for (const host of ['127.0.0.1', 'localhost']) {
    it(`does not deliver to http://${host} (a name is checked at connect time)`, async () => {
      const agent = guardedAgent({ allowPrivate: false, connections: 1 });
      const outcome = await sendWebhookMessage(
        agent,
        { id: 'msg_1', url: `http://${host}:${receiver.port}/x`, secret: SECRET, body: '{}' },
        false,
      );
      await agent.close();
      assert.equal(outcome.delivered, false);
      assert.equal(outcome.responseStatus, null);
      assert.match(outcome.error ?? '', /not public/);
      assert.equal(receiver.received.length, 0, 'the receiver got nothing');
    });
  }

  it('delivers there when private addresses are allowed (WEBHOOK_ALLOW_PRIVATE)', async () => {
    const agent = guardedAgent({ allowPrivate: true, connections: 1 });
    const outcome = await sendWebhookMessage(
      agent,
      { id: 'msg_2', url: `http://localhost:${receiver.port}/x`, secret: SECRET, body: '{}' },
      true,
    );
    await agent.close();
    assert.deepEqual(outcome, { delivered: true, responseStatus: 204, error: null });
    assert.equal(receiver.received.length, 1);
  });
});
