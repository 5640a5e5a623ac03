import assert from 'node:assert/strict';
import {
  assertStrongPassword,
  createStrengthEstimator,
} from '../../server/auth/password-quality.js';
import { InputError, UnavailableError } from '../../server/errors.js';

const workerFile = (name: string) => new URL(`./workers/${name}.worker.ts`, import.meta.url);

describe('password quality (zxcvbn in a worker thread)', function () {
  // Each new worker loads its dictionaries: seconds apiece on a loaded machine.
  this.timeout(90_000);

  it('refuses a guessable password, naming the field and the reason', async () => {
    const estimator = createStrengthEstimator(60_000);
    await assert.rejects(
      assertStrongPassword('password1234', 'newPassword', {}, estimator),
      (err: unknown) => {
        assert.ok(err instanceof InputError);
        assert.match(err.message, /^Choose a stronger password\./);
        const [first] = err.extra.errors as { path: string }[];
        assert.equal(first?.path, 'newPassword');
        return true;
      },
    );
    await assertStrongPassword('violet tugboat arithmetic marmalade', 'password', {}, estimator);
  });

  it("counts the user's own name and email against the password", async () => {
    const estimator = createStrengthEstimator(60_000);
    const personal = { email: 'zorblaxquintessimo@example.com', name: 'Zorblax Ng' };
    await assertStrongPassword('zorblaxquintessimo', 'password', {}, estimator);
    await assert.rejects(
      assertStrongPassword('zorblaxquintessimo', 'password', personal, estimator),
      InputError,
    );
  });

  it('gives its memory back when idle, and starts again when needed', async () => {
    const estimator = createStrengthEstimator(200);
    assert.equal(estimator.isRunning, false, 'nothing loaded before the first check');
    await assertStrongPassword('violet tugboat arithmetic marmalade', 'password', {}, estimator);
    assert.equal(estimator.isRunning, true);
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(estimator.isRunning, false, 'the worker exited after being idle');
    await assert.rejects(assertStrongPassword('qwertyuiop', 'password', {}, estimator), InputError);
  });

  it('does not count a slow start against the check: a loaded machine still creates users', async () => {
    const estimator = createStrengthEstimator(60_000, {
      checkTimeoutMs: 5_000,
      workerFile: workerFile('slow-start'),
      // Longer than the 10-s bound that used to include start-up.
      workerData: { delayMs: 11_000 },
    });
    await assertStrongPassword('violet tugboat arithmetic marmalade', 'password', {}, estimator);
    await assert.rejects(assertStrongPassword('qwertyuiop', 'password', {}, estimator), InputError);
  });

  it('bounds a check that never answers: 503 "try again", and the next check gets a new worker', async () => {
    const estimator = createStrengthEstimator(60_000, {
      checkTimeoutMs: 300,
      workerFile: workerFile('silent'),
    });
    await assert.rejects(
      assertStrongPassword('violet tugboat arithmetic marmalade', 'password', {}, estimator),
      (err: unknown) => err instanceof UnavailableError && err.status === 503,
    );
    assert.equal(estimator.isRunning, false, 'the hung worker was stopped');
  });
});
