import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_VERSION,
  readBackupFrames,
  readBackupHeader,
  type BackupFrame,
} from '../../../shared/backup/backup-format';
import { argon2idHashWasm } from '../../../shared/crypto/argon2';
import { utf8 } from '../../../shared/crypto/bytes';
import { openPageKey, parseVaultHeader, unlockWithPassphrase } from '../../../shared/crypto/vault-keys';
import { caseFileFormat, caseFileSchema, CASE_FILE_STEPS, type CaseFile } from '../../../shared/domain/case-file';
import { caseRecordSchema } from '../../../shared/domain/case';
import { caseHead } from '../../../shared/domain/case-head';
import { defineFormat, type FormatTooNewError } from '../../../shared/formats/upgrade';
import { readSettings, settingsFormat } from '../../../shared/settings/vault-settings';
import { emptyEntryFields, type EntryFields } from '../../../shared/domain/entry';
import { languageOfText, NO_TEXTS } from '../../../shared/domain/texts-by-language';
import { formDraftsFormat } from '../../../renderer/src/vault/form-drafts';
import {
  openPage,
  packPage,
  pageIdOf,
  parseCase,
  epochKeysOf,
  sealPage,
  unpackBodies,
  unpackPage,
  unpackSearchPage,
  packJson,
  MIN_PAGE_BITS,
  type PageRow,
} from '../../../shared/vault-format/vault-rows';
import { fixtureSetNames, loadFixtureSet } from '../../fixtures/formats/fixture-set';
import {
  PASSPHRASE,
  makeCase,
  makeRepository,
  makeService,
  putPageWithManifest,
  windowKeys,
} from '../../fixtures/vault';

/** Every case of a fixture backup as stored: the raw JSON of each, before any upgrade. */
async function storedCaseJson(name: string): Promise<Record<string, unknown>[]> {
  const set = await loadFixtureSet(name);
  const { header } = readBackupHeader(set.backup);
  const root = await unlockWithPassphrase(header.vault, set.expected.passphrase, argon2idHashWasm);
  const frames: BackupFrame[] = await readBackupFrames(set.backup, root.backup);
  const keys = await epochKeysOf(
    frames.filter((f) => f.table === 'meta').flatMap((f) => f.rows),
    root,
  );
  const raw: Record<string, unknown>[] = [];
  for (const row of frames.filter((f) => f.table === 'pages').flatMap((f) => f.rows as PageRow[])) {
    const key = await openPageKey(keys, row.id, row.wrap);
    const page = await unpackPage(await openPage(keys.vaultId, key, 'pages', row.id, row), row.id);
    for (const item of unpackBodies(page, row.id)) raw.push(JSON.parse(item.json) as Record<string, unknown>);
  }
  return raw;
}

describe('formats that evolve', () => {
  it('a field the committed fixtures predate reads back with its default from every fixture, through one upgrade step', async () => {
    // What the next format change would add: one optional field, one step, one schema default.
    const nextSchema = caseFileSchema.extend({
      record: caseRecordSchema.extend({ courtInstance: z.string().default('') }),
    });
    const nextFormat = defineFormat({
      kind: 'case-file',
      current: caseFileFormat.current + 1,
      field: 'v',
      steps: [
        ...CASE_FILE_STEPS,
        { from: caseFileFormat.current, name: 'cases gain a court instance', up: (value) => value },
      ],
      schema: nextSchema,
    });
    for (const name of fixtureSetNames()) {
      const stored = await storedCaseJson(name);
      expect(stored.length).toBeGreaterThan(0);
      for (const raw of stored) {
        const upgraded = nextFormat.read(raw);
        expect(upgraded.record.courtInstance).toBe('');
        // Nothing else changed on the way.
        const { courtInstance: _added, ...record } = upgraded.record;
        expect({ ...upgraded, record }).toEqual(caseFileFormat.read(raw));
      }
    }
  });

  it('an upgrade path must cover every version once: a gap is caught when the format is defined', () => {
    const schema = z.object({ a: z.string() });
    expect(() =>
      defineFormat({ kind: 'settings', current: 3, field: 'v', steps: [{ from: 1, name: 'x', up: (v) => v }], schema }),
    ).toThrow('no upgrade step from version 2');
    const steps = [
      { from: 1, name: 'add b', up: (v: Record<string, unknown>) => ({ ...v, b: 'one' }) },
      { from: 2, name: 'b becomes c', up: ({ b, ...v }: Record<string, unknown>) => ({ ...v, c: `${String(b)}→two` }) },
    ];
    const format = defineFormat({
      kind: 'settings',
      current: 3,
      field: 'v',
      steps,
      schema: schema.extend({ c: z.string() }),
    });
    expect(format.read({ a: 'x' })).toEqual({ a: 'x', c: 'one→two' });
    expect(format.read({ v: 2, a: 'x', b: 'kept' })).toEqual({ a: 'x', c: 'kept→two' });
    expect(format.stamp({ a: 'x', c: 'y' })).toEqual({ v: 3, a: 'x', c: 'y' });
  });

  it('a case, settings, search page, page, vault header, backup or package of a newer version is refused as such, never half read', async () => {
    const name = fixtureSetNames()[0]!;
    const set = await loadFixtureSet(name);
    const file = set.expected.cases[0]!;
    const tooNew = (kind: string, version: number): FormatTooNewError =>
      expect.objectContaining({
        name: 'FormatTooNewError',
        code: 'format-too-new',
        kind,
        version,
      }) as FormatTooNewError;

    const newer = caseFileFormat.current + 1;
    expect(() => caseFileFormat.read({ ...file, v: newer })).toThrow(tooNew('case-file', newer));
    expect(() => parseCase({ head: caseHead(file), json: JSON.stringify({ ...file, v: 7 }) }, 'p4-0')).toThrow(
      tooNew('case-file', 7),
    );
    expect(() => readSettings({ v: settingsFormat.current + 1, autoLockMinutes: 5 })).toThrow(
      tooNew('settings', settingsFormat.current + 1),
    );
    await expect(unpackSearchPage(await packJson({ v: 3, words: {} }), 'p4-1')).rejects.toEqual(
      tooNew('search-page', 3),
    );
    const page = await packPage([]);
    page[0] = 6;
    await expect(unpackPage(page, 'p4-2')).rejects.toEqual(tooNew('page', 6));
    const header = set.rows.meta!.find((row) => (row as { key: string }).key === 'header') as { header: object };
    expect(() => parseVaultHeader({ ...header.header, version: 2 })).toThrow(tooNew('vault-header', 2));

    // The backup's header is plain JSON at the top of the file: a newer Qorgau's has a higher version.
    for (const [bytes, kind] of [
      [set.backup, 'backup'],
      [set.casePackage, 'case-package'],
    ] as const) {
      const head = Buffer.from(bytes.buffer, bytes.byteOffset, 4096).toString('latin1');
      // One digit, so the newer version is written over it byte for byte.
      const at = head.search(/"version":\d,/);
      expect(at).toBeGreaterThan(0);
      const newer = bytes.slice();
      newer.set(utf8(`"version":${BACKUP_VERSION + 1}`), at);
      expect(() => readBackupHeader(newer)).toThrow(tooNew(kind, BACKUP_VERSION + 1));
    }
  });

  it('a vault holding a case of a newer version lists it, refuses to open it, and keeps it verbatim when its page is written', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    // Two cases on one page: saving the second re-seals the page the first lives on.
    const created: CaseFile[] = [];
    let pair: [CaseFile, CaseFile] | undefined;
    for (let i = 0; pair === undefined; i += 1) {
      const next = await service.cases.createCase(makeCase({ title: `Дело ${i}` }));
      const mate = created.find((c) => pageIdOf(c.caseTag, MIN_PAGE_BITS) === pageIdOf(next.caseTag, MIN_PAGE_BITS));
      if (mate) pair = [mate, next];
      created.push(next);
    }
    const [future, neighbour] = pair;
    const keys = await windowKeys(repository);
    // What a newer Qorgau would have written: the first case at a newer version, beside its neighbour.
    const pageId = pageIdOf(future.caseTag, MIN_PAGE_BITS);
    const { wrap } = (await repository.db.pages.get(pageId))!;
    const key = await openPageKey(keys, pageId, wrap);
    const cases = [
      {
        head: caseHead(future),
        json: JSON.stringify({ ...future, v: caseFileFormat.current + 1, record: { ...future.record, later: 'x' } }),
      },
      { head: caseHead(neighbour), json: JSON.stringify(caseFileFormat.stamp(neighbour)) },
    ];
    const sealed = await sealPage(keys.vaultId, key, 'pages', pageId, await packPage(cases));
    await putPageWithManifest(repository, keys, { id: pageId, wrap, ...sealed });
    service.session.lock();
    const opened = await service.session.unlock(PASSPHRASE);
    expect(opened.failures).toEqual([]);
    expect(opened.cases.map((c) => c.record.title)).toContain(future.record.title);
    expect(() => service.cases.caseView(future.caseTag)).toThrow(expect.objectContaining({ code: 'format-too-new' }));
    await service.cases.updateCase(service.cases.caseView(neighbour.caseTag)!, makeCase({ title: 'Соседнее дело' }));
    // The newer case is still stored as its version wrote it, not as this version read it.
    const row = (await repository.db.pages.get(pageId))!;
    const stored = unpackBodies(
      await unpackPage(await openPage(keys.vaultId, key, 'pages', pageId, row), pageId),
      pageId,
    );
    expect(stored.find((item) => item.head.caseTag === future.caseTag)?.json).toBe(cases[0]!.json);
    expect(() => service.cases.caseView(future.caseTag)).toThrow(expect.objectContaining({ code: 'format-too-new' }));
  });
});

describe('settings through their upgrade path', () => {
  it('settings written before reminder details existed read back with every value kept and notifications naming nothing', () => {
    const written = {
      autoLockMinutes: 7,
      lastBackupAt: '2026-11-02T10:00:00.000Z',
      notifiedReminders: ['d1@2026-11-01'],
    };
    expect(readSettings(written)).toEqual({ ...written, reports: {}, reminderDetails: false });
    expect(readSettings({ v: 1, ...written })).toEqual({ ...written, reports: {}, reminderDetails: false });
    expect(readSettings({ v: 2, ...written, reminderDetails: true }).reminderDetails).toBe(true);
  });

  it('a quarter set up before the section number could be chosen keeps its title and is numbered 2', () => {
    const report = { language: 'kk', title: 'Құқықтық қысым', introduction: '', order: ['e1'], statistics: true };
    const read = readSettings({ v: 2, autoLockMinutes: 10, reports: { '2026-Q3': report } });
    expect(read.reports['2026-Q3']).toEqual({
      titles: { ...NO_TEXTS, kk: 'Құқықтық қысым' },
      introductions: NO_TEXTS,
      order: ['e1'],
      statistics: true,
      sectionNumber: '2',
    });
    // Written since, a quarter keeps the number it was given, or none.
    const since = readSettings({ v: 3, reports: { '2026-Q3': { ...report, sectionNumber: '' } } });
    expect(since.reports['2026-Q3']!.sectionNumber).toBe('');
  });

  it('a quarter’s one title and introduction are filed under the language they are written in, whatever the report language was', () => {
    // The mixed-language quarter of issue 19: report language Kazakh, texts typed in Russian and English.
    const read = readSettings({
      v: 3,
      reports: {
        '2026-Q2': {
          language: 'kk',
          title: 'Правовое давление на журналистов',
          sectionNumber: 'II',
          introduction: 'During the reporting period, there were court lawsuits and pre-trial claims.',
          order: [],
          statistics: false,
        },
        '2026-Q3': { language: 'ru', title: '', introduction: 'Есепті кезеңде сот талаптары тіркелді.' },
      },
    });
    expect(read.reports['2026-Q2']).toEqual({
      titles: { ...NO_TEXTS, ru: 'Правовое давление на журналистов' },
      introductions: {
        ...NO_TEXTS,
        en: 'During the reporting period, there were court lawsuits and pre-trial claims.',
      },
      sectionNumber: 'II',
      order: [],
      statistics: false,
    });
    expect(read.reports['2026-Q3']!.introductions).toEqual({
      ...NO_TEXTS,
      kk: 'Есепті кезеңде сот талаптары тіркелді.',
    });
    expect(read.reports['2026-Q3']!.titles).toEqual(NO_TEXTS);
  });
});

describe('report texts per language (case-file version 2)', () => {
  it.each([
    ['Суд отложил рассмотрение дела **Гүлнар Бажкеновой** в [Алматы](https://example.org/a).', 'ru'],
    ['В Шымкенте журналист Арай Есенбек признан виновным; «Ақ Жайық» сообщает о давлении.', 'ru'],
    ['Алматыда журналист Вадим Борейкоға қарсы талап арызы бойынша сот отырысы жалғасты.', 'kk'],
    ['Сот [талапты қанағаттандырды](https://example.org/kk).', 'kk'],
    ['Шымкентте журналист Арай Есенбек бопсалау жасады деп кінәлі деп танылды.', 'kk'],
    ['Полиция журналист Асет Матаевты жәбірленуші деп таныды.', 'kk'],
    ['Полиция обыскала редакцию «Ақ Жайық» и изъяла два ноутбука Әсел Нұрланқызы.', 'ru'],
    ['Құқықтық Қысым', 'kk'],
    ['Правовое Давление', 'ru'],
    ['In Shymkent, journalist Арай Есенбек [was found guilty](https://example.org/рус) of extortion.', 'en'],
    ['The court adjourned the hearing.', 'en'],
    ['2026', 'en'],
  ] as const)('“%s” is %s', (text, language) => {
    expect(languageOfText(text)).toBe(language);
  });

  it('an entry written before reads back with its text in its language, a ruling not known, and nothing else changed', () => {
    const entry = (reportText: string) => {
      const { ruling: _r, reportTexts: _t, ...fields } = emptyEntryFields('2026-04-03');
      return {
        ...fields,
        place: 'Суд',
        reportText,
        includeInReport: reportText !== '',
        createdAt: 'a',
        updatedAt: 'b',
      };
    };
    const written = {
      caseTag: 'c1',
      record: (({ quick: _quick, ...record }) => record)(
        caseRecordSchema.parse({ ...makeCase({ title: 'Дело' }), createdAt: 'a', updatedAt: 'b', history: [] }),
      ),
      entries: [
        { id: 'e1', record: entry('Суд [отложил](https://example.org/1) заседание по делу Гүлнар Бажкеновой.') },
        { id: 'e2', record: entry('Сот отырысы [белгіленді](https://example.org/2).') },
        { id: 'e3', record: entry('The hearing was set.') },
        { id: 'e4', record: entry('') },
      ],
      attachments: [],
    };
    const read = caseFileFormat.read(written);
    expect(read.record.quick).toBe(false);
    expect(read.entries.map((e) => e.record.reportTexts)).toEqual([
      { ...NO_TEXTS, ru: 'Суд [отложил](https://example.org/1) заседание по делу Гүлнар Бажкеновой.' },
      { ...NO_TEXTS, kk: 'Сот отырысы [белгіленді](https://example.org/2).' },
      { ...NO_TEXTS, en: 'The hearing was set.' },
      NO_TEXTS,
    ]);
    expect(read.entries.map((e) => e.record.ruling)).toEqual(['none', 'none', 'none', 'none']);
    for (const [i, e] of read.entries.entries()) {
      const { reportTexts: _t, ruling: _r, ...rest } = e.record;
      const { reportText: _old, ...before } = written.entries[i]!.record;
      expect(rest).toEqual(before);
    }
  });

  it('an entry form kept across a lock before the update is restored with its text in its language', () => {
    const { ruling: _r, reportTexts: _t, ...fields } = emptyEntryFields('2026-04-03');
    const read = formDraftsFormat.read({
      v: 1,
      drafts: [
        {
          kind: 'entry',
          caseTag: 'c1',
          entryId: null,
          form: { fields: { ...fields, reportText: 'Сот шешімі шықты, журналист ақталды.' }, sources: '' },
        },
      ],
    });
    const draft = read.drafts[0]!;
    expect(draft.kind === 'entry' && draft.form.fields.reportTexts).toEqual({
      ...NO_TEXTS,
      kk: 'Сот шешімі шықты, журналист ақталды.',
    });
  });
});

describe('participants of the proceeding (case-file version 3)', () => {
  it('a case written at version 2 reads back with no participants and nothing else changed', () => {
    const record = caseRecordSchema.parse({
      ...makeCase({ title: 'Дело' }),
      createdAt: 'a',
      updatedAt: 'b',
      history: [],
    });
    const { participants: _none, ...version2Record } = record;
    const written = { v: 2, caseTag: 'c1', record: version2Record, entries: [], attachments: [] };
    const read = caseFileFormat.read(written);
    expect(read.record.participants).toEqual([]);
    expect(read.record).toEqual(record);
  });

  it('a document stored at version 2 reads back with no date and no description, the rest as it was', () => {
    const record = caseRecordSchema.parse({
      ...makeCase({ title: 'Дело' }),
      createdAt: 'a',
      updatedAt: 'b',
      history: [],
    });
    const manifest = {
      id: 'a1',
      caseTag: 'c1',
      name: 'Иск.pdf',
      type: 'application/pdf',
      size: 5,
      sha256: 'ab'.repeat(32),
      chunkSize: 1024,
      chunkCount: 1,
      noncePrefix: 'x',
      addedAt: 'a',
      entryId: null,
    };
    const read = caseFileFormat.read({ v: 2, caseTag: 'c1', record, entries: [], attachments: [manifest] });
    expect(read.attachments).toEqual([{ ...manifest, date: '', description: '' }]);
  });

  it('a version 3 case keeps its participants through a write and a read', () => {
    const record = caseRecordSchema.parse({
      ...makeCase({ title: 'Дело' }),
      participants: [{ id: 'p1', name: 'Судья Ахметова', role: 'judge', organisation: 'Суд', contacts: '+7 700' }],
      createdAt: 'a',
      updatedAt: 'b',
      history: [],
    });
    const file = { caseTag: 'c1', record, entries: [], attachments: [] };
    expect(caseFileFormat.read(JSON.parse(JSON.stringify(caseFileFormat.stamp(file))))).toEqual(file);
  });
});

describe('dates known only by their month (case-file version 4)', () => {
  const record = caseRecordSchema.parse({
    ...makeCase({ title: 'Дело' }),
    createdAt: 'a',
    updatedAt: 'b',
    history: [],
  });
  const entry = (fields: Partial<EntryFields>) => ({
    id: 'e1',
    record: { ...emptyEntryFields('2026-05-14'), ...fields, createdAt: 'a', updatedAt: 'b' },
  });

  it('an entry written at version 3 reads back with its day known and nothing else changed', () => {
    const current = entry({ kind: 'summons', reportTexts: { ...NO_TEXTS, ru: 'Вызов на допрос.' } });
    const { datePrecision: _none, ...version3Record } = current.record;
    const read = caseFileFormat.read({
      v: 3,
      caseTag: 'c1',
      record,
      entries: [{ id: 'e1', record: version3Record }],
      attachments: [],
    });
    expect(read.entries).toEqual([current]);
    expect(read.entries[0]!.record.datePrecision).toBe('day');
  });

  it('a version 4 entry known by its month keeps it through a write and a read', () => {
    const file = {
      caseTag: 'c1',
      record,
      entries: [entry({ date: '2026-05-01', datePrecision: 'month' })],
      attachments: [],
    };
    const read = caseFileFormat.read(JSON.parse(JSON.stringify(caseFileFormat.stamp(file))));
    expect(read).toEqual(file);
    expect(read.entries[0]!.record.datePrecision).toBe('month');
  });
});
