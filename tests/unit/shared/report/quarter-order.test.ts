import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { caseRecordSchema, emptyCaseFields } from '../../../../shared/domain/case';
import { emptyEntryFields } from '../../../../shared/domain/entry';
import { buildSectionModel, packSection, sectionDocument } from '../../../../shared/report/legal-pressure-section';
import {
  moveDevelopment,
  moveDevelopmentTo,
  selectQuarter,
  type ReportCase,
} from '../../../../shared/report/quarter-selection';
import { NO_TEXTS } from '../../../../shared/domain/texts-by-language';

/**
 * The order of the section (issue 19, item 3): by date, then time of day (none before any), then
 * the order of entry — the same bytes on every machine; within a month the editor's order wins,
 * and whatever the editor did not move keeps its default place.
 */
type Dev = { id: string; date: string; time?: string; createdAt: string; text: string };

/** A vault's cases as a fresh vault would hold them: `tag` and the entry ids are that vault's random ids. */
function vaultOf(tag: string, developments: readonly Dev[]): ReportCase[] {
  return [
    {
      caseTag: tag,
      record: caseRecordSchema.parse({
        ...emptyCaseFields('criminal-case'),
        title: 'Дело',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        history: [],
      }),
      entries: developments.map((d) => ({
        id: d.id,
        record: {
          ...emptyEntryFields(d.date),
          time: d.time ?? '',
          reportTexts: { ...NO_TEXTS, en: d.text },
          includeInReport: true,
          createdAt: d.createdAt,
          updatedAt: d.createdAt,
        },
      })),
    },
  ];
}

const quarter = { year: 2026, quarter: 2 } as const;
const documentXml = async (cases: readonly ReportCase[], order: readonly string[] = []) => {
  const model = buildSectionModel(cases, { quarter, language: 'ru', introduction: '', order });
  return strFromU8(unzipSync(await packSection(sectionDocument(model), model))['word/document.xml']!);
};
const texts = (cases: readonly ReportCase[], order: readonly string[] = []) =>
  selectQuarter(cases, quarter, order).months.flatMap((m) => m.developments.map((d) => d.reportTexts.en));

const RULING = 'Суд вынес решение по делу журналиста.';
const DETENTION = 'В 23:30 журналиста задержали у редакции.';

const savedTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = savedTz;
});

describe('the order of the section', () => {
  it('two developments of one day, entered in either order in two fresh vaults, give the same bytes in every time zone', async () => {
    // Vault A: the detention (with a time) entered first; vault B: the ruling (no time) first.
    const a = vaultOf('tagA', [
      { id: 'zz9', date: '2026-05-14', time: '23:30', createdAt: '2026-05-14T18:31:00.000Z', text: DETENTION },
      { id: 'aa1', date: '2026-05-14', createdAt: '2026-05-15T04:00:00.000Z', text: RULING },
    ]);
    const b = vaultOf('tagB', [
      { id: 'bb2', date: '2026-05-14', createdAt: '2026-05-14T09:00:00.000Z', text: RULING },
      { id: 'aa3', date: '2026-05-14', time: '23:30', createdAt: '2026-05-14T18:31:00.000Z', text: DETENTION },
    ]);
    expect(texts(a)).toEqual([RULING, DETENTION]);
    expect(texts(b)).toEqual([RULING, DETENTION]);
    const outputs = new Set<string>();
    for (const tz of ['UTC', 'Asia/Almaty', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
      process.env.TZ = tz;
      outputs.add(await documentXml(a));
      outputs.add(await documentXml(b));
    }
    expect(outputs.size).toBe(1);
  });

  it('without times, the order of entry decides, not the random ids', () => {
    const first = 'Сначала подали иск.';
    const second = 'Затем суд принял его к производству.';
    const cases = vaultOf('t', [
      { id: 'zzz', date: '2026-04-02', createdAt: '2026-04-02T08:00:00.000Z', text: first },
      { id: 'aaa', date: '2026-04-02', createdAt: '2026-04-02T09:00:00.000Z', text: second },
    ]);
    expect(texts(cases)).toEqual([first, second]);
  });

  it('a development moved to the top of its month stays there; one added later takes its default place', () => {
    const base: Dev[] = [
      { id: 'e1', date: '2026-04-03', createdAt: '2026-04-03T00:00:00.000Z', text: 'April 3' },
      { id: 'e2', date: '2026-04-10', createdAt: '2026-04-10T00:00:00.000Z', text: 'April 10' },
      { id: 'e3', date: '2026-04-20', createdAt: '2026-04-20T00:00:00.000Z', text: 'April 20' },
      { id: 'e4', date: '2026-05-01', createdAt: '2026-05-01T00:00:00.000Z', text: 'May 1' },
    ];
    const cases = vaultOf('t', base);
    const order = moveDevelopmentTo(selectQuarter(cases, quarter), 'e3', 0);
    expect(texts(cases, order)).toEqual(['April 20', 'April 3', 'April 10', 'May 1']);
    // A place outside its month changes nothing: May's development cannot move into April.
    expect(moveDevelopmentTo(selectQuarter(cases, quarter, order), 'e4', 3)).toEqual(order);
    // Keyboard moves go one place, within the month, whatever the dates.
    const down = moveDevelopment(selectQuarter(cases, quarter, order), 'e3', 1);
    expect(texts(cases, down)).toEqual(['April 3', 'April 20', 'April 10', 'May 1']);
    // Added after the editor arranged the month: it goes where its date puts it among the places
    // the default order gives, the arranged ones keep theirs.
    const later = vaultOf('t', [
      ...base,
      { id: 'e5', date: '2026-04-15', createdAt: '2026-06-01T00:00:00.000Z', text: 'April 15' },
    ]);
    expect(texts(later, order)).toEqual(['April 20', 'April 3', 'April 10', 'April 15', 'May 1']);
  });
});
