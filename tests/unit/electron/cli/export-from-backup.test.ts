import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
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
    const report = { language: 'kk' as const, title: '', introduction: 'Тоқсан ішінде…', order: [], statistics: true };
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
      passphrase: PASSPHRASE,
      quarter: '2026-Q2',
      language: 'kk',
      kdfFloor: dangerousTestOnlyKdfFloor,
    });

    expect(strFromU8(unzipSync(cli)['word/document.xml']!)).toBe(strFromU8(unzipSync(app)['word/document.xml']!));
    expect(Buffer.compare(cli, app)).toBe(0);
  });

  it('refuses a wrong passphrase and a malformed quarter with clear messages', async () => {
    const service = makeService();
    await service.session.create(PASSPHRASE);
    const backup = concatBytes(...(await service.imports.createBackup()));
    await expect(
      exportFromBackup({
        backup,
        passphrase: 'wrong',
        quarter: '2026-Q2',
        language: 'en',
        kdfFloor: dangerousTestOnlyKdfFloor,
      }),
    ).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    await expect(
      exportFromBackup({ backup, passphrase: PASSPHRASE, quarter: '2026-2', language: 'en' }),
    ).rejects.toThrow('--quarter must look like 2026-Q2, got "2026-2".');
  });
});
