import type { IngestRow } from './measure.js';

const fixed = (value: number, digits = 0) => value.toFixed(digits);

/**
 * The results as a markdown table. Each of our rows is compared with the tus row of the same
 * recorder count: throughput as ours ÷ tus (≥ 1.0× is the target), memory likewise (≤ 1.0×).
 */
export function markdownTable(rows: IngestRow[]): string {
  const header =
    '| setup | recorders | p50 ms | p95 ms | p99 ms | max ms | acked MB/s (offered) | peak RSS MB | errors | lost | server CPU % | CPU ms/chunk | server loop p99 ms | MB/s vs tus | RSS vs tus |';
  const rule = `|${'---|'.repeat(15)}`;
  const lines = rows.map((row) => {
    const tus = rows.find((r) => r.setup === 'tus' && r.recorders === row.recorders);
    const ratio = (ours: number, theirs: number | undefined) =>
      tus && row.setup !== 'tus' && theirs ? `${(ours / theirs).toFixed(2)}×` : '–';
    return `| ${[
      row.setup,
      row.recorders,
      fixed(row.p50Ms),
      fixed(row.p95Ms),
      fixed(row.p99Ms),
      fixed(row.maxMs),
      `${fixed(row.ackedMBps, 1)} (${fixed(row.offeredMBps, 1)})`,
      fixed(row.peakRssMb),
      row.errors + (row.unsent ? ` (+${row.unsent} unsent)` : ''),
      row.lost,
      fixed(row.serverCpuPercent),
      fixed(row.serverCpuMsPerChunk, 1),
      fixed(row.serverLoopP99Ms),
      ratio(row.ackedMBps, tus?.ackedMBps),
      ratio(row.peakRssMb, tus?.peakRssMb),
    ].join(' | ')} |`;
  });
  return [header, rule, ...lines].join('\n');
}

/** Evidence that the load generator kept up, and what the errors were. */
export function footnotes(rows: IngestRow[]): string {
  return rows
    .map((row) => {
      const errors = row.errorSamples.length ? `; errors: ${row.errorSamples.join(' | ')}` : '';
      const kernel =
        row.serverSystemCpuPercent === undefined
          ? ''
          : ` (kernel ${fixed(row.serverSystemCpuPercent)} %)`;
      const gc =
        row.serverGcMaxMs === undefined
          ? ''
          : `; server loop max ${fixed(row.serverLoopMaxMs ?? 0)} ms, longest GC pause ` +
            `${fixed(row.serverGcMaxMs)} ms, GC ${fixed(row.serverGcPercent ?? 0, 1)} % of the time`;
      const support = Object.entries(row.supportCpuPercent)
        .map(([name, percent]) => `; ${name} CPU ${fixed(percent)} %`)
        .join('');
      return (
        `- ${row.setup} ×${row.recorders}${row.disk ? `, ${row.disk} disk` : ''}: machine ${row.machineBusyCores.toFixed(2)} cores busy during ` +
        `the load (${row.busyBeforeCores.toFixed(2)} just before it); ` +
        `server CPU ${fixed(row.serverCpuPercent)} %${kernel}; ` +
        `generator CPU ≤ ${fixed(row.generatorCpuPercent)} % ` +
        `and loop p99 ≤ ${fixed(row.generatorLoopP99Ms)} ms per process; server idle RSS ` +
        `${fixed(row.idleRssMb)} MB, Buffer memory peak ${fixed(row.serverArrayBuffersMb)} MB${gc}${support}${errors}`
      );
    })
    .join('\n');
}
