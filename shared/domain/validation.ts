import type { z } from 'zod';

/** Messages by field path (`targets.0.name`), each an i18n key under `validation.*`. */
export type FieldErrors = Readonly<Record<string, string>>;

export type Validated<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: FieldErrors };

/**
 * Validates a whole form at once, so every bad field gets its message and nothing is saved half:
 * callers save only the `ok` value.
 */
export function validate<T>(schema: z.ZodType<T>, input: unknown): Validated<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= KNOWN_MESSAGES.has(issue.message) ? issue.message : 'invalid';
  }
  return { ok: false, errors };
}

const KNOWN_MESSAGES = new Set([
  'required',
  'too-long',
  'invalid-date',
  'invalid-time',
  'invalid-link',
  'invalid-amount',
]);
