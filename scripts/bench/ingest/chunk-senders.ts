import type http from 'node:http';
import { httpRequest } from './http-client.js';
import { type ChunkPayload, MULTIPART_CONTENT_TYPE } from './payloads.js';
import type { RecorderTarget } from './types.js';

export type SendResult = { ok: true; offset: number } | { ok: false; error: string };

/** Sends chunk `index` of one recording, the way its protocol wants it. */
export interface ChunkSender {
  send(index: number): Promise<SendResult>;
}

export function chunkSender(
  target: RecorderTarget,
  agent: http.Agent,
  pool: ChunkPayload[],
): ChunkSender {
  return target.kind === 'api' ? apiSender(target, agent, pool) : tusSender(target, agent, pool);
}

function payloadFor(pool: ChunkPayload[], index: number): ChunkPayload {
  return pool[index % pool.length]!;
}

/**
 * How the API recorders send a chunk: as the body (`raw`, what the candidate page does) or as
 * the contract's multipart form. Set by ingest.ts --chunk-body for its generator processes.
 */
const CHUNK_BODY = process.env.INGEST_CHUNK_BODY === 'multipart' ? 'multipart' : 'raw';

/** `PUT /api/v1/candidate/answers/:id/chunks/:index` with its SHA-256, as the recorder sends it. */
function apiSender(
  target: Extract<RecorderTarget, { kind: 'api' }>,
  agent: http.Agent,
  pool: ChunkPayload[],
): ChunkSender {
  const base = `${target.origin}/api/v1/candidate/answers/${target.answerId}/chunks/`;
  return {
    async send(index) {
      const payload = payloadFor(pool, index);
      try {
        const response = await httpRequest({
          method: 'PUT',
          url: `${base}${index}`,
          agent,
          headers: {
            authorization: `Bearer ${target.token}`,
            'content-type':
              CHUNK_BODY === 'raw' ? 'application/octet-stream' : MULTIPART_CONTENT_TYPE,
            'x-chunk-sha256': payload.sha256,
          },
          body: CHUNK_BODY === 'raw' ? payload.bytes : payload.multipartBody,
        });
        if (response.status === 200) return { ok: true, offset: 0 };
        return { ok: false, error: `HTTP ${response.status} ${response.body.slice(0, 120)}` };
      } catch (err) {
        return { ok: false, error: errorText(err) };
      }
    },
  };
}

const TUS_HEADERS = { 'tus-resumable': '1.0.0' };

/**
 * tus PATCH at the current offset. After a failure the offset is unknown, so the next send asks
 * the server first (HEAD), as a tus client does when it resumes.
 */
function tusSender(
  target: Extract<RecorderTarget, { kind: 'tus' }>,
  agent: http.Agent,
  pool: ChunkPayload[],
): ChunkSender {
  const url = `${target.origin}${target.uploadPath}`;
  let offset = 0;
  let offsetKnown = true;
  return {
    async send(index) {
      const payload = payloadFor(pool, index);
      try {
        if (!offsetKnown) {
          const head = await httpRequest({ method: 'HEAD', url, agent, headers: TUS_HEADERS });
          offset = Number(head.headers['upload-offset']);
          offsetKnown = Number.isFinite(offset);
        }
        const response = await httpRequest({
          method: 'PATCH',
          url,
          agent,
          headers: {
            ...TUS_HEADERS,
            'content-type': 'application/offset+octet-stream',
            'upload-offset': String(offset),
          },
          body: payload.bytes,
        });
        if (response.status !== 204) {
          offsetKnown = false;
          return { ok: false, error: `HTTP ${response.status} ${response.body.slice(0, 120)}` };
        }
        offset = Number(response.headers['upload-offset']);
        return { ok: true, offset };
      } catch (err) {
        offsetKnown = false;
        return { ok: false, error: errorText(err) };
      }
    },
  };
}

function errorText(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    return code ? `${code} ${err.message}` : err.message;
  }
  return String(err);
}
