import type { z } from 'zod';
import { VaultError } from '../crypto/errors';

/**
 * How stored formats evolve. Every record kind and file Qorgau writes carries a format version;
 * reading goes through that kind's upgrade path, a chain of small named steps from every version
 * this code has ever written to the current one, then its schema, which supplies defaults.
 * Writing always writes the current version. A version newer than this code knows is refused
 * whole (`FormatTooNewError`), never half read.
 *
 * To add a field: bump `current`, add a step `{ from: current - 1, … }` that sets it (or let the
 * schema's `.default()` do it), and commit fixtures of the new version under `tests/fixtures/`.
 */

/** The kinds of stored things that carry a format version. */
export type FormatKind =
  | 'case-file'
  | 'page'
  | 'search-page'
  | 'settings'
  | 'vault-header'
  | 'backup'
  | 'case-package'
  | 'device-document'
  | 'manifest'
  | 'form-drafts';

/** A stored thing made by a newer Qorgau than this one: refused, never half read. */
export class FormatTooNewError extends VaultError {
  constructor(
    readonly kind: FormatKind,
    readonly version: number,
    readonly newest: number,
  ) {
    super(
      'format-too-new',
      `${kind}: it was made by a newer Qorgau (format ${version}; this version reads up to ${newest}). Update Qorgau to open it; nothing was changed.`,
      { kind, version, newest },
    );
    this.name = 'FormatTooNewError';
  }
}

/** A stored value whose version field is not a version at all: damaged or not ours. */
export class FormatVersionError extends VaultError {
  constructor(
    readonly kind: FormatKind,
    readonly found: unknown,
  ) {
    super('unsupported-format', `${kind}: its format version is not one Qorgau writes; nothing was changed.`, { kind });
    this.name = 'FormatVersionError';
  }
}

/** One step of an upgrade path: a value of version `from` in, the same value as `from + 1` out. */
export type UpgradeStep = {
  readonly from: number;
  /** What the step does, for the reader of the chain and of a failure. */
  readonly name: string;
  readonly up: (value: Record<string, unknown>) => Record<string, unknown>;
};

export type Format<T> = {
  readonly kind: FormatKind;
  /** The version this code writes. */
  readonly current: number;
  /** The version of a stored value (a value with none is version 1, as written before versions). */
  readonly versionOf: (value: Record<string, unknown>) => number;
  /**
   * A stored value as the current version: checked, upgraded step by step, and given to the
   * schema (which fills defaults). A value already current is upgraded by no step; with
   * `trustCurrent` (authenticated records this code validated when it wrote them) its schema is
   * skipped too, so reading costs nothing on the hot path.
   */
  readonly read: (value: unknown, options?: { readonly trustCurrent?: boolean }) => T;
  /** The value stamped with the current version, as written. */
  readonly stamp: (value: T) => Record<string, unknown>;
};

/**
 * Defines a format: its kind, current version, version field, upgrade steps and schema. The
 * steps must cover every version from 1 to `current - 1`, once each: checked here, at load, so a
 * missing step fails every test rather than one user's read.
 */
export function defineFormat<T>(options: {
  readonly kind: FormatKind;
  readonly current: number;
  readonly field: string;
  readonly steps: readonly UpgradeStep[];
  readonly schema: z.ZodType<T>;
}): Format<T> {
  const { kind, current, field, steps, schema } = options;
  const byVersion = new Map(steps.map((step) => [step.from, step]));
  for (let version = 1; version < current; version += 1)
    if (!byVersion.has(version)) throw new Error(`${kind}: no upgrade step from version ${version}`);
  if (byVersion.size !== current - 1) throw new Error(`${kind}: upgrade steps beyond version ${current}`);

  const versionOf = (value: Record<string, unknown>): number => {
    const version = value[field] ?? 1;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
      throw new FormatVersionError(kind, version);
    if (version > current) throw new FormatTooNewError(kind, version, current);
    return version;
  };
  return {
    kind,
    current,
    versionOf,
    read(value, readOptions = {}) {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new FormatVersionError(kind, value);
      let upgraded = value as Record<string, unknown>;
      const version = versionOf(upgraded);
      if (version === current && readOptions.trustCurrent === true) {
        const { [field]: _version, ...rest } = upgraded;
        return rest as T;
      }
      for (let at = version; at < current; at += 1) upgraded = byVersion.get(at)!.up(upgraded);
      // The schema does not declare the version field: what it gives back is the value alone.
      return schema.parse(upgraded);
    },
    stamp: (value) => ({ [field]: current, ...(value as Record<string, unknown>) }),
  };
}
