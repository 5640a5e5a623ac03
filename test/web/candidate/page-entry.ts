// Bundled for the unit tests' Chromium page: the recorder's upload modules, on `window`, plus
// small helpers that set up a take the way the recorder does.
import { CandidateApi } from '../../../web-components/candidate/candidate-api.js';
import { splitSlice } from '../../../web-components/candidate/recording/recording-format.js';
import {
  ChunkUploader,
  type UploaderOptions,
  type UploadStatus,
} from '../../../web-components/candidate/upload/chunk-uploader.js';
import {
  IndexedDbOutbox,
  MemoryOutbox,
  type Outbox,
} from '../../../web-components/candidate/upload/outbox.js';
import { sha256Hex } from '../../../web-components/candidate/upload/sha256.js';

let memory: MemoryOutbox | null = null;

/** The same MemoryOutbox for the whole page, or an IndexedDB one under its own name. */
async function testOutbox(kind: 'IndexedDbOutbox' | 'MemoryOutbox', name: string): Promise<Outbox> {
  if (kind === 'IndexedDbOutbox') return IndexedDbOutbox.open(name);
  memory ??= new MemoryOutbox();
  return memory;
}

/** A real take on the server with `count` recorded chunks waiting in a fresh outbox. */
async function prepareTake(token: string, questionId: string, count: number) {
  const api = new CandidateApi('', token);
  const answer = await api.startAnswer(questionId, 'video/webm');
  const outbox = new MemoryOutbox();
  const take = {
    answerId: answer.id,
    scope: 'unit',
    questionId,
    mimeType: 'video/webm',
    createdAt: Date.now(),
    nextIndex: 0,
    recordedMs: 0,
    closed: false,
    interrupted: false,
  };
  await outbox.saveTake(take);
  for (let i = 0; i < count; i++) {
    const bytes = new TextEncoder().encode(`chunk ${i} `.repeat(100)).buffer;
    const chunk = { answerId: answer.id, index: i, bytes, sha256: await sha256Hex(bytes) };
    await outbox.storeChunk(chunk, (i + 1) * 1000);
  }
  await outbox.saveTake({ ...(await outbox.take(answer.id))!, closed: true });
  return { api, answer, outbox };
}

/** An uploader with quick, predictable backoff; every status change is recorded. */
function quickUploader(options: Pick<UploaderOptions, 'api' | 'outbox'>) {
  const log: { at: number; status: UploadStatus }[] = [];
  const uploader = new ChunkUploader({
    ...options,
    scope: 'unit',
    policy: { baseMs: 40, maxMs: 400, random: () => 0 },
    onChange: (status) => log.push({ at: performance.now(), status }),
  });
  return { uploader, log };
}

const modules = {
  CandidateApi,
  ChunkUploader,
  IndexedDbOutbox,
  MemoryOutbox,
  splitSlice,
  sha256Hex,
  testOutbox,
  prepareTake,
  quickUploader,
};
export type RecorderModules = typeof modules;
(globalThis as unknown as { recorder: RecorderModules }).recorder = modules;
