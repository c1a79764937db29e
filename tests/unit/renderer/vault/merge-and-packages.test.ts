import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { concatBytes, utf8 } from '../../../../shared/crypto/bytes';
import { VaultError } from '../../../../shared/crypto/errors';
import { emptyEntryFields } from '../../../../shared/domain/entry';
import { caseFieldsOf } from '../../../../shared/domain/case';
import { readCasePackage } from '../../../../shared/backup/case-package';
import { argon2idHashWasm } from '../../../../shared/crypto/argon2';
import { dangerousTestOnlyKdfFloor } from '../../../../shared/crypto/kdf';
import type { VaultService } from '../../../../renderer/src/vault/vault-service';
import {
  findCanaries,
  CANARIES,
  PASSPHRASE,
  dumpDatabase,
  makeCase,
  makeRepository,
  makeService,
  wholeCases,
} from '../../../fixtures/vault';
import type { CaseFile } from '../../../../shared/domain/case-file';

const sha256 = (parts: Uint8Array[]) => createHash('sha256').update(Buffer.concat(parts)).digest('hex');
const at = (iso: string) => vi.setSystemTime(new Date(iso));
const byTitle = (cases: readonly CaseFile[], title: string) => {
  const found = cases.find((c) => c.record.title === title);
  if (found === undefined) throw new Error(`no case titled ${title}`);
  return found;
};

async function reopen(service: VaultService) {
  return wholeCases(service, await service.session.unlock(PASSPHRASE));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('merging a backup into an existing vault', () => {
  it('two copies of one vault edited differently: the newer value of each record is kept, the other is in the history, nothing is lost', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-04-01T09:00:00Z');
    const a = makeService(makeRepository());
    await a.session.create(PASSPHRASE);
    let x = await a.cases.createCase(makeCase({ title: 'Акимат v. «Уральская неделя»' }));
    x = await a.cases.addEntry(x, { ...emptyEntryFields('2026-04-01'), outcome: 'Иск подан' });
    await a.cases.createCase(makeCase({ title: 'Дело Y', summary: 'original' }));
    // Copy B: the same vault, restored from a backup on another machine.
    const b = makeService(makeRepository());
    await (
      await b.imports.prepareRestore(concatBytes(...(await a.imports.createBackup())), { passphrase: PASSPHRASE })
    ).commit();

    at('2026-04-10T10:00:00Z'); // A edits first …
    const xA = byTitle(await reopen(a), x.record.title);
    await a.cases.updateCase(xA, { ...xA.record, title: 'Title set in A', court: 'Суд A' });
    await a.cases.addEntry(byTitle(await reopen(a), 'Title set in A'), {
      ...emptyEntryFields('2026-04-10'),
      outcome: 'Added in A',
    });
    const yA = byTitle(await reopen(a), 'Дело Y');
    await a.cases.updateCase(yA, { ...yA.record, summary: 'summary edited in A' });

    at('2026-04-12T10:00:00Z'); // … B later.
    const xB = byTitle(await reopen(b), x.record.title);
    const xB2 = await b.cases.updateCase(xB, { ...xB.record, title: 'Title set in B' });
    const e1 = xB2.entries[0]!;
    const xB3 = await b.cases.updateEntry(xB2, e1.id, { ...e1.record, outcome: 'Иск подан (уточнено в B)' });
    await b.cases.saveDeadline(xB3, {
      id: 'dl-1',
      what: 'Апелляция',
      due: '2026-05-01',
      time: '',
      reminder: '1-day',
      done: false,
    });
    const scan = new Uint8Array(1_500_000).map((_, i) => (i * 13) & 0xff);
    await b.cases.importAttachment(byTitle(await reopen(b), 'Дело Y'), new Blob([scan]), {
      name: 'Скан.pdf',
      type: 'application/pdf',
    });
    await b.cases.createCase(makeCase({ title: 'New in B' }));

    at('2026-04-15T08:00:00Z');
    await reopen(a);
    const prepared = await a.imports.prepareMerge(concatBytes(...(await b.imports.createBackup())), {
      passphrase: PASSPHRASE,
    });
    expect(prepared.summary).toMatchObject({
      newCases: 1,
      updatedCases: 2,
      unchangedCases: 0,
      entriesUpdated: 1,
      documentsAdded: 1,
      conflicts: 1,
    });
    const merged = wholeCases(a, await prepared.commit());

    const mx = byTitle(merged, 'Title set in B');
    expect(mx.record.court).toBe('Суд A'); // changed in A only
    expect(mx.record.deadlines.map((d) => d.what)).toEqual(['Апелляция']);
    expect(mx.entries.map((e) => e.record.outcome).sort()).toEqual(['Added in A', 'Иск подан (уточнено в B)']);
    expect(mx.record.history.at(-1)).toMatchObject({
      action: 'merged',
      changes: [{ field: 'title', before: 'Title set in A', after: 'Title set in B' }],
    });
    const my = byTitle(merged, 'Дело Y');
    expect(my.record.summary).toBe('summary edited in A');
    expect(sha256(await a.cases.readAttachment(my, my.attachments[0]!))).toBe(sha256([scan]));
    expect(merged.map((c) => c.record.title)).toContain('New in B');

    // Merging the same backup again changes nothing.
    const again = await a.imports.prepareMerge(concatBytes(...(await b.imports.createBackup())), {
      passphrase: PASSPHRASE,
    });
    expect(again.summary).toMatchObject({ newCases: 0, updatedCases: 0, unchangedCases: 3 });

    // And B, merging A's result, arrives at the same values.
    const intoB = await b.imports.prepareMerge(concatBytes(...(await a.imports.createBackup())), {
      passphrase: PASSPHRASE,
    });
    const converged = wholeCases(b, await intoB.commit());
    const values = (cases: readonly CaseFile[]) =>
      cases
        .map((c) => ({
          title: c.record.title,
          court: c.record.court,
          summary: c.record.summary,
          entries: c.entries.map((e) => e.record.outcome).sort(),
        }))
        .sort((p, q) => p.title.localeCompare(q.title));
    expect(values(converged)).toEqual(values(merged));
  }, 60_000);

  it('writes nothing when the vault changed between the summary and the commit', async () => {
    const repository = makeRepository();
    const a = makeService(repository);
    await a.session.create(PASSPHRASE);
    const view = await a.cases.createCase(makeCase({ title: 'Shared case' }));
    const b = makeService(makeRepository());
    await (
      await b.imports.prepareRestore(concatBytes(...(await a.imports.createBackup())), { passphrase: PASSPHRASE })
    ).commit();
    const inB = byTitle(await reopen(b), 'Shared case');
    await b.cases.updateCase(inB, { ...inB.record, court: 'B court' });
    const prepared = await a.imports.prepareMerge(concatBytes(...(await b.imports.createBackup())), {
      passphrase: PASSPHRASE,
    });
    await a.cases.updateCase(view, { ...view.record, court: 'edited meanwhile' });
    const before = await dumpDatabase(repository);
    await expect(prepared.commit()).rejects.toMatchObject({
      code: 'storage',
      message: expect.stringContaining('nothing was written'),
    });
    expect(await dumpDatabase(repository)).toEqual(before);
  });
});

describe('case packages', () => {
  it('hands one case with its documents to another vault under a one-time code, and a package back updates the same case', async () => {
    const repositoryA = makeRepository();
    const a = makeService(repositoryA);
    await a.session.create(PASSPHRASE);
    let view = await a.cases.createCase(makeCase({ title: 'Дело «Әділет» для коллеги' }));
    view = await a.cases.addEntry(view, { ...emptyEntryFields('2026-04-03'), outcome: 'Допрос в качестве свидетеля' });
    const pdf = new Uint8Array(2_300_000).map((_, i) => (i * 31) & 0xff);
    view = await a.cases.importAttachment(view, new Blob([pdf]), { name: 'Повестка.pdf', type: 'application/pdf' });
    await a.cases.createCase(makeCase({ title: 'Not shared' }));

    const { parts, code } = await a.imports.createCasePackage(view);
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const file = concatBytes(...parts);
    expect(findCanaries(file)).toEqual([]);

    // A colleague's vault, with its own passphrase.
    const repositoryC = makeRepository();
    const c = makeService(repositoryC);
    await c.session.create('colleague passphrase Қарлығаш 77');
    const prepared = await c.imports.prepareCasePackageImport(file, code.toLowerCase().replace(/-/g, ' '));
    expect(prepared.summary).toMatchObject({ newCases: 1, updatedCases: 0, entriesAdded: 1, documentsAdded: 1 });
    const inC = byTitle(wholeCases(c, await prepared.commit()), 'Дело «Әділет» для коллеги');
    expect(inC.entries.map((e) => e.record.outcome)).toEqual(['Допрос в качестве свидетеля']);
    expect(sha256(await c.cases.readAttachment(inC, inC.attachments[0]!))).toBe(sha256([pdf]));
    expect((await c.session.unlock('colleague passphrase Қарлығаш 77')).cases.map((x) => x.record.title)).toEqual([
      'Дело «Әділет» для коллеги',
    ]);

    // The colleague adds to the case and sends it back: the same case in A is updated.
    const updated = await c.cases.addEntry(inC, { ...emptyEntryFields('2026-04-20'), outcome: 'Решение суда' });
    const back = await c.imports.createCasePackage(updated);
    const intoA = await a.imports.prepareCasePackageImport(concatBytes(...back.parts), back.code);
    expect(intoA.summary).toMatchObject({ newCases: 0, updatedCases: 1, entriesAdded: 1, documentsAdded: 0 });
    const cases = wholeCases(a, await intoA.commit());
    expect(cases).toHaveLength(2);
    expect(
      byTitle(cases, 'Дело «Әділет» для коллеги')
        .entries.map((e) => e.record.outcome)
        .sort(),
    ).toEqual(['Допрос в качестве свидетеля', 'Решение суда']);
  }, 60_000);

  it('leaves the privileged notes and their history out of a package unless the lawyer opts in; the receiver keeps its own', async () => {
    const a = makeService(makeRepository());
    await a.session.create(PASSPHRASE);
    const fields = makeCase({ title: 'Дело с тайной', privilegedNotes: 'PRIVILEGED-FIRST Источник' });
    let view = await a.cases.createCase(fields);
    view = await a.cases.updateCase(view, { ...fields, privilegedNotes: 'PRIVILEGED-SECOND Алия' });
    const secrets = ['PRIVILEGED-FIRST', 'PRIVILEGED-SECOND', 'PRIVILEGED-THIRD'];

    // Made with the defaults: decrypted, the package holds no note, now or in the history.
    const withheld = await a.imports.createCasePackage(view);
    const opened = await readCasePackage(
      concatBytes(...withheld.parts),
      withheld.code,
      argon2idHashWasm,
      dangerousTestOnlyKdfFloor,
    );
    expect(opened.withheld).toEqual(['privilegedNotes']);
    expect(opened.snapshot.record.title).toBe('Дело с тайной');
    expect(findCanaries(opened, secrets)).toEqual([]);
    expect(opened.snapshot.record.history.map((event) => event.action)).toEqual(
      view.record.history.map((e) => e.action),
    );

    // Opted in, for counsel on the same case: the notes go.
    const included = await a.imports.createCasePackage(view, { includePrivileged: true });
    const c = makeService(makeRepository());
    await c.session.create('colleague passphrase Қарлығаш 77');
    const inC = byTitle(
      wholeCases(
        c,
        await (await c.imports.prepareCasePackageImport(concatBytes(...included.parts), included.code)).commit(),
      ),
      'Дело с тайной',
    );
    expect(inC.record.privilegedNotes).toBe('PRIVILEGED-SECOND Алия');
    await c.cases.updateCase(inC, { ...caseFieldsOf(inC.record), privilegedNotes: 'Заметки коллеги' });

    // A later package without them updates the case but keeps the receiver's own notes.
    view = await a.cases.updateCase(view, {
      ...caseFieldsOf(view.record),
      summary: 'Новое краткое описание',
      privilegedNotes: 'PRIVILEGED-THIRD',
    });
    const again = await a.imports.createCasePackage(view);
    const prepared = await c.imports.prepareCasePackageImport(concatBytes(...again.parts), again.code);
    expect(prepared.summary).toMatchObject({ newCases: 0, updatedCases: 1 });
    const merged = byTitle(wholeCases(c, await prepared.commit()), 'Дело с тайной');
    expect(merged.record.summary).toBe('Новое краткое описание');
    expect(merged.record.privilegedNotes).toBe('Заметки коллеги');
    expect(findCanaries(merged, ['PRIVILEGED-THIRD'])).toEqual([]);
    // Merging the same package again changes nothing: the withheld history is the same history.
    const repeat = await c.imports.prepareCasePackageImport(concatBytes(...again.parts), again.code);
    expect(repeat.summary).toMatchObject({ updatedCases: 0, unchangedCases: 1 });
  }, 60_000);

  it('refuses the wrong code and a file of the other kind, each with a typed error, changing nothing', async () => {
    const a = makeService(makeRepository());
    await a.session.create(PASSPHRASE);
    const view = await a.cases.createCase(makeCase({ title: 'Case' }));
    const pkg = await a.imports.createCasePackage(view);
    const backup = concatBytes(...(await a.imports.createBackup()));
    const repository = makeRepository();
    const c = makeService(repository);
    await c.session.create(PASSPHRASE);
    await c.cases.createCase(makeCase({ title: 'Mine' }));
    const before = await dumpDatabase(repository);
    const packageFile = concatBytes(...pkg.parts);
    await expect(c.imports.prepareCasePackageImport(packageFile, 'AAAA-AAAA-AAAA-AAAA')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    await expect(c.imports.prepareCasePackageImport(packageFile, 'too short')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    await expect(c.imports.prepareCasePackageImport(backup, pkg.code)).rejects.toMatchObject({ reason: 'wrong-kind' });
    await expect(c.imports.prepareMerge(packageFile, { passphrase: PASSPHRASE })).rejects.toMatchObject({
      reason: 'wrong-kind',
    });
    expect(await dumpDatabase(repository)).toEqual(before);
  });
});

describe('damaged imports never change the vault', () => {
  let packageFile: Uint8Array;
  let packageBoundaries: number[];
  let code: string;
  let backupFile: Uint8Array;
  let backupBoundaries: number[];
  let target: VaultService;
  let targetRepository: ReturnType<typeof makeRepository>;
  let before: Record<string, unknown[]>;

  const boundariesOf = (parts: Uint8Array[]) =>
    parts.reduce<number[]>((acc, part) => [...acc, (acc.at(-1) ?? 0) + part.byteLength], []);

  beforeAll(async () => {
    const source = makeService(makeRepository());
    await source.session.create(PASSPHRASE);
    let view = await source.cases.createCase(makeCase({ title: `Пакет ${CANARIES[1]}` }));
    view = await source.cases.addEntry(view, { ...emptyEntryFields('2026-04-03'), outcome: 'Заседание' });
    view = await source.cases.importAttachment(view, new Blob([new Uint8Array(2_100_000).fill(5)]), {
      name: 'three-chunks.bin',
      type: 'application/octet-stream',
    });
    const pkg = await source.imports.createCasePackage(view);
    packageFile = concatBytes(...pkg.parts);
    packageBoundaries = boundariesOf(pkg.parts);
    code = pkg.code;
    const backupParts = await source.imports.createBackup();
    backupFile = concatBytes(...backupParts);
    backupBoundaries = boundariesOf(backupParts);
    targetRepository = makeRepository();
    target = makeService(targetRepository);
    await target.session.create(PASSPHRASE);
    const mine = await target.cases.createCase(makeCase({ title: 'Already here' }));
    await target.cases.addEntry(mine, { ...emptyEntryFields('2026-03-01'), outcome: 'Existing entry' });
    before = await dumpDatabase(targetRepository);
  });

  /** Runs an import of damaged bytes to the end (summary and commit): it must fail with a typed error. */
  async function importFails(run: () => Promise<{ commit: () => Promise<unknown> }>) {
    let error: unknown = null;
    try {
      await (await run()).commit();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(VaultError);
    expect(await dumpDatabase(targetRepository)).toEqual(before);
  }

  const damaged = (file: Uint8Array, boundaries: number[]) =>
    fc.oneof(
      fc.constantFrom(...boundaries.slice(0, -1), 0, 5).map((cut) => file.slice(0, cut)),
      fc.constantFrom(...boundaries.slice(1, -1)).map((b) => file.slice(0, b - 1)),
      fc.tuple(fc.nat({ max: file.byteLength - 1 }), fc.integer({ min: 1, max: 255 })).map(([offset, xor]) => {
        const copy = file.slice();
        copy[offset] = copy[offset]! ^ xor;
        return copy;
      }),
      fc.uint8Array({ minLength: 0, maxLength: 300 }),
      fc.uint8Array({ minLength: 0, maxLength: 200 }).map((tail) => concatBytes(file.slice(0, 14), tail)),
      fc
        .constantFrom(9, 2, 0)
        .map((version) => utf8(new TextDecoder('latin1').decode(file).replace('"version":2', `"version":${version}`))),
      fc.constantFrom(0xffffffff, 0x7fffffff, 15).map((length) => {
        const copy = file.slice();
        new DataView(copy.buffer).setUint32(boundaries[0]!, length);
        return copy;
      }),
    );

  it('case packages: truncation at every frame boundary, flipped bytes, other versions, absurd lengths, garbage', async () => {
    await fc.assert(
      fc.asyncProperty(damaged(packageFile, packageBoundaries), async (bytes) => {
        fc.pre(!(bytes.byteLength === packageFile.byteLength && bytes.every((b, i) => b === packageFile[i])));
        await importFails(() => target.imports.prepareCasePackageImport(bytes, code));
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it('merged backups: the same damage, the same result', async () => {
    await fc.assert(
      fc.asyncProperty(damaged(backupFile, backupBoundaries), async (bytes) => {
        fc.pre(!(bytes.byteLength === backupFile.byteLength && bytes.every((b, i) => b === backupFile[i])));
        await importFails(() => target.imports.prepareMerge(bytes, { passphrase: PASSPHRASE }));
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it('a wrong code or passphrase changes nothing either', async () => {
    await importFails(() => target.imports.prepareCasePackageImport(packageFile, 'ZZZZ-ZZZZ-ZZZZ-ZZZZ'));
    await importFails(() => target.imports.prepareMerge(backupFile, { passphrase: 'not the passphrase' }));
    await importFails(() => target.imports.prepareMerge(backupFile, { recoveryKey: 'not a recovery key' }));
  });
});
