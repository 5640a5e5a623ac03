import { readFile } from 'node:fs/promises';
import type { Answer } from '../../server/contracts/api.js';
import { type Api, recordAnswer } from '../helpers/api.js';
import { sliceIrregularly, slowToTranscodeClip } from '../helpers/media-fixtures.js';

/**
 * Records the slow-to-transcode clip (12 chunks) as the candidate's answer: the work the process
 * tests kill a server in the middle of.
 */
export async function recordSlowAnswer(candidate: Api, questionId: string): Promise<Answer> {
  const chunks = sliceIrregularly(await readFile(await slowToTranscodeClip()), 12);
  return recordAnswer(candidate, questionId, 'video/webm', chunks);
}
