import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../../shared/crypto/bytes';
import { VaultError } from '../../../../shared/crypto/errors';
import { emptyEntryFields } from '../../../../shared/domain/entry';
import { PASSPHRASE, dumpDatabase, makeCase, makeRepository, makeService, wholeCases } from '../../../fixtures/vault';
import type { CaseFile } from '../../../../shared/domain/case-file';
import { NO_TEXTS } from '../../../../shared/domain/texts-by-language';

async function populatedVault() {
  const repository = makeRepository();
  const service = makeService(repository);
  const { recoveryKey } = await service.session.create(PASSPHRASE);
  let view = await service.cases.createCase(makeCase({ title: 'Дело о клевете «Әділет»' }));
  view = await service.cases.addEntry(view, {
    ...emptyEntryFields('2026-04-03'),
    reportTexts: { ...NO_TEXTS, ru: '[Суд](https://example.org) отложил заседание.' },
  });
  const file = new Uint8Array(2_500_000).map((_, i) => (i * 7) & 0xff);
  await service.cases.importAttachment(view, new Blob([file]), { name: 'Решение.pdf', type: 'application/pdf' });
  for (let i = 0; i < 30; i += 1) await service.cases.createCase(makeCase({ title: `Дело ${i}` }));
  const backup = concatBytes(...(await service.imports.createBackup()));
  return { repository, service, recoveryKey, backup, file };
}

describe('backup and restore', () => {
  it('restores every record and byte-identical attachments into an empty vault, with the passphrase or the recovery key', async () => {
    const { service, recoveryKey, backup, file } = await populatedVault();
    const original = await service.session.unlock(PASSPHRASE);
    for (const secret of [{ passphrase: PASSPHRASE }, { recoveryKey }]) {
      const target = makeService(makeRepository());
      expect(await target.session.probe()).toBe('absent');
      const prepared = await target.imports.prepareRestore(backup, secret);
      expect(prepared.summary).toEqual({ cases: 31, entries: 1, documents: 1 });
      const restored = await prepared.commit();
      expect(restored.failures).toEqual([]);
      const byTag = (cases: readonly CaseFile[]) =>
        [...cases].sort((a, b) => a.caseTag.localeCompare(b.caseTag)).map((c) => c.record);
      const restoredCases = wholeCases(target, restored);
      expect(byTag(restoredCases)).toEqual(byTag(wholeCases(service, original)));
      const withFile = restoredCases.find((c) => c.attachments.length > 0)!;
      const bytes = Buffer.concat(await target.cases.readAttachment(withFile, withFile.attachments[0]!));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(createHash('sha256').update(file).digest('hex'));
    }
  });

  it('verifies the whole file first: a damaged backup changes nothing', async () => {
    const { backup } = await populatedVault();
    const targetRepository = makeRepository();
    const target = makeService(targetRepository);
    const before = await dumpDatabase(targetRepository);
    for (const position of [backup.byteLength - 5, Math.floor(backup.byteLength / 2), 300]) {
      const damaged = new Uint8Array(backup);
      damaged[position] = (damaged[position] ?? 0) ^ 0x40;
      const error = await target.imports.prepareRestore(damaged, { passphrase: PASSPHRASE }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(VaultError);
    }
    await expect(
      target.imports.prepareRestore(backup.slice(0, backup.byteLength - 100), { passphrase: PASSPHRASE }),
    ).rejects.toMatchObject({
      reason: 'truncated',
    });
    await expect(target.imports.prepareRestore(backup, { passphrase: 'wrong passphrase here' })).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    expect(await dumpDatabase(targetRepository)).toEqual(before);
  });

  it('refuses to restore over an existing vault and leaves it as it was', async () => {
    const { backup } = await populatedVault();
    const existingRepository = makeRepository();
    const existing = makeService(existingRepository);
    await existing.session.create('another vault passphrase 2026');
    await existing.cases.createCase(makeCase({ title: 'Своё дело' }));
    const before = await dumpDatabase(existingRepository);
    const prepared = await existing.imports.prepareRestore(backup, { passphrase: PASSPHRASE });
    await expect(prepared.commit()).rejects.toMatchObject({ code: 'vault-exists' });
    expect(await dumpDatabase(existingRepository)).toEqual(before);
  });
});

describe('backup round trip at size', () => {
  it('200 cases with Cyrillic text and 50 MB of attachments come back equal, attachments byte-identical by SHA-256', async () => {
    const service = makeService(makeRepository());
    await service.session.create(PASSPHRASE);
    const hashes = new Map<string, string>();
    for (let i = 0; i < 200; i += 1) {
      let view = await service.cases.createCase(
        makeCase({ title: `Дело № ${i} против «Әділет» и Бажкеновой`, summary: `Описание ${i} — ұстау, қамау` }),
      );
      view = await service.cases.addEntry(view, {
        ...emptyEntryFields('2026-05-01'),
        reportTexts: { ...NO_TEXTS, ru: `Заседание ${i}` },
      });
      if (i % 40 === 0) {
        const bytes = new Uint8Array(10 * 1024 * 1024).map((_, k) => (k * (i + 3)) & 0xff);
        await service.cases.importAttachment(view, new Blob([bytes]), {
          name: `Документ ${i}.pdf`,
          type: 'application/pdf',
        });
        hashes.set(`Документ ${i}.pdf`, createHash('sha256').update(bytes).digest('hex'));
      }
    }
    const original = await service.session.unlock(PASSPHRASE);
    const backup = concatBytes(...(await service.imports.createBackup()));
    const target = makeService(makeRepository());
    const prepared = await target.imports.prepareRestore(backup, { passphrase: PASSPHRASE });
    expect(prepared.summary).toEqual({ cases: 200, entries: 200, documents: 5 });
    const restored = await prepared.commit();
    const records = (cases: readonly CaseFile[]) => new Map(cases.map((c) => [c.caseTag, [c.record, c.entries]]));
    expect(records(wholeCases(target, restored))).toEqual(records(wholeCases(service, original)));
    for (const view of wholeCases(target, restored)) {
      for (const manifest of view.attachments) {
        const bytes = Buffer.concat(await target.cases.readAttachment(view, manifest));
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(hashes.get(manifest.name));
      }
    }
  }, 120_000);

  it('stops a backup during which a document is deleted, rather than write one that names a file it lacks', async () => {
    const { repository, service } = await populatedVault();
    const opened = await service.session.unlock(PASSPHRASE);
    const withFile = wholeCases(service, opened).find((c) => c.attachments.length > 0)!;
    const frames = repository.exportRows((await repository.readHeader())!.vaultId);
    // The rows are taken (the document is in them), then the document goes, as from another window.
    expect((await frames.next()).value?.table).toBe('meta');
    await service.cases.deleteAttachment(withFile, withFile.attachments[0]!);
    const rest = async () => {
      for await (const frame of frames) void frame;
    };
    await expect(rest()).rejects.toThrow(/a document was deleted while the backup was being written/);

    // Backed up again, the vault restores whole, without the document.
    const target = makeService(makeRepository());
    const prepared = await target.imports.prepareRestore(concatBytes(...(await service.imports.createBackup())), {
      passphrase: PASSPHRASE,
    });
    expect(prepared.summary).toMatchObject({ cases: 31, documents: 0 });
  });
});
