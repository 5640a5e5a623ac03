import pino, { type Logger } from 'pino';

/**
 * Errors are logged by name, code and message only: stack traces carry file paths and
 * sometimes data, and never belong in a log line. Request headers are not logged at all.
 */
function errorSummary(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const code = (err as { code?: unknown }).code;
  return { type: err.name, message: err.message, ...(code === undefined ? {} : { code }) };
}

export function createLogger(level: string): Logger {
  return pino({ level, serializers: { err: errorSummary } });
}
