import { describe, expect, it } from 'vitest';
import { emptyEntryFields } from '../../../../shared/domain/entry';
import { PASSPHRASE, makeCase, makeRepository, makeService, wholeCases } from '../../../fixtures/vault';
import { NO_TEXTS } from '../../../../shared/domain/texts-by-language';

describe('case history', () => {
  it('records the case, each entry added, edited and deleted, and survives lock and unlock', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    let view = await service.cases.createCase(makeCase({ title: 'Дело', targets: [] }));
    view = await service.cases.addEntry(view, {
      ...emptyEntryFields('2026-04-03'),
      place: 'Суд',
      reportTexts: { ...NO_TEXTS, ru: 'Текст' },
    });
    const entryId = view.entries[0]!.id;
    view = await service.cases.updateEntry(view, entryId, {
      ...emptyEntryFields('2026-04-03'),
      place: 'Суд',
      outcome: 'Отложено',
      reportTexts: { ...NO_TEXTS, ru: 'Текст' },
    });
    view = await service.cases.updateCase(view, { ...makeCase({ title: 'Дело (новое название)' }) });
    view = await service.cases.addEntry(view, emptyEntryFields('2026-05-01'));
    view = await service.cases.deleteEntry(view, view.entries[1]!.id);
    expect(view.record.history.map((event) => event.action)).toEqual([
      'case-created',
      'entry-added',
      'entry-updated',
      'case-updated',
      'entry-added',
      'entry-deleted',
    ]);
    expect(view.record.history[2]?.changes).toEqual([{ field: 'outcome', before: '', after: 'Отложено' }]);
    expect(view.record.history[3]?.changes).toEqual([
      { field: 'title', before: 'Дело', after: 'Дело (новое название)' },
    ]);

    service.session.lock();
    const reopened = makeService(repository);
    const opened = await reopened.session.unlock(PASSPHRASE);
    expect(opened.failures).toEqual([]);
    const [stored] = wholeCases(reopened, opened);
    expect(stored?.record).toEqual(view.record);
    expect(stored?.entries.map((e) => e.record.outcome)).toEqual(['Отложено']);
  });

  it('writes nothing for an edit that changes nothing', async () => {
    const service = makeService();
    await service.session.create(PASSPHRASE);
    const view = await service.cases.createCase(makeCase());
    const { createdAt, updatedAt, history, ...fields } = view.record;
    expect(await service.cases.updateCase(view, fields)).toBe(view);
    expect([createdAt, updatedAt, history.length]).toEqual([view.record.createdAt, view.record.updatedAt, 1]);
  });
});
