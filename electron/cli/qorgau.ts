import { readFile } from 'node:fs/promises';
import { stdin, stdout } from 'node:process';
import { createInterface } from 'node:readline';
import { REPORT_LANGUAGES, type ReportLanguage } from '../../shared/report/locale';
import { writeFileAtomic } from '../main/services/atomic-write';
import { exportFromBackup } from './export-from-backup';

const HELP = `Usage: qorgau export --backup FILE --quarter YYYY-Qn [--lang en|ru|kk] --out FILE.docx

Writes the quarter's "Legal Pressure" section from a Qorgau backup file, the same document the
app exports. The passphrase is read from QORGAU_PASSPHRASE, or asked for (not echoed).

Options:
  --backup FILE   a .qorgau backup made in the app (Settings → Backup)
  --quarter Q     the quarter, e.g. 2026-Q2
  --lang L        report language: en (default), ru or kk
  --out FILE      where to write the .docx (written atomically)
  --help          this text
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === 'help' || rest.includes('--help')) {
    stdout.write(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'export') {
    process.stderr.write(`qorgau: unknown command "${command}".\n\n${HELP}`);
    return 2;
  }
  const args = new Map<string, string>();
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i];
    const value = rest[i + 1];
    if (name === undefined || !name.startsWith('--') || value === undefined) {
      process.stderr.write(`qorgau: expected --option value pairs, got "${rest.slice(i).join(' ')}".\n`);
      return 2;
    }
    args.set(name.slice(2), value);
  }
  const backup = args.get('backup');
  const quarter = args.get('quarter');
  const out = args.get('out');
  const language = args.get('lang') ?? 'en';
  if (!backup || !quarter || !out) {
    process.stderr.write(`qorgau: --backup, --quarter and --out are required.\n\n${HELP}`);
    return 2;
  }
  if (!(REPORT_LANGUAGES as readonly string[]).includes(language)) {
    process.stderr.write(`qorgau: --lang must be one of ${REPORT_LANGUAGES.join(', ')}.\n`);
    return 2;
  }
  const passphrase = process.env.QORGAU_PASSPHRASE ?? (await askPassphrase());
  const docx = await exportFromBackup({
    backup: new Uint8Array(await readFile(backup)),
    passphrase,
    quarter,
    language: language as ReportLanguage,
  });
  await writeFileAtomic(out, docx);
  stdout.write(`qorgau: wrote ${out}\n`);
  return 0;
}

/** Asks for the passphrase on the terminal without echoing it. */
function askPassphrase(): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: stdin, output: stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput.bind(rl);
    (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text: string) => {
      write(text.startsWith('Passphrase') ? text : '');
    };
    rl.question('Passphrase: ', (answer) => {
      rl.close();
      stdout.write('\n');
      resolve(answer);
    });
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`qorgau: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
