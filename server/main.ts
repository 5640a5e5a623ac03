import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(2);
  }
  const log = createLogger(config.logLevel);
  const server = await startServer(config, { log });
  const setup = {
    role: config.role,
    database: config.databaseUrl ? 'postgresql' : 'sqlite',
    storage: server.deps.storage.kind,
    jobs: config.redisUrl ? 'bullmq' : 'in-process',
    // Node reads it once at start; file writes and fsyncs queue for these threads.
    threadPool: Number(process.env.UV_THREADPOOL_SIZE ?? 4),
  };
  if (server.http) log.info({ url: config.publicUrl, ...setup }, 'listening');
  else log.info(setup, 'worker started');

  if (server.bootstrap.kind === 'generated-admin') {
    // Printed once, to the console and not to the log: the only time this password exists in clear.
    console.log(
      `\n  Open ${config.publicUrl} and sign in as ${server.bootstrap.email}\n` +
        `  with the password ${server.bootstrap.password}\n` +
        '  It is shown only this once: create your own admin account, or set ADMIN_EMAIL and ADMIN_PASSWORD.\n',
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing requests and jobs');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  console.error('The server could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
