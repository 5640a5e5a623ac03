/**
 * Chunk ingest under many simultaneous recorders: each sends one 250 KB chunk a second.
 *
 *   npx tsx scripts/bench/ingest.ts [--seconds 60] [--recorders 100,250,500,1000]
 *     [--setup embedded|scaleout|scaleout-disk|tus|tus-durable|all (or a comma list)]
 *     [--generators 2] (tus-durable: tus answering only fsynced bytes, as we do)
 *     [--cpu-prof DIR] [--json FILE] [--quiet-cores 0.5] [--quiet-wait-s 180]
 *     [--server-env KEY=VALUE …] [--variant NAME] (environment added to our server processes for
 *     an experiment, and the name its rows get) [--chunk-body raw|multipart] (how our recorders
 *     send a chunk: as the body, as the candidate page does, or as the contract's multipart form)
 *     [--disk quiet|busy] (busy: while each setup's load runs, another process writes 1.5 GB with
 *     fsync, rests 15 s, and again — a backup or a neighbour; the same for every setup)
 *
 * Each (setup, recorder count) gets a fresh server process; the load comes from separate
 * generator processes. Prints a markdown table; --json appends every row to FILE as a JSON line;
 * --cpu-prof keeps V8 CPU profiles of the measured processes (summarize them with
 * scripts/bench/ingest/profile-summary.ts). The machine may be shared: before each load the
 * bench waits up to --quiet-wait-s for a 5-s stretch using under --quiet-cores, and reports how
 * busy the machine was.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { apiSystem } from './ingest/api-recorders.js';
import { BUSY_DISK_COMMAND, type DiskCondition } from './ingest/busy-disk.js';
import type { Instrumentation } from './ingest/instrumented-process.js';
import { type IngestRow, measure } from './ingest/measure.js';
import { footnotes, markdownTable } from './ingest/report.js';
import { launchEmbedded } from './ingest/setups/embedded.js';
import { INGEST_SHAPE, launchScaleOut, scaleOutAvailable } from './ingest/setups/scaleout.js';
import { startTus } from './ingest/setups/tus.js';
import type { SystemUnderTest } from './ingest/types.js';

type StartSetup = (instrumentation: Instrumentation) => Promise<SystemUnderTest>;

/** The setups by name; `serverEnv` is added to our server processes' environment. */
function setups(serverEnv: Record<string, string>): Record<string, StartSetup> {
  return {
    embedded: async (i) => apiSystem(await launchEmbedded(i, serverEnv)),
    scaleout: async (i) => apiSystem(await launchScaleOut(i, INGEST_SHAPE, serverEnv)),
    'scaleout-disk': async (i) =>
      apiSystem(await launchScaleOut(i, { ...INGEST_SHAPE, storage: 'disk' }, serverEnv)),
    tus: (i) => startTus(i),
    'tus-durable': (i) => startTus(i, true),
  };
}

const SETUP_NAMES = ['embedded', 'scaleout', 'scaleout-disk', 'tus', 'tus-durable'];
/** What `--setup all` runs: the brief's three; scaleout-disk is a diagnostic. */
const ALL_SETUPS = ['embedded', 'scaleout', 'tus'];

function parseOptions() {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '60' },
      recorders: { type: 'string', default: '100,250,500,1000' },
      setup: { type: 'string', default: 'all' },
      generators: { type: 'string', default: '2' },
      'chunk-kb': { type: 'string', default: '250' },
      'jitter-ms': { type: 'string', default: '50' },
      'cpu-prof': { type: 'string' },
      'quiet-cores': { type: 'string', default: '0.5' },
      'quiet-wait-s': { type: 'string', default: '180' },
      json: { type: 'string' },
      'server-env': { type: 'string', multiple: true, default: [] },
      variant: { type: 'string' },
      'chunk-body': { type: 'string', default: 'raw' },
      disk: { type: 'string', default: 'quiet' },
    },
  });
  const positive = (name: string, raw: string) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`--${name} must be a positive whole number`);
    return value;
  };
  if (values.disk !== 'quiet' && values.disk !== 'busy') throw new Error('--disk is quiet or busy');
  const requested = values.setup === 'all' ? ALL_SETUPS : values.setup.split(',');
  const chosen = requested.filter((name) => {
    if (!SETUP_NAMES.includes(name)) throw new Error(`unknown --setup ${name}`);
    if (name.startsWith('scaleout') && !scaleOutAvailable()) {
      console.log('scaleout skipped: the server has no SERVER_ROLE yet');
      return false;
    }
    return true;
  });
  return {
    seconds: positive('seconds', values.seconds),
    recorderCounts: values.recorders.split(',').map((n) => positive('recorders', n)),
    setups: chosen,
    serverEnv: Object.fromEntries(
      values['server-env'].map((pair) => {
        const at = pair.indexOf('=');
        if (at < 1) throw new Error(`--server-env wants KEY=VALUE, not ${pair}`);
        return [pair.slice(0, at), pair.slice(at + 1)];
      }),
    ),
    variant: values.variant,
    generators: positive('generators', values.generators),
    // KiB, as a MediaRecorder slice is counted in bytes: 250 KB = 256 000 bytes.
    chunkBytes: positive('chunk-kb', values['chunk-kb']) * 1024,
    jitterMs: Number(values['jitter-ms']),
    cpuProfileDir: values['cpu-prof'],
    quietCores: Number(values['quiet-cores']),
    quietWaitMs: Number(values['quiet-wait-s']) * 1000,
    json: values.json,
    chunkBody: values['chunk-body'],
    disk: values.disk as DiskCondition,
  };
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (!['raw', 'multipart'].includes(options.chunkBody))
    throw new Error('--chunk-body is raw or multipart');
  // Read by chunk-senders.ts in the generator processes, which inherit this environment.
  process.env.INGEST_CHUNK_BODY = options.chunkBody;
  if (options.cpuProfileDir) await mkdir(options.cpuProfileDir, { recursive: true });
  const starters = setups(options.serverEnv);
  const rows: IngestRow[] = [];
  const disk = options.disk === 'busy' ? `busy (during each load: ${BUSY_DISK_COMMAND})` : 'quiet';
  console.log(`disk: ${disk}`);
  for (const recorders of options.recorderCounts) {
    for (const setup of options.setups) {
      console.log(
        `${setup}: ${recorders} recorders × ${options.seconds} s, ${options.disk} disk …`,
      );
      const measured = await measure(starters[setup]!, {
        recorders,
        seconds: options.seconds,
        chunkBytes: options.chunkBytes,
        jitterMs: options.jitterMs,
        generatorProcesses: options.generators,
        cpuProfileDir: options.cpuProfileDir,
        quietCores: options.quietCores,
        quietWaitMs: options.quietWaitMs,
        disk: options.disk,
      });
      // A variant (say, an experiment) is named in the setup column; tus rows stay plain.
      const variant = [
        options.variant,
        options.chunkBody === 'multipart' ? 'multipart' : undefined,
      ].filter(Boolean);
      const row =
        variant.length > 0 && !setup.startsWith('tus')
          ? { ...measured, setup: `${measured.setup} (${variant.join(', ')})` }
          : measured;
      console.log(
        `  p99 ${row.p99Ms.toFixed(0)} ms, ${row.ackedMBps.toFixed(1)} MB/s, RSS ${row.peakRssMb.toFixed(0)} MB, ` +
          `errors ${row.errors}, lost ${row.lost}`,
      );
      rows.push(row);
      if (options.json) await appendFile(options.json, `${JSON.stringify(row)}\n`);
    }
  }
  console.log(`\ndisk: ${disk}\n\n${markdownTable(rows)}\n\n${footnotes(rows)}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
