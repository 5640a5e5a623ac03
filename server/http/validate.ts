import type { z } from 'zod';
import { InputError } from '../errors.js';

/** Parses a request part with a zod schema, or throws a 400 listing every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    path: issue.path.join('.') || '(body)',
    message:
      issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message,
  }));
  throw new InputError(
    `Some fields are not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`,
    errors,
  );
}
