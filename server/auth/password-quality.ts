import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as fr from '@zxcvbn-ts/language-fr';
import { InputError } from '../errors.js';

/** zxcvbn's scale is 0–4; 3 is "safely unguessable: moderate protection from offline attacks". */
const MIN_SCORE = 3;

// Loading the dictionaries takes most of a second and some 20 MB: only when first needed.
let estimator: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    // Long passwords are strong by length; estimating past this only costs CPU.
    maxLength: 100,
  });
  return estimator;
}

/**
 * Refuses a password that common-password lists, dictionaries (English, French), keyboard
 * patterns or the user's own name and email make easy to guess. Throws a 400 naming `field`
 * with zxcvbn's reason, so the form can show it.
 */
export function assertStrongPassword(
  password: string,
  field: string,
  personal: { email?: string; name?: string } = {},
): void {
  const userInputs = [personal.email, personal.email?.split('@')[0], personal.name].filter(
    (v): v is string => Boolean(v),
  );
  const result = zxcvbn().check(password, userInputs);
  if (result.score >= MIN_SCORE) return;
  const reason = result.feedback.warning ?? 'It is too easy to guess.';
  const hint = result.feedback.suggestions[0] ?? 'Use a few uncommon words together.';
  throw new InputError(`Choose a stronger password. ${reason} ${hint}`.replace(/\.\./g, '.'), [
    { path: field, message: `is too easy to guess. ${reason} ${hint}`.replace(/\.\./g, '.') },
  ]);
}
