import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { type Api, Api as Client, createInterview, inviteOne, login } from '../../helpers/api.js';
import {
  launchBrowser,
  PHONE,
  seriousAxeViolations,
  type TestBrowser,
} from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { WebhookReceiver } from '../../helpers/webhook-receiver.js';
import { fitsViewport, signIn } from './support.js';

describe('workspace: integrations (API keys and webhooks) on a phone', function () {
  this.timeout(180_000);
  let server: TestServer;
  let browser: TestBrowser;
  let page: Page;
  let admin: Api;
  let receiver: WebhookReceiver;
  const axe: Record<string, unknown[]> = {};
  const nativeDialogs: string[] = [];

  before(async () => {
    receiver = new WebhookReceiver();
    await receiver.start();
    server = await startTestServer({ env: { WEBHOOK_ALLOW_PRIVATE: 'true' } });
    admin = await login(server.url);
    browser = await launchBrowser(PHONE);
    page = await browser.newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
    // Issue 21: every "are you sure?" is in the page, translated and styled: never the browser's.
    page.on('dialog', (dialog) => {
      nativeDialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await receiver?.stop();
  });

  const checkAxe = async (name: string) => {
    axe[name] = await seriousAxeViolations(page);
    assert.ok(await fitsViewport(page), `${name}: fits a 360 px screen`);
  };

  it('creates a key shown once, subscribes a webhook, shows and retries its deliveries', async () => {
    await page.goto(`${server.url}/`);
    await signIn(page);
    await page.getByRole('link', { name: 'Integrations' }).click();
    await page.getByRole('heading', { name: 'Integrations', level: 1 }).waitFor();
    await checkAxe('empty');

    await page.getByLabel('Name').fill('Greenhouse');
    await page.getByLabel('Role').selectOption('reviewer');
    await page.getByRole('button', { name: 'Create key' }).click();
    const keyField = page.getByRole('textbox', { name: 'New key “Greenhouse”' });
    const key = await keyField.inputValue();
    assert.match(key, /^oik_/);
    assert.equal((await new Client(server.url, key).get('/me')).body.role, 'reviewer');
    await page.getByRole('button', { name: 'Copy' }).first().click();
    await checkAxe('key shown');

    await page.getByLabel('Receiver URL').fill(`http://127.0.0.1:${receiver.port}/hooks`);
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secret = await page.getByRole('textbox', { name: /^Signing secret for/ }).inputValue();
    assert.match(secret, /^whsec_/);
    await checkAxe('secret shown');

    const interview = await createInterview(admin);
    await inviteOne(admin, interview.id);
    await receiver.waitFor(1);
    await page.getByRole('button', { name: 'Deliveries' }).click();
    await page.getByText('Delivered (204)').first().waitFor();
    await checkAxe('deliveries');
    await page.getByRole('button', { name: 'Retry invitation.created' }).first().click();
    await receiver.waitFor(2);
    assert.equal(
      receiver.received[1]!.headers['webhook-id'],
      receiver.received[0]!.headers['webhook-id'],
    );

    await page.getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('button', { name: 'Enable' }).waitFor();
    await page.getByText(/^Disabled ·/).waitFor();
    assert.equal((await admin.get('/webhooks')).body.items[0].enabled, false);

    // Shown once: after a reload, neither secret is on the page any more.
    await page.reload();
    await page.getByRole('heading', { name: 'Integrations', level: 1 }).waitFor();
    await page.getByText('Greenhouse').first().waitFor();
    assert.equal(await page.getByText(key).count(), 0);
    await page.getByRole('button', { name: 'Revoke Greenhouse' }).click();
    const ask = page.getByRole('dialog');
    await ask.getByText('Anything using it is refused from now on.', { exact: false }).waitFor();
    await checkAxe('revoke confirmation');
    await ask.getByRole('button', { name: 'Revoke “Greenhouse”' }).click();
    await page.getByText('“Greenhouse” is revoked.').waitFor();
    assert.equal((await new Client(server.url, key).get('/me')).status, 401);
    await checkAxe('after revoke');

    // Cancel keeps the webhook; confirming deletes it.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    assert.equal((await admin.get('/webhooks')).body.items.length, 1);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await ask.getByRole('button', { name: 'Delete webhook' }).click();
    await page.getByText(/is deleted\.$/).waitFor();
    assert.equal((await admin.get('/webhooks')).body.items.length, 0);

    assert.deepEqual(Object.fromEntries(Object.entries(axe).filter(([, v]) => v.length > 0)), {});
    assert.deepEqual(nativeDialogs, [], 'no native confirm()');
  });
});
