import assert from 'node:assert/strict';
import { ApiError, problemFields, throwProblem } from '../../web-components/api-client.js';
import { CandidateApi } from '../../web-components/candidate/candidate-api.js';
import { ApplyProblem } from '../../web-components/programme/apply-api.js';

/** The one browser reader of problem documents, on responses as the server sends them. */
describe('browser: problem documents (problemFields)', () => {
  const problem = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/problem+json', ...headers },
    });

  it('reads code, detail, refused fields and Retry-After', () => {
    const body = {
      type: 'about:blank',
      status: 429,
      code: 'rate_limited',
      detail: 'Too many applications.',
      errors: [{ path: 'email', message: 'is not an email address' }],
    };
    const fields = problemFields(problem(429, body, { 'retry-after': '30' }), body);
    assert.deepEqual(
      { ...fields, body: undefined },
      {
        status: 429,
        code: 'rate_limited',
        detail: 'Too many applications.',
        errors: [{ path: 'email', message: 'is not an email address' }],
        retryAfterMs: 30_000,
        body: undefined,
      },
    );
    assert.equal(fields.body, body);
  });

  it('names a body without a problem document by its status, with the fallback sentence', () => {
    const fields = problemFields(problem(502, undefined), null, 'Something went wrong.');
    assert.equal(fields.code, 'http_502');
    assert.equal(fields.detail, 'Something went wrong.');
    assert.deepEqual(fields.errors, []);
    assert.equal(fields.retryAfterMs, null);
  });

  it('throws the workspace ApiError and the apply page ApplyProblem from the same fields', async () => {
    const body = { code: 'not_found', detail: 'No such interview.' };
    await assert.rejects(throwProblem(problem(404, body)), (err: unknown) => {
      assert.ok(err instanceof ApiError);
      assert.deepEqual(
        [err.status, err.code, err.message],
        [404, 'not_found', 'No such interview.'],
      );
      return true;
    });
    const refused = {
      code: 'invalid_request',
      detail: 'Bad.',
      errors: [{ path: 'name', message: 'is required' }],
    };
    const apply = new ApplyProblem(
      problemFields(problem(400, refused, { 'retry-after': '5' }), refused),
    );
    assert.ok(apply instanceof ApiError);
    assert.deepEqual(
      [apply.code, apply.errors, apply.retryAfter],
      ['invalid_request', refused.errors, 5],
    );
  });

  it('gives the recorder the same code, sentence, extension members and Retry-After', async () => {
    const body = { code: 'chunk_count_mismatch', detail: 'Missing chunks.', missing: [2, 3] };
    const api = new CandidateApi('', 'token', async () =>
      problem(409, body, { 'retry-after': '2' }),
    );
    await assert.rejects(api.session(), (err: unknown) => {
      assert.ok(err instanceof ApiError);
      const {
        status,
        code,
        message,
        problem: members,
        retryAfterMs,
      } = err as ApiError & {
        problem: Record<string, unknown>;
        retryAfterMs: number | null;
      };
      assert.deepEqual(
        [status, code, message, members.missing, retryAfterMs],
        [409, 'chunk_count_mismatch', 'Missing chunks.', [2, 3], 2000],
      );
      return true;
    });
  });
});
