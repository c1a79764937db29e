import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { failureLine, parseExportArgs, secretFor, UsageError } from '../../../../electron/cli/command';
import { exportFromBackup } from '../../../../electron/cli/export-from-backup';
import { concatBytes } from '../../../../shared/crypto/bytes';
import { dangerousTestOnlyKdfFloor } from '../../../../shared/crypto/kdf';
import { emptyEntryFields } from '../../../../shared/domain/entry';
import { NO_TEXTS } from '../../../../shared/domain/texts-by-language';
import {
  buildSectionModel,
  packSection,
  sectionDocument,
  sectionOptionsFor,
} from '../../../../shared/report/legal-pressure-section';
import { PASSPHRASE, makeCase, makeService } from '../../../fixtures/vault';

describe('command-line export', () => {
  it('writes the same document.xml (and bytes) as the app for the same quarter', async () => {
    const service = makeService();
    await service.session.create(PASSPHRASE);
    let a = await service.cases.createCase(makeCase({ title: 'Дело Гүлнар Бажкеновой', kind: 'criminal-case' }));
    a = await service.cases.addEntry(a, {
      ...emptyEntryFields('2026-04-01'),
      includeInReport: true,
      reportTexts: { ...NO_TEXTS, kk: '[Полиция жауап алды](https://example.org/1) **Гүлнар Бажкенова**.' },
    });
    a = await service.cases.addEntry(a, {
      ...emptyEntryFields('2026-06-30'),
      includeInReport: true,
      reportTexts: { ...NO_TEXTS, kk: 'Сот отырысы [белгіленді](https://example.org/2).' },
    });
    let b = await service.cases.createCase(makeCase({ title: 'Иск к «Ақ Жайық»', kind: 'civil-lawsuit' }));
    b = await service.cases.addEntry(b, {
      ...emptyEntryFields('2026-05-20'),
      includeInReport: true,
      reportTexts: { ...NO_TEXTS, kk: 'Сот [талапты қанағаттандырды](https://example.org/3).' },
    });
    const report = {
      titles: NO_TEXTS,
      sectionNumber: '3',
      introductions: { ...NO_TEXTS, kk: 'Тоқсан ішінде…' },
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
    const model = buildSectionModel([a, b], sectionOptionsFor(report, { year: 2026, quarter: 2 }, 'kk'));
    const app = await packSection(sectionDocument(model), model);

    const backup = concatBytes(...(await service.imports.createBackup()));
    const { docx: cli } = await exportFromBackup({
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
      reportTexts: { ...NO_TEXTS, ru: 'Суд [отложил](https://example.org/r) заседание.' },
    });
    const backup = concatBytes(...(await service.imports.createBackup()));
    const request = { backup, quarter: '2026-Q2', language: 'ru' as const, kdfFloor: dangerousTestOnlyKdfFloor };
    const { docx: withPassphrase } = await exportFromBackup({ ...request, secret: { passphrase: PASSPHRASE } });
    const { docx: withRecoveryKey } = await exportFromBackup({
      ...request,
      secret: { recoveryKey: recoveryKey.toLowerCase() },
    });
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
      untranslated: 'leave-out',
      secretKind: 'recovery-key',
    });
    // The language follows the terminal's locale unless given; what to do with a missing text is checked.
    const args = ['--backup', 'a', '--quarter', '2026-Q2', '--out', 'o'];
    expect(parseExportArgs(args, { LANG: 'kk_KZ.UTF-8' }).language).toBe('kk');
    expect(parseExportArgs(args, { LANG: 'ru_RU.UTF-8', LC_ALL: 'en_GB.UTF-8' }).language).toBe('en');
    expect(parseExportArgs(args, { LANG: 'de_DE.UTF-8' }).language).toBe('en');
    expect(parseExportArgs([...args, '--lang', 'ru'], { LANG: 'kk_KZ.UTF-8' }).language).toBe('ru');
    expect(parseExportArgs([...args, '--untranslated', 'mark']).untranslated).toBe('mark');
    expect(() => parseExportArgs([...args, '--untranslated', 'skip'])).toThrow(
      '--untranslated must be leave-out or mark.',
    );
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
