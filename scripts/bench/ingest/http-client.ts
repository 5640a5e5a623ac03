import http from 'node:http';

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: Buffer;
  /** A keep-alive agent; one per simulated recorder gives it its own connection, like a browser. */
  agent?: http.Agent;
  timeoutMs?: number;
}

/**
 * node:http rather than fetch: with a prebuilt Buffer body it costs the generator a fraction of
 * the CPU that fetch's stream machinery does, and the generator shares two cores with the server.
 */
export function httpRequest(request: HttpRequest): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...request.headers };
    if (request.body) headers['content-length'] = request.body.length;
    const outgoing = http.request(
      request.url,
      { method: request.method, headers, agent: request.agent },
      (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(parts).toString('utf8'),
          }),
        );
      },
    );
    outgoing.setTimeout(request.timeoutMs ?? 30_000, () =>
      outgoing.destroy(new Error(`timed out after ${request.timeoutMs ?? 30_000} ms`)),
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

/** A keep-alive agent holding at most one socket: one recorder, one connection. */
export function recorderAgent(): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: 1 });
}

/** JSON in, JSON out, throwing on any status other than the expected one. */
export async function jsonRequest<T>(
  method: string,
  url: string,
  options: { token?: string; body?: unknown; expect?: number; agent?: http.Agent } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: Buffer | undefined;
  if (options.body !== undefined) {
    body = Buffer.from(JSON.stringify(options.body));
    headers['content-type'] = 'application/json';
  }
  const response = await httpRequest({ method, url, headers, body, agent: options.agent });
  const expected = options.expect ?? 200;
  if (response.status !== expected) {
    throw new Error(`${method} ${new URL(url).pathname}: ${response.status} ${response.body}`);
  }
  return JSON.parse(response.body) as T;
}
