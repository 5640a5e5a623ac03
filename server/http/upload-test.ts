import express, { type Handler, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { UploadTestResult } from '../contracts/api.js';
import type { Deps } from '../deps.js';
import {
  assertMayTestUpload,
  UPLOAD_TEST_MAX_BYTES,
  UPLOAD_TEST_MAX_REQUESTS,
  UPLOAD_TEST_WINDOW_MS,
} from '../domain/takes/upload-test.js';
import { UnsupportedMediaTypeError } from '../errors.js';
import { currentInvitation } from './auth.js';
import { rateLimitedHandler } from './rate-limited.js';

/**
 * `POST /candidate/upload-test`: limited per invitation (in this process's memory: with several
 * API processes a candidate gets that many times the limit, still tiny), checked, then read in
 * full (raw-body answers 413 beyond the limit) and dropped.
 */
export function uploadTestHandlers(deps: Deps): Handler[] {
  const limiter = rateLimit({
    windowMs: UPLOAD_TEST_WINDOW_MS,
    limit: UPLOAD_TEST_MAX_REQUESTS,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_req: Request, res: Response) => currentInvitation(res).id,
    handler: rateLimitedHandler('Too many connection checks. Wait a while and try again.'),
  });
  return [
    limiter,
    async (req, res, next) => {
      // Checked before a byte is read: a closed interview or a wrong type costs no upload.
      if (!req.is('application/octet-stream')) {
        throw new UnsupportedMediaTypeError('Send the test bytes as application/octet-stream.');
      }
      await assertMayTestUpload(deps, currentInvitation(res));
      next();
    },
    express.raw({ type: 'application/octet-stream', limit: UPLOAD_TEST_MAX_BYTES }),
    (req, res) => {
      const body: UploadTestResult = {
        receivedBytes: Buffer.isBuffer(req.body) ? req.body.length : 0,
      };
      res.json(body);
    },
  ];
}
