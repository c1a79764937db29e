import { z } from 'zod';
import { defineFormat, type UpgradeStep } from '../formats/upgrade';
import { NO_TEXTS, REPORT_LANGUAGES, textsFromSingle, type TextsByLanguage } from '../domain/texts-by-language';

/**
 * The vault's settings: one schema for every reader (the app, the Reports screen, the command
 * line), stored encrypted as one record, read through its upgrade path. The schema is lenient
 * where a setting is a preference (a value out of range falls back to its default rather than
 * losing the vault's other settings) and strict where it is a format.
 */

/** A quarter's key, `2026-Q2`. */
export const QUARTER_KEY = /^\d{4}-Q[1-4]$/;

/** How many shown reminders are remembered: enough for years of deadlines, small enough to seal quickly. */
const REMEMBERED_REMINDERS = 2000;

/** A text per report language; a language without a string has none. */
const textsByLanguage = z
  .record(z.string(), z.unknown())
  .catch({})
  .transform(
    (texts): TextsByLanguage =>
      Object.fromEntries(
        REPORT_LANGUAGES.map((language) => {
          const text = texts[language];
          return [language, typeof text === 'string' ? text : ''];
        }),
      ) as TextsByLanguage,
  );

/** What the monitor set for one quarter's report: kept encrypted, per quarter. */
export const reportSettingsSchema = z.object({
  /** The section's title in each language ('': the default title). */
  titles: textsByLanguage,
  /** The section's number in the report, in the default title ('' for none). */
  sectionNumber: z.string().max(20).catch('2'),
  /** The introduction in each language. */
  introductions: textsByLanguage,
  /** The editor's order of the quarter's developments (entry ids). */
  order: z
    .array(z.unknown())
    .catch([])
    .transform((ids) => ids.filter((id): id is string => typeof id === 'string')),
  statistics: z.boolean().catch(false),
});
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

/** The report settings of a quarter nobody has set up yet. */
export const DEFAULT_REPORT_SETTINGS: ReportSettings = reportSettingsSchema.parse({});

export const vaultSettingsSchema = z.object({
  autoLockMinutes: z.number().int().min(1).max(240).catch(10),
  /** When the last backup was made (ISO time), or null. */
  lastBackupAt: z.string().nullable().catch(null),
  /** Report settings by quarter (`2026-Q2`); entries under other keys, or not objects, are dropped. */
  reports: z
    .record(z.string(), z.unknown())
    .catch({})
    .transform((reports) => {
      const out: Record<string, ReportSettings> = {};
      for (const [quarter, raw] of Object.entries(reports))
        if (QUARTER_KEY.test(quarter) && typeof raw === 'object' && raw !== null)
          out[quarter] = reportSettingsSchema.parse(raw);
      return out;
    }),
  /** Reminders already shown (deadline id @ moment), so each is shown once. */
  notifiedReminders: z
    .array(z.unknown())
    .catch([])
    .transform((keys) => keys.filter((key): key is string => typeof key === 'string').slice(-REMEMBERED_REMINDERS)),
  /**
   * Whether a reminder's notification names the deadline and its case. Off: it says only that
   * something is due, since the OS keeps notifications in plain text and shows them when locked.
   */
  reminderDetails: z.boolean().catch(false),
});
export type VaultSettings = z.infer<typeof vaultSettingsSchema>;

/** The upgrade path of the settings record (field `v`; settings written before versions are version 1). */
export const SETTINGS_STEPS: readonly UpgradeStep[] = [
  {
    from: 1,
    name: 'reminder notifications name nothing unless the user opts in',
    up: (value) => ({ ...value, reminderDetails: false }),
  },
  {
    from: 2,
    name: 'each quarter’s section is numbered 2, as its title said before the number could be set',
    up: (value) => eachQuarter(value, (report) => ({ ...report, sectionNumber: '2' })),
  },
  {
    from: 3,
    name: 'a quarter’s title and introduction per language (each filed under the language its script shows); the report language is chosen when exporting',
    up: (value) =>
      eachQuarter(value, ({ title, introduction, language: _language, ...report }) => ({
        ...report,
        titles: typeof title === 'string' ? textsFromSingle(title) : NO_TEXTS,
        introductions: typeof introduction === 'string' ? textsFromSingle(introduction) : NO_TEXTS,
      })),
  },
];

/** The settings with each quarter's report settings (those that are objects) changed by `change`. */
function eachQuarter(
  value: Record<string, unknown>,
  change: (report: Record<string, unknown>) => Record<string, unknown>,
): Record<string, unknown> {
  const reports = value.reports;
  if (typeof reports !== 'object' || reports === null) return value;
  return {
    ...value,
    reports: Object.fromEntries(
      Object.entries(reports).map(([quarter, report]) => [
        quarter,
        typeof report === 'object' && report !== null ? change(report as Record<string, unknown>) : report,
      ]),
    ),
  };
}

export const settingsFormat = defineFormat<VaultSettings>({
  kind: 'settings',
  current: 4,
  field: 'v',
  steps: SETTINGS_STEPS,
  schema: vaultSettingsSchema,
});

export const DEFAULT_SETTINGS: VaultSettings = vaultSettingsSchema.parse({});

/**
 * Stored settings as the current version, with defaults for what is missing; none stored (null)
 * gives the defaults. A record made by a newer Qorgau is refused (`FormatTooNewError`).
 */
export function readSettings(stored: unknown): VaultSettings {
  return stored === null || stored === undefined ? DEFAULT_SETTINGS : settingsFormat.read(stored);
}

/** A quarter's report settings from the vault's settings, or the defaults. */
export function reportSettingsFor(settings: VaultSettings, quarter: string): ReportSettings {
  return settings.reports[quarter] ?? DEFAULT_REPORT_SETTINGS;
}
