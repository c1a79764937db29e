import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseSummaryModel } from '../../../../renderer/src/features/cases/case-summary-model';
import { caseRecordSchema, emptyCaseFields } from '../../../../shared/domain/case';
import type { CaseFile } from '../../../../shared/domain/case-file';
import { emptyEntryFields } from '../../../../shared/domain/entry';
import { packCaseSummary } from '../../../../shared/report/case-summary';
import { initTestI18n } from '../../../fixtures/i18n';
import { officeMissing, pdfText, toPdf } from '../../../fixtures/libreoffice';

beforeAll(async () => {
  await initTestI18n('en');
});

const HASH = '22daeb609791e815f1397142c9ac04a631ab0c696b4d98769eee305f40990033';
const view: CaseFile = {
  caseTag: 'c1',
  record: caseRecordSchema.parse({
    ...emptyCaseFields('criminal-case'),
    title: 'Дело Асета Матаева <w:t>\u0000',
    stage: 'investigation',
    targets: [
      {
        id: 't1',
        name: 'Асет Матаев',
        role: 'journalist',
        outlet: 'КазТАГ',
        gender: 'male',
        region: 'almaty',
        anonymityRequired: false,
      },
    ],
    participants: [
      { id: 'p1', name: 'Айгүл Серікқызы', role: 'investigator', organisation: 'ДП г. Алматы', contacts: '+7 727' },
    ],
    legalBasis: [{ code: 'criminal-code', article: '274', part: '2' }],
    summary: 'Публичная сводка.',
    privilegedNotes: 'Стратегия защиты: ходатайство об экспертизе.',
    deadlines: [
      { id: 'd1', what: 'Ходатайство', due: '2026-12-01', time: '', reminder: '1-day', done: false },
      { id: 'd2', what: 'Уже сделано', due: '2026-11-01', time: '', reminder: 'none', done: true },
    ],
    createdAt: 'a',
    updatedAt: 'b',
    history: [],
  }),
  entries: [
    {
      id: 'e1',
      record: { ...emptyEntryFields('2026-10-14'), kind: 'interrogation', place: 'ДП', createdAt: 'a', updatedAt: 'b' },
    },
  ],
  attachments: [
    {
      id: 'a1',
      caseTag: 'c1',
      name: 'Постановление.pdf',
      type: 'application/pdf',
      size: 1_258_291,
      sha256: HASH,
      chunkSize: 1024,
      chunkCount: 1,
      noncePrefix: 'x',
      addedAt: 'a',
      entryId: null,
      date: '2026-10-10',
      description: 'О возбуждении дела',
    },
  ],
};

async function summaryText(privileged: boolean, language: 'en' | 'ru' | 'kk' = 'en') {
  await i18next.changeLanguage(language);
  const bytes = await packCaseSummary(caseSummaryModel(view, i18next.t, language, { privileged, today: '2026-12-07' }));
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  return { bytes, xml, text: [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ') };
}

describe('the printable case summary', () => {
  it('holds the facts, the participants, the timeline, the open deadlines and each document’s full SHA-256', async () => {
    const { text } = await summaryText(false);
    for (const said of [
      'Printed from Qorgau on 7 December 2026',
      'Investigation',
      'Асет Матаев, Journalist, КазТАГ, Almaty',
      'Айгүл Серікқызы, Investigator, ДП г. Алматы, +7 727',
      'Article 274(2) of the Criminal Code',
      '14 October 2026',
      'Interrogation',
      'Ходатайство',
      '(Overdue)',
      'Постановление.pdf',
      '10 October 2026',
      'PDF document',
      '1.2 MB',
      HASH,
      'Публичная сводка.',
    ])
      expect(text).toContain(said);
    expect(text).not.toContain('Уже сделано');
  });

  it('leaves the privileged notes out unless asked, and marks them when they are in', async () => {
    expect((await summaryText(false)).text).not.toContain('Стратегия защиты');
    const asked = await summaryText(true, 'ru');
    expect(asked.text).toContain('Стратегия защиты: ходатайство об экспертизе.');
    expect(asked.text).toContain('КОНФИДЕНЦИАЛЬНО, АДВОКАТСКАЯ ТАЙНА');
    expect(asked.text.indexOf('КОНФИДЕНЦИАЛЬНО')).toBeLessThan(asked.text.indexOf('Стратегия защиты'));
  });

  it('is the same file for the same case, and text that is not XML cannot break it', async () => {
    const first = await summaryText(false);
    const second = await summaryText(false);
    expect(second.bytes).toEqual(first.bytes);
    expect(first.xml).toContain('Дело Асета Матаева &lt;w:t&gt;');
    expect(first.xml).not.toContain('\u0000');
  });

  if (officeMissing) console.log(`Case summary LibreOffice check skipped: ${officeMissing} is not installed here.`);
  it.skipIf(officeMissing !== null)(
    'opens in LibreOffice with its Kazakh text',
    async () => {
      const folder = await mkdtemp(path.join(tmpdir(), 'qorgau-summary-'));
      await writeFile(path.join(folder, 'summary.docx'), (await summaryText(true, 'kk')).bytes);
      toPdf(folder, ['summary']);
      const text = pdfText(folder, 'summary');
      expect(text).toContain('Айгүл Серікқызы');
      expect(text).toContain('Ашық мерзімдер');
      expect(text).toContain('ҚҰПИЯ, АДВОКАТТЫҚ ҚҰПИЯ');
    },
    200_000,
  );
});
