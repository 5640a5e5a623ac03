/**
 * Domain errors. Use-cases throw these; one place (http/problem.ts) turns them into
 * RFC 9457 problem details. Their messages are shown to users: plain sentences, no internals.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra members for the problem document, such as `missing`. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export interface FieldError {
  path: string;
  message: string;
}

export class InputError extends AppError {
  constructor(message: string, errors: FieldError[] = []) {
    super(400, 'invalid_request', message, { errors });
  }
}

export class BadRequestError extends AppError {
  constructor(code: string, message: string) {
    super(400, code, message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in to continue.', code = 'unauthenticated') {
    super(401, code, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Your role does not allow this.') {
    super(403, 'forbidden', message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Nothing here.') {
    super(404, 'not_found', message);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, extra: Record<string, unknown> = {}) {
    super(409, code, message, extra);
  }
}

export class ExpiredError extends AppError {
  constructor(message = 'This interview is no longer open.') {
    super(410, 'expired', message);
  }
}

export class TooLargeError extends AppError {
  constructor(message: string) {
    super(413, 'too_large', message);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(message: string) {
    super(415, 'unsupported_media_type', message);
  }
}

export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'rate_limited', message);
  }
}

export class UnavailableError extends AppError {
  constructor(message = 'The service is not ready. Try again shortly.') {
    super(503, 'unavailable', message);
  }
}
