import { describe, expect, it } from 'vitest';
import { emptyQuickDevelopment } from '../../../../shared/domain/quick-development';
import { NO_TEXTS } from '../../../../shared/domain/texts-by-language';
import { emptyEntryFields } from '../../../../shared/domain/entry';
import { buildSectionModel } from '../../../../shared/report/legal-pressure-section';
import { selectQuarter } from '../../../../shared/report/quarter-selection';
import { SearchIndex } from '../../../../shared/search/search-index';
import { indexSearchPages } from '../../../../renderer/src/search/search-pages';
import { concatBytes } from '../../../../shared/crypto/bytes';
import { PASSPHRASE, makeCase, makeRepository, makeService, wholeCases } from '../../../fixtures/vault';

const QUARTER = { year: 2026, quarter: 2 } as const;

/** A police reply about an earlier detention: a quick development, in three languages. */
const reply = {
  ...emptyQuickDevelopment('2026-06-27'),
  caseKind: 'detention-arrest' as const,
  entryKind: 'other' as const,
  place: 'Алматы',
  people: ['Асет Матаев'],
  outlets: ['KazTAG'],
  reportTexts: {
    en: '[Police recognised journalist Aset Mataev as a victim](https://example.org/q/en) in an assault case.',
    ru: '[Полиция признала журналиста Асета Матаева потерпевшим](https://example.org/q/ru) по делу о нападении.',
    kk: '[Полиция журналист Асет Матаевты жәбірленуші деп таныды](https://example.org/q/kk).',
  },
  sources: ['https://example.org/q/source'],
};

describe('quick developments', () => {
  it('is recorded in one write, and is in the section, its figures and search like any other', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    const quick = await service.cases.createQuickDevelopment(reply);
    expect(quick.record.quick).toBe(true);
    expect(quick.record.title).toBe('Асет Матаев, KazTAG');
    expect(quick.record.targets.map((t) => [t.name, t.role, t.outlet])).toEqual([
      ['Асет Матаев', 'journalist', 'KazTAG'],
      ['KazTAG', 'outlet', ''],
    ]);
    expect(quick.entries).toHaveLength(1);
    expect(quick.entries[0]!.record.includeInReport).toBe(true);

    service.session.lock();
    const opened = await service.session.unlock(PASSPHRASE);
    const cases = wholeCases(service, opened);
    const model = buildSectionModel(cases, { quarter: QUARTER, language: 'kk', introduction: '', statistics: true });
    expect(model.months[2]!.paragraphs.map((p) => p.entryId)).toEqual([quick.entries[0]!.id]);
    expect(model.statistics!.byKind).toEqual([{ kind: 'detention-arrest', perMonth: [0, 0, 1] }]);
    const index = new SearchIndex();
    await indexSearchPages(index, opened.searchPages);
    expect(index.search('Матаев')).toEqual([quick.caseTag]);
    expect(index.search('mataev')).toEqual([quick.caseTag]);
    expect(index.search('потерпевшим')).toEqual([quick.caseTag]);
  });

  it('attached to a case later, its entry moves there in one write and is in the section once, after a lock and a backup too', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    let tracked = await service.cases.createCase(makeCase({ title: 'Дело Асета Матаева', kind: 'criminal-case' }));
    tracked = await service.cases.addEntry(tracked, {
      ...emptyEntryFields('2026-04-02'),
      includeInReport: true,
      reportTexts: { ...NO_TEXTS, en: 'Aset Mataev was detained.' },
    });
    const quick = await service.cases.createQuickDevelopment(reply);
    const entryId = quick.entries[0]!.id;
    const attached = await service.cases.attachQuickDevelopment(quick, tracked);
    expect(attached.entries.map((e) => e.id)).toEqual([tracked.entries[0]!.id, entryId]);
    expect(attached.entries[1]!.record).toEqual(quick.entries[0]!.record);
    expect(attached.record.history.at(-1)).toMatchObject({ action: 'entry-added', entryId });

    service.session.lock();
    const opened = await service.session.unlock(PASSPHRASE);
    const cases = wholeCases(service, opened);
    expect(cases.map((c) => c.caseTag)).toEqual([tracked.caseTag]);
    const ids = selectQuarter(cases, QUARTER).months.flatMap((m) => m.developments.map((d) => d.entryId));
    expect(ids).toEqual([tracked.entries[0]!.id, entryId]);
    // Its developments now count under the case's kind.
    const model = buildSectionModel(cases, { quarter: QUARTER, language: 'en', introduction: '', statistics: true });
    expect(model.statistics!.byKind).toEqual([{ kind: 'criminal-case', perMonth: [1, 0, 1] }]);

    // A backup made before the attach, merged back in, brings the quick development back: the
    // section still has the development once (the tracked case's copy).
    const both = [...cases, { ...quick }];
    expect(
      selectQuarter(both, QUARTER)
        .months.flatMap((m) => m.developments)
        .filter((d) => d.entryId === entryId)
        .map((d) => d.caseTag),
    ).toEqual([tracked.caseTag]);
  });

  it('made a tracked case, it stays the same case with its history saying so', async () => {
    const service = makeService(makeRepository());
    await service.session.create(PASSPHRASE);
    const quick = await service.cases.createQuickDevelopment(reply);
    const tracked = await service.cases.trackQuickDevelopment(quick);
    expect(tracked.caseTag).toBe(quick.caseTag);
    expect(tracked.record.quick).toBe(false);
    expect(tracked.record.history.at(-1)).toMatchObject({
      action: 'case-updated',
      changes: [{ field: 'quick', before: true, after: false }],
    });
    await expect(service.cases.trackQuickDevelopment(tracked)).rejects.toMatchObject({
      params: { reason: 'not-quick' },
    });
  });

  it('with a document, is not attached (the document would be left behind): nothing changes', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    const tracked = await service.cases.createCase(makeCase({ title: 'Дело' }));
    let quick = await service.cases.createQuickDevelopment(reply);
    quick = await service.cases.importAttachment(quick, new Blob([new Uint8Array([1, 2, 3])]), {
      name: 'reply.pdf',
      type: 'application/pdf',
    });
    await expect(service.cases.attachQuickDevelopment(quick, tracked)).rejects.toMatchObject({
      params: { reason: 'quick-has-documents' },
    });
    const cases = wholeCases(service, await service.session.unlock(PASSPHRASE));
    expect(cases.map((c) => c.caseTag).sort()).toEqual([tracked.caseTag, quick.caseTag].sort());
    expect(concatBytes(...(await service.cases.readAttachment(quick, quick.attachments[0]!)))).toEqual(
      new Uint8Array([1, 2, 3]),
    );
  });
});
