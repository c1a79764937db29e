import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
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
  await service.session.create(passphrase);
  const view = await service.cases.createCase(makeCase({ title: 'Дело Гүлнар Бажкеновой' }));
  await service.cases.addEntry(view, {
    ...emptyEntryFields('2026-05-14'),
    includeInReport: true,
    reportText: '[The court adjourned](https://example.org/cli/1) the case of **Гүлнар Бажкенова**.',
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
    'The court adjourned the case of Гүлнар Бажкенова.',
  ]);
  expect(docx.hyperlinks.map((h) => h.target)).toEqual(['https://example.org/cli/1']);

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
});
