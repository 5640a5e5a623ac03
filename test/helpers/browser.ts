import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';

/** Flags from DESIGN.md: Debian Chromium, headless, fake camera and microphone, no network chatter. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface BrowserOptions extends BrowserContextOptions {
  /** Without the fake-UI flag: getUserMedia is refused, as when a person clicks "Block". */
  denyCamera?: boolean;
  /** A .y4m or .mjpeg file played as the camera. */
  fakeVideoFile?: string;
  /** A device with a microphone and no camera at all (Chromium's fake devices, none for video). */
  noCamera?: boolean;
}

export interface TestBrowser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** A fresh Chromium profile per call: no state leaks between tests. */
export async function launchBrowser(options: BrowserOptions = {}): Promise<TestBrowser> {
  const { denyCamera, fakeVideoFile, noCamera, ...contextOptions } = options;
  const profile = await mkdtemp(path.join(tmpdir(), 'chromium-profile-'));
  const args = CHROMIUM_ARGS.filter((a) => !(denyCamera && a === '--use-fake-ui-for-media-stream'));
  if (fakeVideoFile) args.push(`--use-file-for-fake-video-capture=${fakeVideoFile}`);
  if (noCamera) {
    const at = args.indexOf('--use-fake-device-for-media-stream');
    args[at] = '--use-fake-device-for-media-stream=device-count=0';
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args,
    ...contextOptions,
  });
  if (denyCamera) await context.clearPermissions();
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** A phone in portrait: 360 × 740 CSS pixels, touch. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; returns serious and critical violations (should be none). */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const source = await readFile(
    createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    'utf8',
  );
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    return (await axe.run()).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Fails with each serious or critical axe-core violation on the page, named with `where`. */
export async function assertAccessible(page: Page, where: string): Promise<void> {
  const violations = await seriousAxeViolations(page);
  assert.deepEqual(
    violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    ),
    [],
    `serious accessibility problems on ${where}`,
  );
}

/** Roles a person operates: two of them with one name cannot be told apart by that name. */
const CONTROL_ROLES =
  'button|link|textbox|searchbox|combobox|listbox|checkbox|radio|switch|slider|spinbutton|tab|menuitem';

/**
 * The accessible names that more than one control of the page answers to (issue 21: two
 * "Remove question 1" buttons), from the accessibility tree Chromium builds (shadow roots
 * included). Controls in a radio group share a question by design and keep their own names.
 */
export async function duplicateControlNames(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot();
  const seen = new Map<string, number>();
  for (const match of tree.matchAll(new RegExp(`^\\s*- (${CONTROL_ROLES}) "(.+?)"`, 'gm'))) {
    const name = `${match[1]} "${match[2]}"`;
    seen.set(name, (seen.get(name) ?? 0) + 1);
  }
  return [...seen].filter(([, count]) => count > 1).map(([name, count]) => `${name} ×${count}`);
}
