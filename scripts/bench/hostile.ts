/**
 * Chunk-upload latency of honest recorders while someone attacks the server (issue 8).
 *
 *   npx tsx scripts/bench/hostile.ts --scenario login-flood [--recorders 100] [--seconds 30]
 *     [--server-env KEY=VALUE …] [--generators 2] [--quiet-wait-s 10]
 *
 * One embedded server (SQLite, local disk) in its own process; the recorders (one 250 KB chunk
 * a second each) come from generator processes, as in scripts/bench/ingest.ts, whose pieces
 * this reuses. The attack starts once the recorders are set up and stops when their load ends.
 * Scenarios are modules under scripts/bench/hostile/ (add one to SCENARIOS, e.g. decode-bomb).
 * Target: p99 ≤ 250 ms during the login flood.
 */
import { parseArgs } from 'node:util';
import { loginFlood } from './hostile/login-flood.js';
import type { HostileScenario, RunningAttack } from './hostile/scenario.js';
import { apiSystem } from './ingest/api-recorders.js';
import { measure } from './ingest/measure.js';
import { footnotes, markdownTable } from './ingest/report.js';
import { launchEmbedded } from './ingest/setups/embedded.js';
import type { RecorderTarget, SystemUnderTest } from './ingest/types.js';

const SCENARIOS: Record<string, HostileScenario> = { [loginFlood.name]: loginFlood };

function parseOptions() {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'login-flood' },
      recorders: { type: 'string', default: '100' },
      seconds: { type: 'string', default: '30' },
      generators: { type: 'string', default: '2' },
      'quiet-cores': { type: 'string', default: '0.5' },
      'quiet-wait-s': { type: 'string', default: '10' },
      'server-env': { type: 'string', multiple: true, default: [] },
    },
  });
  const scenario = SCENARIOS[values.scenario];
  if (!scenario)
    throw new Error(`unknown --scenario ${values.scenario} (${Object.keys(SCENARIOS).join(', ')})`);
  const serverEnv = Object.fromEntries(
    values['server-env'].map((pair) => {
      const at = pair.indexOf('=');
      if (at < 1) throw new Error(`--server-env wants KEY=VALUE, not ${pair}`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
  return {
    scenario,
    serverEnv,
    recorders: Number(values.recorders),
    seconds: Number(values.seconds),
    generators: Number(values.generators),
    quietCores: Number(values['quiet-cores']),
    quietWaitMs: Number(values['quiet-wait-s']) * 1000,
  };
}

/** The honest system, with the attack started after setup and stopped when the load is over. */
function underAttack(
  system: SystemUnderTest,
  origin: string,
  scenario: HostileScenario,
  report: (lines: Record<string, string | number>) => void,
): SystemUnderTest {
  let attack: RunningAttack | null = null;
  return {
    ...system,
    label: `${system.label} + ${scenario.name}`,
    supportProcesses: () => system.supportProcesses(),
    async prepare(recorders, plan) {
      const targets = await system.prepare(recorders, plan);
      attack = await scenario.start(origin);
      return targets;
    },
    async countLost(targets: RecorderTarget[], outcomes, chunkBytes) {
      if (attack) report(await attack.stop());
      attack = null;
      return system.countLost(targets, outcomes, chunkBytes);
    },
    async stop() {
      if (attack) await attack.stop();
      await system.stop();
    },
  };
}

async function main(): Promise<void> {
  const options = parseOptions();
  let attackReport: Record<string, string | number> = {};
  console.log(`${options.scenario.name}: ${options.recorders} recorders × ${options.seconds} s …`);
  const row = await measure(
    async (instrumentation) => {
      const servers = await launchEmbedded(instrumentation, options.serverEnv);
      return underAttack(apiSystem(servers), servers.origins[0]!, options.scenario, (lines) => {
        attackReport = lines;
      });
    },
    {
      recorders: options.recorders,
      seconds: options.seconds,
      chunkBytes: 250 * 1024,
      jitterMs: 50,
      generatorProcesses: options.generators,
      quietCores: options.quietCores,
      quietWaitMs: options.quietWaitMs,
    },
  );
  console.log(`\n${markdownTable([row])}\n\n${footnotes([row])}\n`);
  console.log(`Attack (${options.scenario.name}):`);
  for (const [name, value] of Object.entries(attackReport)) console.log(`- ${name}: ${value}`);
  console.log(`\nChunk p99 ${row.p99Ms.toFixed(0)} ms (target ≤ 250 ms).`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
