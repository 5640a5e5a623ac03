/**
 * Serves the hiring manager's page as the server will: the real bundle from dist/web (npm run
 * build:web) at /s/<token>, over a fake guest API typed against the contract
 * (server/contracts/sharing.ts) and a real H.264/AAC clip. Used until `GET /s/:token` and the
 * guest endpoints land; the e2e test then goes through the real server.
 */
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import {
  type GuestRating,
  GuestRatingRequest,
  type GuestSession,
} from '../../../server/contracts/sharing.js';
import { writePlayableMp4 } from '../../helpers/media-fixtures.js';

const root = path.resolve(import.meta.dirname, '../../..');
const dist = path.join(root, 'dist/web');

export interface GuestLink {
  session: GuestSession;
  /** Revoked (or past its expiry): the API answers 404 from then on, as the contract says. */
  revoked?: boolean;
}

export interface GuestHarness {
  url: string;
  /** token → the link's state; a test adds and changes links here. */
  links: Map<string, GuestLink>;
  /** Every rating the page sent, with the token it used. */
  saved: { token: string; answerId: string; rating: GuestRating }[];
  /** Every `GET /guest/session`, by token (the server counts them as opens). */
  opens: string[];
  clipUrl: string;
  close(): Promise<void>;
}

function problem(res: express.Response, status: number, code: string, detail: string) {
  res.status(status).type('application/problem+json').json({ status, code, detail });
}

export async function startGuestHarness(): Promise<GuestHarness> {
  if (!existsSync(path.join(dist, 'guest.js')))
    throw new Error('dist/web/guest.js is missing: run `npm run build:web` first');
  const dir = await mkdtemp(path.join(tmpdir(), 'guest-harness-'));
  await writePlayableMp4(path.join(dir, 'clip.mp4'), 8);
  const links = new Map<string, GuestLink>();
  const saved: GuestHarness['saved'] = [];
  const opens: string[] = [];

  const app = express();
  app.use('/assets', express.static(dist, { fallthrough: false }));
  app.use('/media', express.static(dir));
  // The same page shape as server/http/routes/pages.ts renders for every entry.
  app.get('/s/:token', (_req, res) => {
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<title>Shared interview</title>
<link rel="stylesheet" href="/assets/page.css">
<script type="module" src="/assets/guest.js"></script>
</head><body><guest-page></guest-page></body></html>`);
  });
  const linkOf = (req: express.Request) => {
    const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
    const link = links.get(token);
    return link && !link.revoked ? { token, link } : null;
  };
  app.get('/api/v1/guest/session', (req, res) => {
    const found = linkOf(req);
    if (!found) return problem(res, 404, 'not_found', 'This link does not exist.');
    opens.push(found.token);
    res.json(found.link.session);
  });
  app.put('/api/v1/guest/answers/:answerId/rating', express.json(), (req, res) => {
    const found = linkOf(req);
    const answerId = req.params.answerId;
    const answer = found?.link.session.answers.find((a) => a.answerId === answerId);
    if (!found || !answer) return problem(res, 404, 'not_found', 'This link does not exist.');
    if (!found.link.session.allowRating)
      return problem(res, 403, 'forbidden', 'This link does not allow rating.');
    const parsed = GuestRatingRequest.safeParse(req.body);
    if (!parsed.success) return problem(res, 400, 'validation', 'The rating is not valid.');
    saved.push({ token: found.token, answerId, rating: parsed.data });
    res.json(parsed.data);
  });

  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    links,
    saved,
    opens,
    clipUrl: `${url}/media/clip.mp4`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A session as the contract shapes it: two questions with rubric, one without a competency. */
export function sampleSession(
  clipUrl: string,
  overrides: Partial<GuestSession> = {},
): GuestSession {
  return {
    interview: {
      title: 'Boutique assistant – Lyon',
      competencies: [
        { key: 'service', name: 'Customer service', description: 'Puts the customer first.' },
      ],
    },
    candidate: { label: 'Candidate 7' },
    recipientName: 'Claire Martin',
    allowRating: true,
    answers: [
      {
        answerId: 'ans-1',
        question: {
          prompt: 'Tell us about a customer you helped recently.',
          competency: 'service',
          guidance: 'Listens first; names a concrete action and its result.',
          anchors: {
            '1': 'No example, or blames the customer.',
            '3': 'An example with a clear action.',
            '5': 'An example with action, result and what they learned.',
          },
        },
        durationMs: 8000,
        videoUrl: clipUrl,
        posterUrl: null,
      },
      {
        answerId: 'ans-2',
        question: {
          prompt: 'Why this boutique?',
          competency: null,
          guidance: '',
          anchors: {},
        },
        durationMs: 8000,
        videoUrl: clipUrl,
        posterUrl: null,
      },
    ],
    ...overrides,
  };
}
