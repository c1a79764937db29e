import i18next, { type TFunction } from 'i18next';
import { VaultError, type ErrorParams } from '../../../shared/crypto/errors';

/**
 * A failure as the app keeps it: the error's code and what a sentence about it needs, never its
 * English message. It is worded when it is shown (`failureText`), in the language of that moment,
 * so switching language re-words an error already on screen.
 */
export type Failure = { readonly code: string; readonly params: ErrorParams };

/** What is kept of an error: a VaultError's code and params; anything else is unexpected (its words go nowhere). */
export function failureOf(error: unknown): Failure {
  if (error instanceof VaultError) return { code: error.code, params: error.params };
  // The desktop host's failures (renderer/src/platform) carry the host's own words: not shown.
  if (error instanceof Error && error.name === 'PlatformError') return { code: 'platform', params: {} };
  return { code: 'unexpected', params: {} };
}

/**
 * The sentence for a failure in the current language: `errors.<code>.<reason>`, else
 * `errors.<code>.default`, else the unexpected-failure sentence. Operation, record-kind and
 * format-kind codes in the params are worded too.
 */
export function failureText(t: TFunction, failure: Failure): string {
  const { code, params } = failure;
  const reason = typeof params.reason === 'string' ? params.reason : null;
  const key = [reason === null ? null : `errors.${code}.${reason}`, `errors.${code}.default`].find(
    (candidate): candidate is string => candidate !== null && i18next.exists(candidate),
  );
  const values: Record<string, string | number> = { ...params };
  if (typeof params.operation === 'string' && i18next.exists(`errors.operation.${params.operation}`))
    values.operation = t(`errors.operation.${params.operation}` as 'errors.operation.save');
  if (typeof params.table === 'string' && i18next.exists(`errors.table.${params.table}`))
    values.table = t(`errors.table.${params.table}` as 'errors.table.pages');
  if (typeof params.kind === 'string' && i18next.exists(`errors.kind.${params.kind}`))
    values.what = t(`errors.kind.${params.kind}` as 'errors.kind.backup');
  return t((key ?? 'errors.unexpected.default') as 'errors.unexpected.default', values);
}
