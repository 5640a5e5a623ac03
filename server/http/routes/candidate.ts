import { Router } from 'express';
import { CompleteAnswerRequest, StartAnswerRequest } from '../../contracts/api.js';
import type { Deps } from '../../deps.js';
import { candidateSession } from '../../domain/candidate/candidate-session.js';
import { finishInterview } from '../../domain/candidate/finish-interview.js';
import { abandonAnswer } from '../../domain/takes/abandon-answer.js';
import { loadOwnAnswer } from '../../domain/takes/answer-view.js';
import { completeAnswer } from '../../domain/takes/complete-answer.js';
import { discardAnswer } from '../../domain/takes/discard-answer.js';
import {
  answerAcceptingChunks,
  parseChunkIndex,
  recordChunk,
} from '../../domain/takes/put-chunk.js';
import { MAX_CHUNK_BYTES, startAnswer } from '../../domain/takes/start-answer.js';
import { candidateAnswer } from '../../domain/takes/think-time.js';
import { InputError } from '../../errors.js';
import { currentInvitation, requireCandidate } from '../auth.js';
import { CHUNK_BODY_TYPES, chunkUploadMiddleware, storedChunkOf } from '../chunk-upload.js';
import { uploadTestHandlers } from '../upload-test.js';
import { parseInput } from '../validate.js';

export function candidateRoutes(deps: Deps): Router {
  const router = Router();
  router.use('/candidate', requireCandidate(deps));

  // Issue 21: `?language=en|fr` reads the organisers' texts in the page's language.
  router.get('/candidate/session', async (req, res) => {
    const language = req.query.language;
    res.json(
      await candidateSession(
        deps,
        currentInvitation(res),
        language === 'en' || language === 'fr' ? language : undefined,
      ),
    );
  });

  router.post('/candidate/answers', async (req, res) => {
    const input = parseInput(StartAnswerRequest, req.body);
    res.status(201).json(await startAnswer(deps, currentInvitation(res), input));
  });

  router.get('/candidate/answers/:answerId', async (req, res) => {
    const invitation = currentInvitation(res);
    const answer = await loadOwnAnswer(deps.db, invitation.id, req.params.answerId);
    res.json(await candidateAnswer(deps, invitation, answer));
  });

  router.put(
    '/candidate/answers/:answerId/chunks/:index',
    async (req, res, next) => {
      // Every check that needs no bytes runs before a single byte is stored.
      const index = parseChunkIndex(req.params.index as string);
      const answer = await answerAcceptingChunks(
        deps,
        currentInvitation(res),
        req.params.answerId as string,
        index,
      );
      if (!req.is(CHUNK_BODY_TYPES)) {
        throw new InputError(
          'Send the chunk as multipart/form-data with one file field named "chunk", or as the application/octet-stream body.',
        );
      }
      res.locals.chunkTarget = { answerId: answer.id, index, maxBytes: answer.maxBytes };
      next();
    },
    ...chunkUploadMiddleware(deps.storage, MAX_CHUNK_BYTES),
    async (req, res) => {
      const stored = storedChunkOf(req, res);
      if (!stored)
        throw new InputError(
          'The request has no chunk: no bytes, or no file field named "chunk".',
          [{ path: 'chunk', message: 'is required' }],
        );
      const { answerId, index, maxBytes } = res.locals.chunkTarget as {
        answerId: string;
        index: number;
        maxBytes: number;
      };
      const { garbage } = await recordChunk(
        deps,
        answerId,
        index,
        stored,
        req.get('x-chunk-sha256'),
        maxBytes,
      );
      // The client has its answer once the new chunk is recorded; old bytes can go afterwards.
      res.json({ index, size: stored.size });
      for (const key of garbage) {
        await deps.storage
          .delete(key)
          .catch((err) => deps.log.warn({ err }, 'could not delete a replaced chunk'));
      }
    },
  );

  router.post('/candidate/answers/:answerId/complete', async (req, res) => {
    const input = parseInput(CompleteAnswerRequest, req.body);
    res
      .status(202)
      .json(await completeAnswer(deps, currentInvitation(res), req.params.answerId, input));
  });

  // Extension: a take that recorded nothing costs no attempt (docs/recorder.md).
  router.post('/candidate/answers/:answerId/abandon', async (req, res) => {
    await abandonAnswer(deps, currentInvitation(res), req.params.answerId);
    res.status(204).end();
  });

  // Extension (issue 21): an interrupted retake set aside for the complete answer before it.
  router.post('/candidate/answers/:answerId/discard', async (req, res) => {
    res.json(await discardAnswer(deps, currentInvitation(res), req.params.answerId));
  });

  // Extension: the recorder's upload speed check; the bytes are counted and dropped.
  router.post('/candidate/upload-test', ...uploadTestHandlers(deps));

  router.post('/candidate/finish', async (_req, res) => {
    res.json(await finishInterview(deps, currentInvitation(res)));
  });

  return router;
}
