import type { z } from 'zod';

/**
 * Messages by field path (`targets.0.name`), each an i18n key under `validation.*`; a text over
 * its limit carries the limit after a colon (`too-long:500`), so the message can name it.
 */
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
    const known = KNOWN_MESSAGES.has(issue.message) ? issue.message : 'invalid';
    errors[path] ??= issue.code === 'too_big' && known === 'too-long' ? `too-long:${issue.maximum}` : known;
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

/**
 * The longest text a schema takes at a path (`title`, `targets.0.name`), read from the schema
 * itself so a form states the same limit its validation enforces; undefined where there is none.
 */
export function maxLengthAt(schema: z.ZodType, path: string): number | undefined {
  let at: unknown = schema;
  for (const segment of path.split('.')) {
    const node = at as { shape?: Record<string, unknown>; element?: unknown };
    at = /^\d+$/.test(segment) ? node.element : node.shape?.[segment];
    if (at === undefined) return undefined;
  }
  const { maxLength } = at as { maxLength?: number | null };
  return typeof maxLength === 'number' ? maxLength : undefined;
}
