import http from 'node:http';
import { httpRequest } from '../ingest/http-client.js';
import { percentile, sortedCopy } from '../ingest/stats.js';
import type { HostileScenario, RunningAttack } from './scenario.js';

/** Failed sign-ins kept in flight at once, as in issue 8. */
const PARALLEL = 64;

/**
 * 64 parallel failed sign-ins, each with a fresh email, without pause, answered or refused. Each
 * claims a different client address in X-Forwarded-For: a server started with TRUST_PROXY=1
 * believes it (a botnet behind a proxy, where only the hashing bound protects), any other sees
 * one address (where the per-address throttle soon answers everything with 429).
 */
export const loginFlood: HostileScenario = {
  name: 'login-flood',
  async start(origin: string): Promise<RunningAttack> {
    const agent = new http.Agent({ keepAlive: true, maxSockets: PARALLEL });
    const statuses = new Map<number, number>();
    const latencies: number[] = [];
    let running = true;
    let sent = 0;
    const attacker = async (n: number) => {
      while (running) {
        sent++;
        const started = performance.now();
        const status = await httpRequest({
          method: 'POST',
          url: `${origin}/api/v1/auth/login`,
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': `10.${n}.${(sent >> 8) & 255}.${sent & 255}`,
          },
          body: Buffer.from(
            JSON.stringify({ email: `guess-${n}-${sent}@example.test`, password: 'wrong guess' }),
          ),
          agent,
          timeoutMs: 120_000,
        }).then(
          (res) => res.status,
          () => 0,
        );
        latencies.push(performance.now() - started);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    const startedAt = performance.now();
    const attackers = Array.from({ length: PARALLEL }, (_, n) => attacker(n));
    return {
      async stop() {
        running = false;
        await Promise.all(attackers);
        agent.destroy();
        const seconds = (performance.now() - startedAt) / 1000;
        const sorted = sortedCopy(latencies);
        return {
          'login attempts': latencies.length,
          'attempts/s': (latencies.length / seconds).toFixed(0),
          'answers by status': [...statuses].map(([s, n]) => `${s || 'error'}×${n}`).join(' '),
          'attempt p50 ms': percentile(sorted, 50).toFixed(0),
          'attempt p99 ms': percentile(sorted, 99).toFixed(0),
        };
      },
    };
  },
};
