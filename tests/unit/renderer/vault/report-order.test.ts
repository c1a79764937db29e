import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../../shared/crypto/bytes';
import { emptyEntryFields } from '../../../../shared/domain/entry';
import { NO_TEXTS } from '../../../../shared/domain/texts-by-language';
import { moveDevelopmentTo, selectQuarter } from '../../../../shared/report/quarter-selection';
import { reportSettingsFor } from '../../../../shared/settings/vault-settings';
import type { VaultService } from '../../../../renderer/src/vault/vault-service';
import { PASSPHRASE, makeCase, makeRepository, makeService, wholeCases } from '../../../fixtures/vault';

const QUARTER = { year: 2026, quarter: 2 } as const;

/** The quarter's April as the section has it, by paragraph text, in the vault's stored order. */
async function april(service: VaultService, opened?: Awaited<ReturnType<VaultService['session']['unlock']>>) {
  const vault = opened ?? (await service.session.unlock(PASSPHRASE));
  const order = reportSettingsFor(vault.settings, '2026-Q2').order;
  return selectQuarter(wholeCases(service, vault), QUARTER, order).months[0]!.developments.map((d) => d.reportTexts.en);
}

describe('the editor’s order in the vault', () => {
  it('a development moved to the top of its month stays first after a lock, a backup restored elsewhere, and a merge', async () => {
    const a = makeService(makeRepository());
    await a.session.create(PASSPHRASE);
    let view = await a.cases.createCase(makeCase({ title: 'Дело' }));
    for (const [date, text] of [
      ['2026-04-03', 'April 3'],
      ['2026-04-10', 'April 10'],
      ['2026-04-20', 'April 20'],
    ] as const)
      view = await a.cases.addEntry(view, {
        ...emptyEntryFields(date),
        includeInReport: true,
        reportTexts: { ...NO_TEXTS, en: text },
      });
    const moved = view.entries.find((e) => e.record.reportTexts.en === 'April 20')!.id;
    const order = moveDevelopmentTo(selectQuarter([view], QUARTER), moved, 0);
    const settings = (await a.session.unlock(PASSPHRASE)).settings;
    await a.cases.saveSettings({
      ...settings,
      reports: { '2026-Q2': { ...reportSettingsFor(settings, '2026-Q2'), order } },
    });

    a.session.lock();
    expect(await april(a)).toEqual(['April 20', 'April 3', 'April 10']);

    // A backup restored on another machine.
    const b = makeService(makeRepository());
    const restored = await (
      await b.imports.prepareRestore(concatBytes(...(await a.imports.createBackup())), { passphrase: PASSPHRASE })
    ).commit();
    expect(await april(b, restored)).toEqual(['April 20', 'April 3', 'April 10']);

    // A colleague adds a development dated before all of them; merged back, the top stays the top.
    const theirs = wholeCases(b, restored)[0]!;
    await b.cases.addEntry(theirs, {
      ...emptyEntryFields('2026-04-01'),
      includeInReport: true,
      reportTexts: { ...NO_TEXTS, en: 'April 1' },
    });
    const merge = await a.imports.prepareMerge(concatBytes(...(await b.imports.createBackup())), {
      passphrase: PASSPHRASE,
    });
    expect(await april(a, await merge.commit())).toEqual(['April 20', 'April 1', 'April 3', 'April 10']);
  });
});
