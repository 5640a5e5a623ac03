/**
 * The password-strength estimator in a worker thread (see password-quality.ts): its
 * dictionaries take ~50 MB and a check takes 50–200 ms of CPU, neither of which belongs on the
 * server's event loop, and the memory is given back when the worker exits.
 */
import { parentPort } from 'node:worker_threads';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as fr from '@zxcvbn-ts/language-fr';
import type { StrengthRequest, StrengthResult, WorkerReady } from './password-quality.js';

const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
  // Long passwords are strong by length; estimating past this only costs CPU.
  maxLength: 100,
});

parentPort!.on('message', ({ id, password, userInputs }: StrengthRequest) => {
  const result = estimator.check(password, userInputs);
  const reply: StrengthResult = {
    id,
    score: result.score,
    warning: result.feedback.warning,
    suggestion: result.feedback.suggestions[0] ?? null,
  };
  parentPort!.postMessage(reply);
});

// Checks are timed from here on: loading the dictionaries above is not a check.
parentPort!.postMessage({ ready: true } satisfies WorkerReady);
