import ipaddr from 'ipaddr.js';
import { Webhook } from 'standardwebhooks';
import { type Dispatcher, request } from 'undici';
import { checkedAddresses, RefusedAddressError } from './address-guard.js';

export interface SendOutcome {
  /** 2xx within the time limit. */
  delivered: boolean;
  /** The receiver's HTTP status, null when none came (refused address, timeout, reset…). */
  responseStatus: number | null;
  /** A short sentence for the operator when not delivered; never the receiver's body. */
  error: string | null;
}

/** The most of a receiver's answer that is read (and thrown away) before the socket is reused. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * One attempt of one message, signed per Standard Webhooks 1.0: `webhook-id` is the message's
 * id (the same on every attempt), `webhook-timestamp` this attempt's time, `webhook-signature`
 * `v1,` + base64 HMAC-SHA256 of `id.timestamp.body` keyed by the secret's bytes.
 */
export async function sendWebhookMessage(
  dispatcher: Dispatcher,
  message: { id: string; url: string; secret: string; body: string },
  allowPrivate: boolean,
): Promise<SendOutcome> {
  const now = new Date();
  const signature = new Webhook(message.secret).sign(message.id, now, message.body);
  try {
    const host = new URL(message.url).hostname.replace(/^\[|\]$/g, '');
    // A literal address never goes through the agent's lookup: check it here.
    if (ipaddr.isValid(host)) await checkedAddresses(host, allowPrivate);
    const response = await request(message.url, {
      method: 'POST',
      dispatcher,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'interviews-webhooks/1',
        'webhook-id': message.id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body: message.body,
      signal: AbortSignal.timeout(15_000),
    });
    await drain(response.body);
    const ok = response.statusCode >= 200 && response.statusCode < 300;
    return {
      delivered: ok,
      responseStatus: response.statusCode,
      error: ok ? null : `The receiver answered ${response.statusCode}.`,
    };
  } catch (err) {
    return { delivered: false, responseStatus: null, error: describe(err) };
  }
}

async function drain(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<void> {
  let read = 0;
  for await (const part of body) {
    read += part.length;
    if (read > MAX_RESPONSE_BYTES) {
      body.destroy();
      return;
    }
  }
}

function describe(err: unknown): string {
  if (err instanceof RefusedAddressError) return err.message;
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof RefusedAddressError) return cause.message;
  const name = (err as { name?: string }).name ?? '';
  const code = (err as { code?: string }).code ?? '';
  if (name === 'TimeoutError' || code.includes('TIMEOUT'))
    return 'The receiver did not answer within 15 s.';
  return `The receiver could not be reached (${code || name || 'network error'}).`;
}
