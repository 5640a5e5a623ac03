/**
 * How long a candidate waits between pressing "Stop recording" and the answer being accepted by
 * the server (`complete` → 202, the moment the page says "Your answer is saved"), with the
 * upload throttled as on an ordinary home or 4G connection.
 *
 *   npx tsx scripts/bench/stop-to-saved.ts [--runs 3] [--seconds 60,180] [--up-mbps 5] [--rtt-ms 40]
 *   npx tsx scripts/bench/stop-to-saved.ts --profile weak [--runs 3]
 *
 * Profiles: `home` (the default: 5 Mbit/s up, 40 ms RTT, 1- and 3-minute answers; target p95
 * ≤ 1 s) and `weak` (400 kbit/s up, 300 ms RTT, a 2-minute answer; target p95 ≤ 3 s, reached by
 * the recorder choosing a quality that its upload keeps up with). Explicit flags override them.
 *
 * Real parts only: the built bundle in Debian Chromium with its fake camera (MediaRecorder,
 * H.264 where offered), the real server in-process on SQLite and local disk, Chromium's own
 * network throttling (CDP Network.emulateNetworkConditions). The clock starts in the page at
 * the click on Stop and ends at the recorder's `answer-submitted` event.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import {
  inviteCandidate,
  reachPractice,
  skipPractice,
  startAnswer,
} from '../../test/e2e/candidate/support.js';
import { launchBrowser } from '../../test/helpers/browser.js';
import { startTestServer, type TestServer } from '../../test/helpers/test-server.js';
import { buildWeb } from '../build-web.js';

const PROFILES = {
  home: { seconds: '60,180', 'up-mbps': '5', 'rtt-ms': '40' },
  weak: { seconds: '120', 'up-mbps': '0.4', 'rtt-ms': '300' },
};
const { values: flags } = parseArgs({
  options: {
    profile: { type: 'string', default: 'home' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string' },
    'up-mbps': { type: 'string' },
    'rtt-ms': { type: 'string' },
  },
});
const profile = PROFILES[flags.profile as keyof typeof PROFILES];
if (!profile) throw new Error(`--profile is one of ${Object.keys(PROFILES).join(', ')}`);
const values = {
  runs: flags.runs,
  seconds: flags.seconds ?? profile.seconds,
  'up-mbps': flags['up-mbps'] ?? profile['up-mbps'],
  'rtt-ms': flags['rtt-ms'] ?? profile['rtt-ms'],
};
const runs = Number(values.runs);
const durations = values.seconds.split(',').map(Number);
const upBytesPerSecond = (Number(values['up-mbps']) * 1_000_000) / 8;
const latency = Number(values['rtt-ms']);

interface Measure {
  stopToSavedMs: number;
  backlogBytes: number;
  mimeType: string;
  /** The picture the recorder chose for the link, e.g. "640×360 at 300 kbit/s". */
  quality: string;
  /** "idle → chunks/179 +120…260 → complete +300…340" */
  timeline: string;
}

async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency,
    uploadThroughput: upBytesPerSecond,
    downloadThroughput: upBytesPerSecond * 4,
  });
}

interface PageResult {
  ms: number;
  backlog: number;
  /** Uploader state at the click (idle, uploading, waiting…). */
  state: string;
  /** Where the time went, from the page's Resource Timing: ms after the click. */
  requests: { what: string; start: number; end: number }[];
}

/** Runs in the page: arms the clock on Stop, resolves with the time to `answer-submitted`. */
function armClock(page: Page) {
  return page.evaluate(() => {
    performance.setResourceTimingBufferSize(100_000);
    const w = window as unknown as { benchResult: Promise<PageResult> };
    w.benchResult = new Promise((resolve) => {
      let started = 0;
      let backlog = 0;
      let state = '';
      window.addEventListener(
        'click',
        (event) => {
          const target = event.composedPath()[0] as HTMLElement;
          if (started || !target.textContent?.includes('Stop recording')) return;
          started = performance.now();
          const host = document
            .querySelector('candidate-page')
            ?.shadowRoot?.querySelector('interview-recorder') as unknown as {
            uploads: { status: { pendingBytes: number; state: string } };
          };
          backlog = host.uploads.status.pendingBytes;
          state = host.uploads.status.state;
        },
        true,
      );
      document.addEventListener('answer-submitted', () => {
        const ms = performance.now() - started;
        const requests = performance
          .getEntriesByType('resource')
          .filter((e) => e.startTime + e.duration > started && e.name.includes('/api/'))
          .map((e) => ({
            what: e.name.replace(/.*\/answers\/[^/]+\//, ''),
            start: Math.round(e.startTime - started),
            end: Math.round(e.startTime + e.duration - started),
          }));
        resolve({ ms, backlog, state, requests });
      });
    });
  });
}

async function measureOnce(server: TestServer, seconds: number): Promise<Measure> {
  const questions = [{ prompt: 'Bench', thinkSeconds: 5, maxSeconds: seconds + 60, retakes: 0 }];
  const invited = await inviteCandidate(server, questions);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await throttle(page);
    await reachPractice(page, invited.url);
    await skipPractice(page);
    await startAnswer(page);
    const quality = await page.evaluate(() => {
      const step = document
        .querySelector('candidate-page')
        ?.shadowRoot?.querySelector('interview-recorder')
        ?.shadowRoot?.querySelector('question-step') as unknown as {
        quality: { kind: string; videoBitsPerSecond?: number };
        stream: MediaStream;
      };
      const { width, height } = step.stream.getVideoTracks()[0]?.getSettings() ?? {};
      if (step.quality.kind === 'audio') return 'sound only';
      return `${width}×${height} at ${Math.round((step.quality.videoBitsPerSecond ?? 0) / 1000)} kbit/s`;
    });
    await armClock(page);
    await page.waitForTimeout(seconds * 1000);
    await page.getByRole('button', { name: 'Stop recording' }).click();
    const result = await page.evaluate(
      () => (window as unknown as { benchResult: Promise<PageResult> }).benchResult,
    );
    const answers = await invited.candidate.get('/candidate/session');
    const steps = result.requests.map((r) => `${r.what} +${r.start}…${r.end}`);
    return {
      stopToSavedMs: result.ms,
      backlogBytes: result.backlog,
      mimeType: answers.body.answers[0].mimeType,
      quality,
      timeline: [result.state, ...steps].join(' → '),
    };
  } finally {
    await browser.close();
  }
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  await buildWeb();
  const server = await startTestServer();
  const rows: string[][] = [];
  try {
    for (const seconds of durations) {
      const measures: Measure[] = [];
      for (let run = 1; run <= runs; run++) {
        const measure = await measureOnce(server, seconds);
        measures.push(measure);
        console.log(
          `${seconds} s answer, run ${run}: ${Math.round(measure.stopToSavedMs)} ms ` +
            `(backlog at stop ${(measure.backlogBytes / 1024).toFixed(0)} KiB, ${measure.mimeType}, ` +
            `${measure.quality}, ` +
            `load ${loadavg()[0]!.toFixed(1)})\n    ${measure.timeline}`,
        );
      }
      const times = measures.map((m) => m.stopToSavedMs);
      rows.push([
        `${seconds} s`,
        String(runs),
        `${Math.round(percentile(times, 50))} ms`,
        `${Math.round(percentile(times, 95))} ms`,
        `${Math.round(Math.max(...times))} ms`,
      ]);
    }
  } finally {
    await server.stop();
  }
  console.log(
    `\nstop → saved (complete → 202), upload ${values['up-mbps']} Mbit/s, RTT ${latency} ms` +
      ` — ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end\n`,
  );
  const header = ['answer', 'runs', 'p50', 'p95', 'max'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

await main();
