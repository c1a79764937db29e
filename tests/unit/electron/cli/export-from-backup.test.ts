import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { failureLine, parseExportArgs, secretFor, UsageError } from '../../../../electron/cli/command';
import { exportFromBackup } from '../../../../electron/cli/export-from-backup';
import { concatBytes } from '../../../../shared/crypto/bytes';
import { dangerousTestOnlyKdfFloor } from '../../../../shared/crypto/kdf';
import { emptyEntryFields } from '../../../../shared/domain/entry';
import { buildSectionModel, packSection, sectionDocument } from '../../../../shared/report/legal-pressure-section';
import { PASSPHRASE, makeCase, makeService } from '../../../fixtures/vault';

describe('command-line export', () => {
  it('writes the same document.xml (and bytes) as the app for the same quarter', async () => {
    const service = makeService();
    await service.session.create(PASSPHRASE);
    let a = await service.cases.createCase(makeCase({ title: 'Дело Гүлнар Бажкеновой', kind: 'criminal-case' }));
    a = await service.cases.addEntry(a, {
      ...emptyEntryFields('2026-04-01'),
      includeInReport: true,
      reportText: '[Police questioned](https://example.org/1) **Гүлнар Бажкенова**.',
    });
    a = await service.cases.addEntry(a, {
      ...emptyEntryFields('2026-06-30'),
      includeInReport: true,
      reportText: 'The hearing [was set](https://example.org/2).',
    });
    let b = await service.cases.createCase(makeCase({ title: 'Иск к «Ақ Жайық»', kind: 'civil-lawsuit' }));
    b = await service.cases.addEntry(b, {
      ...emptyEntryFields('2026-05-20'),
      includeInReport: true,
      reportText: 'The court [granted the claim](https://example.org/3).',
    });
    const report = {
      language: 'kk' as const,
      title: '',
      sectionNumber: '3',
      introduction: 'Тоқсан ішінде…',
      order: [],
      statistics: true,
    };
    await service.cases.saveSettings({
      autoLockMinutes: 10,
      notifiedReminders: [],
      reminderDetails: false,
      reports: { '2026-Q2': report },
      lastBackupAt: null,
    });

    // The app's export, as the Reports screen makes it.
    const model = buildSectionModel([a, b], { quarter: { year: 2026, quarter: 2 }, ...report });
    const app = await packSection(sectionDocument(model), model);

    const backup = concatBytes(...(await service.imports.createBackup()));
    const cli = await exportFromBackup({
      backup,
      secret: { passphrase: PASSPHRASE },
      quarter: '2026-Q2',
      language: 'kk',
      kdfFloor: dangerousTestOnlyKdfFloor,
    });

    expect(strFromU8(unzipSync(cli)['word/document.xml']!)).toBe(strFromU8(unzipSync(app)['word/document.xml']!));
    expect(Buffer.compare(cli, app)).toBe(0);
  });

  it('opens the backup with the recovery key too, writing the same bytes', async () => {
    const service = makeService();
    const { recoveryKey } = await service.session.create(PASSPHRASE);
    const view = await service.cases.createCase(makeCase({ title: 'Дело' }));
    await service.cases.addEntry(view, {
      ...emptyEntryFields('2026-04-02'),
      includeInReport: true,
      reportText: 'Суд [отложил](https://example.org/r) заседание.',
    });
    const backup = concatBytes(...(await service.imports.createBackup()));
    const request = { backup, quarter: '2026-Q2', language: 'ru' as const, kdfFloor: dangerousTestOnlyKdfFloor };
    const withPassphrase = await exportFromBackup({ ...request, secret: { passphrase: PASSPHRASE } });
    const withRecoveryKey = await exportFromBackup({ ...request, secret: { recoveryKey: recoveryKey.toLowerCase() } });
    expect(Buffer.compare(withRecoveryKey, withPassphrase)).toBe(0);
    await expect(
      exportFromBackup({ ...request, secret: { recoveryKey: 'AAAA-AAAA-AAAA-AAAA' } }),
    ).rejects.toMatchObject({ code: 'wrong-recovery-key' });
  });

  it('refuses a wrong passphrase and a malformed quarter with clear messages', async () => {
    const service = makeService();
    await service.session.create(PASSPHRASE);
    const backup = concatBytes(...(await service.imports.createBackup()));
    await expect(
      exportFromBackup({
        backup,
        secret: { passphrase: 'wrong' },
        quarter: '2026-Q2',
        language: 'en',
        kdfFloor: dangerousTestOnlyKdfFloor,
      }),
    ).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    await expect(
      exportFromBackup({ backup, secret: { passphrase: PASSPHRASE }, quarter: '2026-2', language: 'en' }),
    ).rejects.toThrow('--quarter must look like 2026-Q2, got "2026-2".');
  });
});

describe('the command line itself', () => {
  it('checks its arguments, naming what is wrong', () => {
    const ok = parseExportArgs(['--backup', 'v.qorgau', '--quarter', '2026-Q2', '--out', 'r.docx', '--recovery-key']);
    expect(ok).toEqual({
      backup: 'v.qorgau',
      quarter: '2026-Q2',
      out: 'r.docx',
      language: 'en',
      secretKind: 'recovery-key',
    });
    expect(() => parseExportArgs(['--backup', 'v.qorgau'])).toThrow('--backup, --quarter and --out are required.');
    expect(() => parseExportArgs(['--backup', '--quarter', '2026-Q2'])).toThrow('--backup needs a value.');
    expect(() => parseExportArgs(['--passphrase', 'x'])).toThrow('unknown option "--passphrase"');
    expect(() => parseExportArgs(['--backup', 'a', '--quarter', 'q', '--out', 'o', '--lang', 'de'])).toThrow(
      '--lang must be one of en, ru, kk.',
    );
  });

  it('without a terminal and without the variable, refuses before reading anything; never asks where nobody can answer', async () => {
    const ask = vi.fn(() => Promise.resolve('typed'));
    await expect(secretFor('passphrase', {}, { interactive: false, ask })).rejects.toThrow(
      'no passphrase: run it in a terminal to be asked, or set QORGAU_PASSPHRASE. Nothing was written.',
    );
    await expect(secretFor('recovery-key', {}, { interactive: false, ask })).rejects.toBeInstanceOf(UsageError);
    expect(ask).not.toHaveBeenCalled();
    expect(await secretFor('passphrase', { QORGAU_PASSPHRASE: 'from env' }, { interactive: false, ask })).toEqual({
      passphrase: 'from env',
    });
    expect(await secretFor('recovery-key', {}, { interactive: true, ask })).toEqual({ recoveryKey: 'typed' });
    expect(ask).toHaveBeenCalledWith('Recovery key: ');
  });

  it('says a file problem in one line naming the user’s file, never a temporary file or a raw errno', () => {
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, open '/tmp/.r.docx.ab12cd.tmp'"), {
      code: 'ENOENT',
    });
    expect(failureLine(enoent, { action: 'write', file: 'out/r.docx' })).toBe(
      'qorgau: cannot write the report "out/r.docx": there is no such file or folder. Nothing was written.',
    );
    expect(failureLine(enoent, { action: 'read', file: 'missing.qorgau' })).toBe(
      'qorgau: cannot read the backup "missing.qorgau": there is no such file or folder.',
    );
    expect(failureLine(new UsageError('--lang must be one of en, ru, kk.'), null)).toBe(
      'qorgau: --lang must be one of en, ru, kk.',
    );
  });
});
