import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * What a real S3 checks and s3rver does not: every request's AWS Signature Version 4, in its
 * Authorization header or, for a presigned URL, in its query (with its expiry). The gate sits in
 * front of s3rver, recomputes each signature with the AWS SDK's own signer from the secret key,
 * and answers 403 SignatureDoesNotMatch (or AccessDenied past a presigned URL's expiry) without
 * passing the request on. Everything else is piped to s3rver unchanged.
 */
export interface SigV4Gate {
  endpoint: string;
  /** Requests refused so far (a test that expects none can say so). */
  refused: { method: string; path: string; reason: string }[];
  close(): Promise<void>;
}

class Sha256 {
  readonly #hash;
  constructor(secret?: string | Uint8Array | ArrayBuffer | ArrayBufferView) {
    this.#hash = secret
      ? createHmac('sha256', Buffer.from(secret as Uint8Array))
      : createHash('sha256');
  }
  update(data: string | Uint8Array | ArrayBuffer | ArrayBufferView): void {
    this.#hash.update(typeof data === 'string' ? data : Buffer.from(data as Uint8Array));
  }
  async digest(): Promise<Uint8Array> {
    return this.#hash.digest();
  }
}

export async function startSigV4Gate(options: {
  upstream: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}): Promise<SigV4Gate> {
  const signer = new SignatureV4({
    service: 's3',
    region: options.region,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    sha256: Sha256,
    // S3 signs the path as sent, without encoding it a second time.
    uriEscapePath: false,
    applyChecksum: false,
  });
  const upstream = new URL(options.upstream);
  const refused: SigV4Gate['refused'] = [];

  const server = http.createServer((req, res) => {
    verify(signer, req, options.accessKeyId).then(
      (reason) => {
        if (reason) {
          refused.push({ method: req.method ?? '', path: req.url ?? '', reason });
          req.resume();
          const code = reason === 'expired' ? 'AccessDenied' : 'SignatureDoesNotMatch';
          res.writeHead(403, { 'content-type': 'application/xml' });
          res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code></Error>`);
          return;
        }
        const forward = http.request(
          {
            host: upstream.hostname,
            port: upstream.port,
            method: req.method,
            path: req.url,
            headers: req.headers,
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        forward.on('error', () => res.destroy());
        req.pipe(forward);
      },
      () => res.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    refused,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Why the request's signature is not acceptable, or null when it is. */
async function verify(
  signer: SignatureV4,
  req: http.IncomingMessage,
  accessKeyId: string,
): Promise<string | null> {
  const url = new URL(req.url ?? '/', 'http://gate');
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = value;
  const presigned = query['X-Amz-Signature'];
  if (presigned) return verifyPresigned(signer, req, url, query, accessKeyId);

  const auth =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/[^,]+, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
      req.headers.authorization ?? '',
    );
  if (!auth) return 'no signature';
  const [, keyId, signedHeaders, signature] = auth as unknown as [string, string, string, string];
  if (keyId !== accessKeyId) return 'unknown access key';
  const amzDate = header(req, 'x-amz-date');
  if (!amzDate) return 'no x-amz-date';
  const names = signedHeaders.split(';');
  const headers: Record<string, string> = {};
  for (const name of names) headers[name] = header(req, name) ?? '';
  const signed = await signer.sign(
    {
      method: req.method ?? 'GET',
      protocol: 'http:',
      hostname: 'gate',
      path: url.pathname,
      query,
      headers,
    },
    { signingDate: parseAmzDate(amzDate), signableHeaders: new Set(names) },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization))?.[1];
  return expected && same(expected, signature) ? null : 'signature does not match';
}

async function verifyPresigned(
  signer: SignatureV4,
  req: http.IncomingMessage,
  url: URL,
  query: Record<string, string>,
  accessKeyId: string,
): Promise<string | null> {
  const { 'X-Amz-Signature': given, ...unsigned } = query;
  if (!unsigned['X-Amz-Credential']?.startsWith(`${accessKeyId}/`)) return 'unknown access key';
  const amzDate = unsigned['X-Amz-Date'];
  const expiresIn = Number(unsigned['X-Amz-Expires']);
  if (!amzDate || !Number.isFinite(expiresIn)) return 'incomplete presigned query';
  const signingDate = parseAmzDate(amzDate);
  if (Date.now() > signingDate.getTime() + expiresIn * 1000) return 'expired';
  const names = (unsigned['X-Amz-SignedHeaders'] ?? 'host').split(';');
  const headers: Record<string, string> = {};
  for (const name of names) headers[name] = header(req, name) ?? '';
  // The signer adds its own parameters again; other X-Amz-* ones (the payload hash) were
  // headers hoisted into the query when the URL was signed, and are handed back as such.
  const rest: Record<string, string> = {};
  for (const [key, value] of Object.entries(unsigned)) {
    if (PRESIGN_PARAMETERS.has(key)) continue;
    if (key.startsWith('X-Amz-')) headers[key] = value;
    else rest[key] = value;
  }
  const signed = await signer.presign(
    {
      method: req.method ?? 'GET',
      protocol: 'http:',
      hostname: 'gate',
      path: url.pathname,
      query: rest,
      headers,
    },
    { signingDate, expiresIn, signableHeaders: new Set(names) },
  );
  const expected = String(signed.query?.['X-Amz-Signature'] ?? '');
  return same(expected, given ?? '') ? null : 'signature does not match';
}

const PRESIGN_PARAMETERS = new Set([
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Security-Token',
]);

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function parseAmzDate(value: string): Date {
  const m = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(value);
  if (!m) return new Date(Number.NaN);
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

function same(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
