import { describe, expect, it } from 'vitest';
import { languageOfText, REPORT_LANGUAGES, type ReportLanguage } from '../../../../shared/domain/texts-by-language';
import {
  buildSectionModel,
  packSection,
  sectionDocument,
  sectionOptionsFor,
} from '../../../../shared/report/legal-pressure-section';
import { reportPlainText } from '../../../../shared/report/report-text';
import { monthName } from '../../../../shared/report/locale';
import { textsWritten, selectQuarter } from '../../../../shared/report/quarter-selection';
import { readDocx } from '../../../fixtures/docx';
import { trilingualQuarter } from '../../../fixtures/quarter';

const QUARTER = { year: 2026, quarter: 2 } as const;
const CYRILLIC = /\p{Script=Cyrillic}/u;

async function exportIn(
  language: ReportLanguage,
  untranslated: 'leave-out' | 'mark' = 'leave-out',
  cases = trilingualQuarter().cases,
) {
  const { report } = trilingualQuarter();
  const model = buildSectionModel(cases, sectionOptionsFor(report, QUARTER, language, untranslated));
  return { model, docx: readDocx(await packSection(sectionDocument(model), model)) };
}

/** Every text of the quarter in a language, as plain text: what must not appear in another language's file. */
function textsIn(language: ReportLanguage): string[] {
  const { cases, report } = trilingualQuarter();
  return [
    report.introductions[language],
    ...cases.flatMap((c) => c.entries.map((e) => reportPlainText(e.record.reportTexts[language]))),
  ];
}

describe('the section in three languages', () => {
  it('each language’s file holds only that language: every paragraph in its script, no other language’s text', async () => {
    for (const language of REPORT_LANGUAGES) {
      const { model, docx } = await exportIn(language);
      expect(model.untranslated).toEqual([]);
      // Title, introduction, three months, five developments.
      expect(docx.paragraphs).toHaveLength(1 + 1 + 3 + 5);
      const months = docx.paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text);
      expect(months).toEqual([4, 5, 6].map((month) => monthName(month, language)));
      for (const paragraph of docx.paragraphs.filter((p) => p.style !== 'Heading2')) {
        if (language === 'en') expect(paragraph.text, paragraph.text).not.toMatch(CYRILLIC);
        else expect(languageOfText(paragraph.text), paragraph.text).toBe(language);
      }
      const body = docx.paragraphs.map((p) => p.text).join('\n');
      for (const own of textsIn(language)) expect(body).toContain(own);
      for (const other of REPORT_LANGUAGES.filter((l) => l !== language))
        for (const text of textsIn(other)) expect(body, `${other} text in the ${language} file`).not.toContain(text);
      // Each language's own links.
      expect(docx.hyperlinks.every((h) => h.target?.startsWith(`https://example.org/${language}/`))).toBe(true);
      expect(docx.hyperlinks).toHaveLength(5);
    }
  });

  it('a development without Kazakh text is listed, left out of the Kazakh file or marked there for translation, never dropped unseen', async () => {
    const cases = trilingualQuarter().cases.map((c) =>
      c.caseTag !== 't3'
        ? c
        : {
            ...c,
            entries: c.entries.map((e) => ({
              ...e,
              record: { ...e.record, reportTexts: { ...e.record.reportTexts, kk: '' } },
            })),
          },
    );
    expect(textsWritten(selectQuarter(cases, QUARTER))).toEqual({ total: 5, written: { en: 5, ru: 5, kk: 4 } });

    const leftOut = await exportIn('kk', 'leave-out', cases);
    expect(leftOut.model.untranslated).toEqual([{ entryId: 't3-e1', from: 'ru' }]);
    // May had only that development: its heading goes with it.
    expect(leftOut.docx.paragraphs.map((p) => p.text)).not.toContain('Мамыр');
    expect(leftOut.docx.paragraphs).toHaveLength(1 + 1 + 2 + 4);
    expect(leftOut.docx.documentXml).not.toContain('Воронко');

    const marked = await exportIn('kk', 'mark', cases);
    expect(marked.model.untranslated).toEqual([{ entryId: 't3-e1', from: 'ru' }]);
    const paragraph = marked.docx.paragraphs.find((p) => p.text.includes('Воронко'))!;
    expect(paragraph.text).toBe(
      '[Орыс тілінен аудару керек] В Павлодаре журналистку Ольгу Воронко вызвали на допрос из-за публикации о военном комиссаре.',
    );
    // The mark is highlighted, so the translator finds it on the page.
    expect(marked.docx.documentXml).toMatch(/<w:highlight w:val="yellow"\/>[\s\S]{0,200}Орыс тілінен аудару керек/);

    // The other languages are whole and unmarked.
    for (const language of ['en', 'ru'] as const) {
      const { model, docx } = await exportIn(language, 'mark', cases);
      expect(model.untranslated).toEqual([]);
      expect(docx.documentXml).not.toContain('highlight');
    }
  });

  it('the statistics are the same in every language: they count developments, not texts', () => {
    const { cases, report } = trilingualQuarter();
    const thin = cases.map((c) => ({
      ...c,
      entries: c.entries.map((e) => ({
        ...e,
        record: { ...e.record, reportTexts: { ...e.record.reportTexts, en: '' } },
      })),
    }));
    const withStats = { ...report, statistics: true };
    const of = (language: ReportLanguage) =>
      buildSectionModel(thin, sectionOptionsFor(withStats, QUARTER, language)).statistics;
    expect(of('en')).toEqual(of('ru'));
    expect(of('kk')).toEqual(of('ru'));
    expect(of('en')!.byKind.reduce((sum, row) => sum + row.perMonth.reduce((a, b) => a + b, 0), 0)).toBe(5);
  });
});
