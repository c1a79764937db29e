import { REPORT_LANGUAGES, type ReportLanguage } from '../../shared/report/locale';
import { VaultError } from '../../shared/crypto/errors';
import type { BackupSecret } from './export-from-backup';
import type { SectionModel } from '../../shared/report/legal-pressure-section';
import type { ReportCase } from '../../shared/report/quarter-selection';

export const HELP = `Usage: qorgau export --backup FILE --quarter YYYY-Qn [--lang en|ru|kk] --out FILE.docx
                     [--untranslated leave-out|mark] [--recovery-key]

Writes the quarter's "Legal Pressure" section from a Qorgau backup file, the same document the
app exports.

The passphrase is asked for on the terminal (not echoed): prefer that. For a script, it may be
given in QORGAU_PASSPHRASE, which other programs of the same user can read while it runs. With
--recovery-key, the recovery key shown when the vault was made opens it instead (asked for, or
from QORGAU_RECOVERY_KEY). Without a terminal and without either variable, nothing is written.

Options:
  --backup FILE     a .qorgau backup made in the app (Settings → Backup)
  --quarter Q       the quarter, e.g. 2026-Q2
  --lang L          report language: en, ru or kk (default: the language of LANG if one
                    of these, else en)
  --untranslated W  a development with no text in that language: leave-out (default) or
                    mark (use another language's text, marked for translation); either
                    way each one is listed
  --out FILE        where to write the .docx (written atomically)
  --recovery-key    open the backup with its recovery key rather than the passphrase
  --help            this text
`;

/** A command line that cannot run: the one line to print, and exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type ExportRequest = {
  readonly backup: string;
  readonly quarter: string;
  readonly language: ReportLanguage;
  readonly out: string;
  readonly untranslated: 'leave-out' | 'mark';
  readonly secretKind: 'passphrase' | 'recovery-key';
};

const FLAGS = new Set(['recovery-key']);
const VALUED = new Set(['backup', 'quarter', 'lang', 'out', 'untranslated']);

/** The report language the environment's locale names (`LANG=ru_RU.UTF-8` → ru), else English. */
export function languageOfLocale(env: Readonly<Record<string, string | undefined>>): ReportLanguage {
  const tag = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').slice(0, 2).toLowerCase();
  return (REPORT_LANGUAGES as readonly string[]).includes(tag) ? (tag as ReportLanguage) : 'en';
}

/** The arguments after `export`, checked; a `UsageError` says what is wrong. */
export function parseExportArgs(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): ExportRequest {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    if (name !== null && FLAGS.has(name)) {
      flags.add(name);
    } else if (name !== null && VALUED.has(name)) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value.`);
      values.set(name, value);
      i += 1;
    } else {
      throw new UsageError(`unknown option "${arg}" (see qorgau --help).`);
    }
  }
  const backup = values.get('backup');
  const quarter = values.get('quarter');
  const out = values.get('out');
  if (!backup || !quarter || !out) throw new UsageError('--backup, --quarter and --out are required.');
  const language = values.get('lang') ?? languageOfLocale(env);
  if (!(REPORT_LANGUAGES as readonly string[]).includes(language))
    throw new UsageError(`--lang must be one of ${REPORT_LANGUAGES.join(', ')}.`);
  const untranslated = values.get('untranslated') ?? 'leave-out';
  if (untranslated !== 'leave-out' && untranslated !== 'mark')
    throw new UsageError('--untranslated must be leave-out or mark.');
  return {
    backup,
    quarter,
    out,
    language: language as ReportLanguage,
    untranslated,
    secretKind: flags.has('recovery-key') ? 'recovery-key' : 'passphrase',
  };
}

/**
 * The secret that opens the backup: from the environment, else asked on the terminal. Without a
 * terminal there is nobody to ask: a `UsageError`, before anything is read or written.
 */
export async function secretFor(
  kind: ExportRequest['secretKind'],
  env: Readonly<Record<string, string | undefined>>,
  terminal: { readonly interactive: boolean; ask(prompt: string): Promise<string> },
): Promise<BackupSecret> {
  const variable = kind === 'recovery-key' ? 'QORGAU_RECOVERY_KEY' : 'QORGAU_PASSPHRASE';
  const prompt = kind === 'recovery-key' ? 'Recovery key: ' : 'Passphrase: ';
  let value = env[variable];
  if (value === undefined) {
    if (!terminal.interactive)
      throw new UsageError(
        `no ${kind === 'recovery-key' ? 'recovery key' : 'passphrase'}: run it in a terminal to be asked, or set ${variable}. Nothing was written.`,
      );
    value = await terminal.ask(prompt);
  }
  return kind === 'recovery-key' ? { recoveryKey: value } : { passphrase: value };
}

const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: 'there is no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'the disk is full',
  EROFS: 'the disk is read-only',
  EEXIST: 'a file of that name appeared meanwhile',
};

/**
 * One line for any failure: what was being done, to which file the user named (never a temporary
 * file's name), and why, in words. Vault errors already say what and where.
 */
export function failureLine(
  error: unknown,
  doing: { readonly action: 'read' | 'write'; readonly file: string } | null,
): string {
  if (error instanceof UsageError || error instanceof VaultError) return `qorgau: ${error.message}`;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && doing !== null) {
    const why = FILE_PROBLEMS[code] ?? `the system refused (${code})`;
    const what = doing.action === 'read' ? 'cannot read the backup' : 'cannot write the report';
    return `qorgau: ${what} "${doing.file}": ${why}.${doing.action === 'write' ? ' Nothing was written.' : ''}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `qorgau: ${message.split('\n')[0]}`;
}

const LANGUAGE_NAMES: Readonly<Record<ReportLanguage, string>> = { en: 'English', ru: 'Russian', kk: 'Kazakh' };

/**
 * What the export did not put in the file as written, one line each, so nothing is dropped
 * unseen: developments with no text in the language (left out, or marked for translation) and
 * developments marked for the report with no text at all. Each names its date and case.
 */
export function omissionLines(model: SectionModel, cases: readonly ReportCase[]): string[] {
  const describe = (entryId: string) => {
    for (const view of cases) {
      const entry = view.entries.find((e) => e.id === entryId);
      if (entry) return `  ${entry.record.date} · ${view.record.title}`;
    }
    return `  ${entryId}`;
  };
  const lines: string[] = [];
  const language = LANGUAGE_NAMES[model.language];
  const marked = model.months.some((m) => m.paragraphs.some((p) => p.translateFrom !== null));
  if (model.untranslated.length > 0) {
    lines.push(
      marked
        ? `qorgau: ${model.untranslated.length} development(s) have no ${language} text; each is in the file in another language, marked for translation:`
        : `qorgau: ${model.untranslated.length} development(s) have no ${language} text and were left out (--untranslated mark puts them in, marked for translation):`,
      ...model.untranslated.map((u) => `${describe(u.entryId)} (${LANGUAGE_NAMES[u.from]} text)`),
    );
  }
  if (model.missingText.length > 0)
    lines.push(
      `qorgau: ${model.missingText.length} development(s) marked for the report have no report text in any language and were left out:`,
      ...model.missingText.map(describe),
    );
  return lines;
}
