import { readFile } from 'node:fs/promises';
import { stdin, stderr, stdout } from 'node:process';
import { createInterface } from 'node:readline';
import { writeFileAtomic } from '../main/services/atomic-write';
import { failureLine, HELP, omissionLines, parseExportArgs, secretFor, UsageError } from './command';
import { exportFromBackup } from './export-from-backup';

/** Where the command is, for the one line a failure prints. */
let doing: { action: 'read' | 'write'; file: string } | null = null;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === 'help' || rest.includes('--help')) {
    stdout.write(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'export') throw new UsageError(`unknown command "${command}" (see qorgau --help).`);
  const request = parseExportArgs(rest, process.env);
  const secret = await secretFor(request.secretKind, process.env, {
    interactive: stdin.isTTY === true,
    ask: askHidden,
  });
  doing = { action: 'read', file: request.backup };
  const backup = new Uint8Array(await readFile(request.backup));
  doing = null;
  const { docx, model, cases } = await exportFromBackup({
    backup,
    secret,
    quarter: request.quarter,
    language: request.language,
    untranslated: request.untranslated,
  });
  doing = { action: 'write', file: request.out };
  await writeFileAtomic(request.out, docx);
  for (const line of omissionLines(model, cases)) stderr.write(`${line}\n`);
  stdout.write(`qorgau: wrote ${request.out}\n`);
  return 0;
}

/** Asks on the terminal without echoing what is typed. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: stdin, output: stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput.bind(rl);
    (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text: string) => {
      write(text.startsWith(prompt) ? text : '');
    };
    rl.question(prompt, (answer) => {
      rl.close();
      stdout.write('\n');
      resolve(answer);
    });
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    stderr.write(`${failureLine(error, doing)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
