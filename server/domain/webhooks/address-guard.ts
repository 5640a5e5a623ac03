import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent } from 'undici';

/**
 * SSRF guard for webhook URLs: a receiver must be a public address. The host is resolved, every
 * answer is checked, and the connection goes to the very address that was checked (the agent's
 * own `lookup`), so a DNS answer that changes between check and connect (rebinding) cannot
 * redirect a delivery to the inside of the network.
 */
export class RefusedAddressError extends Error {
  constructor(readonly host: string) {
    super(`${host} resolves to an address that is not public (loopback, private or link-local).`);
    this.name = 'RefusedAddressError';
  }
}

/** Only plain public unicast is allowed: loopback, private, link-local, CGNAT, multicast… are not. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // ::ffff:10.0.0.1 is 10.0.0.1.
  const parsed = ipaddr.process(address);
  return parsed.range() === 'unicast';
}

/** The addresses `host` resolves to, refused unless all are public (or `allowPrivate`). */
export async function checkedAddresses(
  host: string,
  allowPrivate: boolean,
): Promise<{ address: string; family: number }[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  const answers = ipaddr.isValid(bare)
    ? [{ address: bare, family: ipaddr.parse(bare).kind() === 'ipv6' ? 6 : 4 }]
    : await dnsLookup(bare, { all: true, verbatim: true });
  if (answers.length === 0) throw new RefusedAddressError(host);
  if (!allowPrivate && answers.some((a) => !isPublicAddress(a.address)))
    throw new RefusedAddressError(host);
  return answers;
}

/** Checks a URL's host as `POST /webhooks` does; throws RefusedAddressError. */
export async function assertPublicUrl(url: string, allowPrivate: boolean): Promise<void> {
  await checkedAddresses(new URL(url).hostname, allowPrivate);
}

/**
 * An undici dispatcher whose every connection resolves and checks its host itself and then
 * connects to the checked address. TLS still verifies the certificate against the host name.
 */
export function guardedAgent(options: { allowPrivate: boolean; connections: number }): Agent {
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    checkedAddresses(hostname, options.allowPrivate).then(
      (answers) => {
        if ((lookupOptions as { all?: boolean }).all)
          (callback as (err: null, a: typeof answers) => void)(null, answers);
        else callback(null, answers[0]!.address, answers[0]!.family);
      },
      (err: Error) => callback(err as NodeJS.ErrnoException, '', 0),
    );
  };
  return new Agent({
    connect: { lookup, timeout: 10_000 },
    connections: options.connections,
    // A receiver may keep us waiting at most 15 s for its answer (the contract's limit).
    headersTimeout: 15_000,
    bodyTimeout: 15_000,
    keepAliveTimeout: 10_000,
  });
}
