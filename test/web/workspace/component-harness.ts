/**
 * Serves workspace components on their own for tests in real Chromium: an esbuild bundle of
 * harness-entry.ts, a blank page, and a real H.264/AAC video with byte ranges (express.static).
 * `/expired/*` answers 403, as a signed media link does once its time is up. A socket.io server
 * at /socket.io, as the real one (WebSocket, staff token in `auth.token`), sends the staff events
 * a test asks for to the page's own LiveFeed.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import express from 'express';
import type { Page } from 'playwright-core';
import { Server as SocketServer } from 'socket.io';
import type { StaffEventMap } from '../../../server/contracts/api.js';
import { type BrowserOptions, launchBrowser, type TestBrowser } from '../../helpers/browser.js';
import { writePlayableMp4 } from '../../helpers/media-fixtures.js';

/** The token the harness's socket.io server accepts; any other is refused as `unauthenticated`. */
export const HARNESS_STAFF_TOKEN = 'harness-staff-token';

export interface Harness {
  url: string;
  /** Sends a staff event to every connected page, as server/realtime/socket-server.ts does. */
  emit<E extends keyof StaffEventMap>(event: E, payload: StaffEventMap[E]): void;
  close(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../../..');

let shared: Promise<Harness> | null = null;

/**
 * Gives the stage the colours the workspace shell sets (light scheme), so that what a component
 * draws, and what axe measures, is what staff see; without them the custom properties are unset.
 */
export async function useShellColours(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { workspaceHarness: { themeTokens: { cssText: string } } };
    const style = document.createElement('style');
    style.textContent = w.workspaceHarness.themeTokens.cssText.replaceAll(':host', '#stage');
    document.head.append(style);
  });
}

/**
 * One harness for every component suite in the run: the bundle and the clip are made once. It
 * lives until the process exits (its server does not keep the process alive).
 */
export function sharedHarness(): Promise<Harness> {
  shared ??= startHarness().then((harness) => {
    process.once('exit', () => void harness.close());
    return harness;
  });
  return shared;
}

async function startHarness(): Promise<Harness> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ws-harness-'));
  await build({
    entryPoints: [path.join(import.meta.dirname, 'harness-entry.ts')],
    bundle: true,
    format: 'esm',
    outfile: path.join(dir, 'harness.js'),
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  await writePlayableMp4(path.join(dir, 'clip.mp4'), 12);
  await writeFile(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harness</title>' +
      '<script type="module" src="/harness.js"></script></head><body><main id="stage"></main></body></html>',
  );
  const app = express();
  app.use('/expired', (_req, res) => {
    res.status(403).end();
  });
  app.use(express.static(dir));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  server.unref();
  type ServerToClient = { [E in keyof StaffEventMap]: (payload: StaffEventMap[E]) => void };
  const io = new SocketServer<Record<string, never>, ServerToClient>(server, {
    path: '/socket.io',
    serveClient: false,
  });
  io.use((socket, next) =>
    socket.handshake.auth?.token === HARNESS_STAFF_TOKEN
      ? next()
      : next(new Error('unauthenticated')),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    emit: (event, payload) =>
      (io as unknown as { emit(event: string, payload: unknown): void }).emit(event, payload),
    close: async () => {
      io.disconnectSockets(true);
      server.closeAllConnections();
      server.close();
      rmSync(dir, { recursive: true, force: true }); // also runs at exit, where only sync works
    },
  };
}

export interface HarnessPages {
  /** The shared harness (its url, and `emit` for staff events), once the suite has started. */
  harness: Harness;
  /** The suite's Chromium, once the suite has started. */
  browser: TestBrowser;
  /**
   * A fresh page on the harness's blank document. One opened inside a test is closed after that
   * test; one opened in a `before` hook lives until the suite's browser closes.
   */
  open(): Promise<Page>;
}

/**
 * The mocha hooks of a component suite: the shared harness and one Chromium for the suite
 * (closed after it), and pages on the harness that `open()` gives.
 */
export function harnessPages(options: BrowserOptions = {}): HarnessPages {
  let inTest = false;
  const testPages: Page[] = [];
  // Filled in by the before hook: tests only run once it has.
  const pages = {
    async open() {
      const page = await pages.browser.newPage();
      if (inTest) testPages.push(page);
      page.on('pageerror', (err) => console.error('page error:', err.message));
      await page.goto(`${pages.harness.url}/`);
      // tsx keeps function names with a helper (__name) that the page does not have.
      await page.evaluate('window.__name = (f) => f');
      return page;
    },
  } as HarnessPages;
  before(async () => {
    pages.harness = await sharedHarness();
    pages.browser = await launchBrowser(options);
  });
  beforeEach(() => {
    inTest = true;
  });
  afterEach(async () => {
    inTest = false;
    await Promise.all(testPages.splice(0).map((page) => page.close()));
  });
  after(async () => {
    await pages.browser?.close();
  });
  return pages;
}
