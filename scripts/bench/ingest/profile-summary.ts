/**
 * Where a V8 CPU profile (from `ingest.ts --cpu-prof DIR`) spent its time: self time by
 * package or area, then the heaviest functions.
 *
 *   npx tsx scripts/bench/ingest/profile-summary.ts FILE.cpuprofile [--top 25] [--callers NAME]
 *
 * --callers NAME: the call paths (innermost 6 frames) leading to functions named NAME, by
 * self time: a native function such as `writev` says little until one sees who calls it.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time in ms per profile node id. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const times = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    times.set(id, (times.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return times;
}

/** The package a script belongs to, or the V8/Node area for non-package code. */
function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith('node:')) return url.replace(/^node:internal\/([^/]+).*/, 'node:$1');
  const local = /\/work\/[^/]+\/(\w+)\//.exec(url)?.[1];
  return local ? `app:${local}` : url;
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/\/work\/[^/]+\//, '');
  return `${functionName || '(anonymous)'}${url ? ` ${file}:${lineNumber + 1}` : ''}`;
}

function printCallers(profile: CpuProfile, name: string, times: Map<number, number>): void {
  const parentOf = new Map<number, ProfileNode>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node);
  const paths = new Map<string, number>();
  for (const node of profile.nodes) {
    if (node.callFrame.functionName !== name) continue;
    const frames: string[] = [];
    for (let at = parentOf.get(node.id); at && frames.length < 6; at = parentOf.get(at.id)) {
      frames.push(frameName(at));
    }
    addTo(paths, frames.join('\n          ← '), times.get(node.id) ?? 0);
  }
  console.log(`\ncallers of ${name}`);
  for (const [path, ms] of [...paths].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
    console.log(`${ms.toFixed(0).padStart(7)} ms  ${path}`);
  }
}

function addTo(totals: Map<string, number>, key: string, ms: number): void {
  totals.set(key, (totals.get(key) ?? 0) + ms);
}

function printTop(title: string, totals: Map<string, number>, all: number, top: number): void {
  console.log(`\n${title}`);
  const sorted = [...totals].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [key, ms] of sorted) {
    console.log(
      `${((ms / all) * 100).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(7)} ms  ${key}`,
    );
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '25' }, callers: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) throw new Error('usage: profile-summary.ts FILE.cpuprofile [--top 25]');
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let all = 0;
  const times = selfTimes(profile);
  for (const [id, ms] of times) {
    const node = byId.get(id)!;
    all += ms;
    addTo(areas, areaOf(node.callFrame.url, node.callFrame.functionName), ms);
    addTo(functions, frameName(node), ms);
  }
  console.log(`${file}: ${(all / 1000).toFixed(1)} s sampled`);
  printTop('self time by area', areas, all, Number(values.top));
  printTop('self time by function', functions, all, Number(values.top));
  if (values.callers) printCallers(profile, values.callers, times);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
