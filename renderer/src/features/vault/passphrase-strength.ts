import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** 0–4, as zxcvbn scores; below 3 is refused (guessable within hours by an offline attacker). */
export type StrengthScore = 0 | 1 | 2 | 3 | 4;
export const MIN_ACCEPTED_SCORE: StrengthScore = 3;

export type Strength = {
  readonly score: StrengthScore;
  /** zxcvbn's own warning and suggestions (English), shown in the English UI. */
  readonly warning: string;
  readonly suggestions: readonly string[];
};

let estimator: Promise<ZxcvbnFactory> | null = null;

/** Loads the dictionaries (about a megabyte) only when someone types a passphrase. */
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        translations: en.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary },
      }),
  );
  return estimator;
}

/** Estimates how guessable a passphrase is; `userInputs` (app name, …) count as known words. */
export async function estimateStrength(passphrase: string, userInputs: string[] = []): Promise<Strength> {
  const result = (await loadEstimator()).check(passphrase, ['qorgau', 'vault', ...userInputs]);
  return {
    score: result.score,
    warning: result.feedback.warning ?? '',
    suggestions: result.feedback.suggestions,
  };
}

/** Why a new passphrase cannot be used, or null: too guessable, or the two entries differ. */
export async function newPassphraseProblem(
  passphrase: string,
  confirmation: string,
): Promise<{ readonly reason: 'too-weak'; readonly warning: string } | { readonly reason: 'mismatch' } | null> {
  const checked = await estimateStrength(passphrase);
  if (checked.score < MIN_ACCEPTED_SCORE) return { reason: 'too-weak', warning: checked.warning };
  if (passphrase !== confirmation) return { reason: 'mismatch' };
  return null;
}
