import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test as base, expect } from '@playwright/test';
import { argon2idHashWasm } from '../../shared/crypto/argon2';
import { concatBytes } from '../../shared/crypto/bytes';
import { emptyEntryFields } from '../../shared/domain/entry';
import { VaultService } from '../../renderer/src/vault/vault-service';
import { readDocx } from '../fixtures/docx';
import { makeCase, makeRepository, memoryMarker } from '../fixtures/vault';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = path.join(root, 'dist/cli/qorgau.mjs');

/** The built command, as a user runs it: a real backup (default KDF cost) and the passphrase in the environment. */
base('qorgau export writes the quarter from a backup file; --help explains; bad input says what is wrong', async () => {
  base.setTimeout(90_000);
  const passphrase = 'command line harbour Әділет 2026';
  const service = new VaultService({
    repository: makeRepository(),
    argon2id: argon2idHashWasm,
    marker: memoryMarker(),
  });
  const { recoveryKey } = await service.session.create(passphrase);
  const view = await service.cases.createCase(makeCase({ title: 'Дело Гүлнар Бажкеновой' }));
  await service.cases.addEntry(view, {
    ...emptyEntryFields('2026-05-14'),
    includeInReport: true,
    reportTexts: {
      en: '[The court adjourned](https://example.org/cli/en) the case of **Gulnar Bazhkenova**.',
      ru: '[Суд отложил](https://example.org/cli/1) рассмотрение дела **Гүлнар Бажкеновой**.',
      kk: '',
    },
  });
  const folder = await mkdtemp(path.join(tmpdir(), 'qorgau-cli-'));
  const backupFile = path.join(folder, 'vault.qorgau');
  await writeFile(backupFile, concatBytes(...(await service.imports.createBackup())));
  const out = path.join(folder, 'legal-pressure.docx');

  const help = await run('node', [cli, '--help']);
  expect(help.stdout).toContain('Usage: qorgau export --backup FILE --quarter YYYY-Qn');

  const done = await run(
    'node',
    [cli, 'export', '--backup', backupFile, '--quarter', '2026-Q2', '--lang', 'ru', '--out', out],
    {
      env: { ...process.env, QORGAU_PASSPHRASE: passphrase },
    },
  );
  expect(done.stdout).toContain(`wrote ${out}`);
  const docx = readDocx(new Uint8Array(await readFile(out)));
  expect(docx.paragraphs.map((p) => p.text)).toEqual([
    '2. Юридическое давление (иски, досудебные претензии, аресты, задержания)',
    'Май',
    'Суд отложил рассмотрение дела Гүлнар Бажкеновой.',
  ]);
  expect(docx.hyperlinks.map((h) => h.target)).toEqual(['https://example.org/cli/1']);

  // Kazakh has no text for it: left out, and said so with its date and case, never silently.
  const kazakh = path.join(folder, 'kk.docx');
  const leftOut = await run(
    'node',
    [cli, 'export', '--backup', backupFile, '--quarter', '2026-Q2', '--lang', 'kk', '--out', kazakh],
    { env: { ...process.env, QORGAU_PASSPHRASE: passphrase } },
  );
  expect(leftOut.stderr).toContain('1 development(s) have no Kazakh text and were left out');
  expect(leftOut.stderr).toContain('2026-05-14 · Дело Гүлнар Бажкеновой (Russian text)');
  expect(readDocx(new Uint8Array(await readFile(kazakh))).paragraphs.map((p) => p.text)).toEqual([
    '2. Құқықтық қысым (сот талаптары, сотқа дейінгі талаптар, қамаулар, ұстаулар)',
  ]);
  const marked = await run(
    'node',
    [
      cli,
      'export',
      '--backup',
      backupFile,
      '--quarter',
      '2026-Q2',
      '--lang',
      'kk',
      '--untranslated',
      'mark',
      '--out',
      kazakh,
    ],
    { env: { ...process.env, QORGAU_PASSPHRASE: passphrase } },
  );
  expect(marked.stderr).toContain('marked for translation');
  expect(
    readDocx(new Uint8Array(await readFile(kazakh)))
      .paragraphs.map((p) => p.text)
      .at(-1),
  ).toBe('[Орыс тілінен аудару керек] Суд отложил рассмотрение дела Гүлнар Бажкеновой.');

  const wrong = await run('node', [cli, 'export', '--backup', backupFile, '--quarter', '2026-Q2', '--out', out], {
    env: { ...process.env, QORGAU_PASSPHRASE: 'not it' },
  }).then(
    () => null,
    (error: { code: number; stderr: string }) => error,
  );
  expect(wrong?.code).toBe(1);
  expect(wrong?.stderr).toContain('that passphrase does not open this vault');

  const missing = await run('node', [cli, 'export', '--backup', backupFile]).then(
    () => null,
    (error: { code: number; stderr: string }) => error,
  );
  expect(missing?.code).toBe(2);
  expect(missing?.stderr).toContain('--backup, --quarter and --out are required');

  // A script or cron job: no terminal (stdin is /dev/null) and no variable. It says so, exits 2
  // and writes nothing, rather than printing a prompt nobody sees and exiting 0.
  const unattended = path.join(folder, 'unattended.docx');
  const env = { ...process.env };
  delete env.QORGAU_PASSPHRASE;
  delete env.QORGAU_RECOVERY_KEY;
  const noSecret = await runWithoutTerminal(
    [cli, 'export', '--backup', backupFile, '--quarter', '2026-Q2', '--out', unattended],
    env,
  );
  expect(noSecret.code).toBe(2);
  expect(noSecret.stderr.trim()).toBe(
    'qorgau: no passphrase: run it in a terminal to be asked, or set QORGAU_PASSPHRASE. Nothing was written.',
  );
  expect(noSecret.stdout).toBe('');
  expect(await readdir(folder)).not.toContain('unattended.docx');

  // The recovery key opens the backup too, and gives the same document, byte for byte.
  const byRecovery = path.join(folder, 'by-recovery.docx');
  const recovered = await runWithoutTerminal(
    [
      cli,
      'export',
      '--backup',
      backupFile,
      '--quarter',
      '2026-Q2',
      '--lang',
      'ru',
      '--out',
      byRecovery,
      '--recovery-key',
    ],
    { ...env, QORGAU_RECOVERY_KEY: recoveryKey },
  );
  expect(recovered.code).toBe(0);
  expect(Buffer.compare(await readFile(byRecovery), await readFile(out))).toBe(0);

  // A file that is not there: one line naming it, no errno, no stack.
  const absent = await runWithoutTerminal(
    [cli, 'export', '--backup', path.join(folder, 'nowhere.qorgau'), '--quarter', '2026-Q2', '--out', unattended],
    { ...env, QORGAU_PASSPHRASE: passphrase },
  );
  expect(absent.code).toBe(1);
  expect(absent.stderr.trim()).toBe(
    `qorgau: cannot read the backup "${path.join(folder, 'nowhere.qorgau')}": there is no such file or folder.`,
  );
  const noFolder = path.join(folder, 'no-such-folder', 'r.docx');
  const unwritable = await runWithoutTerminal(
    [cli, 'export', '--backup', backupFile, '--quarter', '2026-Q2', '--out', noFolder],
    { ...env, QORGAU_PASSPHRASE: passphrase },
  );
  expect(unwritable.stderr.trim()).toBe(
    `qorgau: cannot write the report "${noFolder}": there is no such file or folder. Nothing was written.`,
  );
});

/** Runs the command as a script or cron job would: stdin from /dev/null, no terminal. */
function runWithoutTerminal(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
