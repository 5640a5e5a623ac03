/**
 * A real Chromium page on the test server's origin (so IndexedDB and same-origin fetch work)
 * with the recorder's modules bundled by esbuild and exposed as `window.recorder`.
 */
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { RecorderModules } from './page-entry.js';

const root = path.resolve(import.meta.dirname, '../../..');
let bundle: Promise<string> | null = null;

function bundled(): Promise<string> {
  bundle ??= build({
    entryPoints: [path.join(import.meta.dirname, 'page-entry.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
  }).then((result) => result.outputFiles[0]!.text);
  return bundle;
}

/** Opens `${origin}/__unit/` with the modules loaded. */
export async function openUnitPage(page: Page, origin: string): Promise<void> {
  const js = await bundled();
  await page.route(`${origin}/__unit/**`, (route) => {
    const url = route.request().url();
    if (url.endsWith('.js')) return route.fulfill({ contentType: 'text/javascript', body: js });
    return route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>unit</title><script type="module" src="/__unit/modules.js"></script>',
    });
  });
  await page.goto(`${origin}/__unit/`);
  await page.waitForFunction(() => 'recorder' in globalThis);
}

export type { RecorderModules };

declare global {
  // eslint-disable-next-line no-var
  var recorder: RecorderModules;
}
