import type { AnswersTable, InvitationsTable } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { BadRequestError, ConflictError, InputError } from '../errors.js';
import { loadOwnAnswer } from './answer-view.js';
import { assertWithinUploadGrace, candidateContext } from './candidate-access.js';

/** 15 minutes of 1-second slices is 900; this leaves room for smaller slices. */
export const MAX_CHUNK_INDEX = 99_999;

export interface StoredChunk {
  key: string;
  size: number;
  sha256: string;
}

export function chunkKey(answerId: string, index: number, nonce: string): string {
  // Zero-padded so a listing sorts in recording order; the nonce keeps a retry from
  // overwriting a good chunk before the new bytes have been checked.
  return `answers/${answerId}/chunks/${String(index).padStart(6, '0')}.${nonce}`;
}

export function parseChunkIndex(raw: string): number {
  if (!/^\d{1,6}$/.test(raw) || Number(raw) > MAX_CHUNK_INDEX) {
    throw new InputError(`The chunk index must be a whole number from 0 to ${MAX_CHUNK_INDEX}.`, [
      { path: 'index', message: `must be a whole number from 0 to ${MAX_CHUNK_INDEX}` },
    ]);
  }
  return Number(raw);
}

/** Before any byte is stored: the answer is this candidate's and still takes chunks. */
export async function answerAcceptingChunks(
  deps: Deps,
  invitation: InvitationsTable,
  answerId: string,
): Promise<AnswersTable> {
  const answer = await loadOwnAnswer(deps.db, invitation.id, answerId);
  assertWithinUploadGrace(deps, await candidateContext(deps, invitation));
  assertRecording(answer);
  return answer;
}

function assertRecording(answer: Pick<AnswersTable, 'status'>): void {
  if (answer.status !== 'recording') {
    throw new ConflictError(
      'answer_closed',
      'This answer was already submitted; it takes no more chunks.',
    );
  }
}

/**
 * Records a stored chunk as the one for its index. Returns the storage keys that are now
 * garbage (a replaced chunk, or this one if it was refused) for the caller to delete.
 */
export async function recordChunk(
  deps: Deps,
  answerId: string,
  index: number,
  stored: StoredChunk,
  expectedSha256: string | undefined,
): Promise<{ garbage: string[] }> {
  if (expectedSha256 !== undefined && expectedSha256.trim().toLowerCase() !== stored.sha256) {
    await deps.storage.delete(stored.key);
    throw new BadRequestError(
      'checksum_mismatch',
      'The chunk arrived damaged (its SHA-256 differs). Send it again.',
    );
  }
  try {
    return await deps.db.transaction().execute(async (trx) => {
      // Checked again inside the transaction: `complete` may have landed while bytes streamed.
      const answer = await trx
        .selectFrom('answers')
        .select('status')
        .where('id', '=', answerId)
        .executeTakeFirstOrThrow();
      assertRecording(answer);
      const previous = await trx
        .selectFrom('chunks')
        .select('storageKey')
        .where('answerId', '=', answerId)
        .where('idx', '=', index)
        .executeTakeFirst();
      const row = {
        storageKey: stored.key,
        size: stored.size,
        sha256: stored.sha256,
        createdAt: deps.now().toISOString(),
      };
      if (previous) {
        await trx
          .updateTable('chunks')
          .set(row)
          .where('answerId', '=', answerId)
          .where('idx', '=', index)
          .execute();
      } else {
        await trx
          .insertInto('chunks')
          .values({ answerId, idx: index, ...row })
          .execute();
      }
      return { garbage: previous ? [previous.storageKey] : [] };
    });
  } catch (err) {
    await deps.storage.delete(stored.key);
    throw err;
  }
}
