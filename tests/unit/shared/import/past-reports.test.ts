import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseRecordSchema, emptyCaseFields } from '../../../../shared/domain/case';
import type { CaseFile } from '../../../../shared/domain/case-file';
import { REPORT_LANGUAGES, type ReportLanguage } from '../../../../shared/domain/texts-by-language';
import { ImportRefusedError } from '../../../../shared/import/import-errors';
import { proposeImport, type DatedSection } from '../../../../shared/import/import-plan';
import { defaultDecision, pastReportWrites } from '../../../../shared/import/import-writes';
import { dayNamed, readPastReport, type PastSection } from '../../../../shared/import/past-report';
import { parseReportText } from '../../../../shared/report/report-text';
import { exported, paragraphsOf, thirtyDevelopments } from '../../../fixtures/past-reports/thirty';
import {
  CONTENT_TYPES,
  documentXml,
  MACRO_CONTENT_TYPES,
  paragraph,
  relsXml,
  run,
  RUSSIAN_STYLES,
  wordFile,
} from '../../../fixtures/past-reports/word-file';

const NOW = '2026-12-07T10:00:00.000Z';

function fileOf(name: string, bytes: Uint8Array) {
  return { name, size: bytes.byteLength, bytes: () => Promise.resolve(bytes) };
}

async function refusal(name: string, bytes: Uint8Array): Promise<string> {
  try {
    await readPastReport(fileOf(name, bytes));
  } catch (error) {
    if (error instanceof ImportRefusedError) return error.refusal;
    throw error;
  }
  return 'accepted';
}

let ids = 0;
const newId = () => `new-${(ids += 1)}`;

describe('a quarter exported in three languages comes back', () => {
  it('every development once, with its three texts, links, bold and month; exported again, the same paragraphs in the same order', async () => {
    const original = thirtyDevelopments();
    const sections: DatedSection[] = [];
    const models = new Map<ReportLanguage, Awaited<ReturnType<typeof exported>>['model']>();
    for (const language of REPORT_LANGUAGES) {
      const { model, bytes } = await exported(original, language);
      models.set(language, model);
      const section = await readPastReport(fileOf(`legal-pressure-${language}.docx`, bytes));
      expect(section.language).toBe(language);
      expect(section.developments).toHaveLength(30);
      sections.push({ section, year: 2026 });
    }
    const review = proposeImport(sections, []);
    expect(review.alreadyIn).toBe(0);
    expect(review.proposals).toHaveLength(30);
    for (const proposal of review.proposals) {
      expect(proposal.action).toEqual({ kind: 'quick' });
      for (const language of REPORT_LANGUAGES) expect(proposal.group.texts[language]).not.toBe('');
    }
    // Each development's three texts are the three texts of one original development.
    for (const proposal of review.proposals) {
      const number = /№(\d+)/.exec(proposal.group.texts.en)![1];
      for (const language of REPORT_LANGUAGES) expect(proposal.group.texts[language]).toContain(`№${number} `);
      expect(proposal.group.month).toBe(4 + Math.floor((Number(number) - 1) / 10));
    }

    const write = pastReportWrites(review.proposals, new Map(), [], { now: NOW, newId, orders: {} });
    expect(write.counts).toEqual({ quick: 30, entries: 0, newCases: 0, texts: 0 });
    expect(write.put.every((c) => c.entries[0]!.record.datePrecision === 'month')).toBe(true);
    for (const language of REPORT_LANGUAGES) {
      const again = await exported(write.put, language, write.orders['2026-Q2']);
      expect(paragraphsOf(again.model)).toEqual(paragraphsOf(models.get(language)!));
    }

    // The same files again: nothing new.
    const twice = proposeImport(sections, write.put, write.orders);
    expect(twice.proposals).toEqual([]);
    expect(twice.alreadyIn).toBe(90);
  });

  it('files imported one at a time join the developments already imported instead of adding new ones', async () => {
    const original = thirtyDevelopments();
    const read = async (language: ReportLanguage) => ({
      section: await readPastReport(fileOf(`${language}.docx`, (await exported(original, language)).bytes)),
      year: 2026,
    });
    const first = pastReportWrites(proposeImport([await read('ru')], []).proposals, new Map(), [], {
      now: NOW,
      newId,
      orders: {},
    });
    const second = proposeImport([await read('kk')], first.put, first.orders);
    expect(second.proposals).toHaveLength(30);
    expect(second.proposals.every((p) => p.action.kind === 'texts')).toBe(true);
    const joined = pastReportWrites(second.proposals, new Map(), first.put, { now: NOW, newId, orders: first.orders });
    expect(joined.counts.texts).toBe(30);
    for (const view of joined.put) {
      const texts = view.entries[0]!.record.reportTexts;
      expect(/№(\d+)/.exec(texts.ru)![1]).toBe(/№(\d+)/.exec(texts.kk)![1]);
      expect(view.record.history.at(-1)!.action).toBe('entry-updated');
    }
  });
});

describe('the report’s plain-text form', () => {
  it('reads section 2 only: every development under its month, link words kept, links written (#) listed as missing', async () => {
    const bytes = new Uint8Array(readFileSync('tests/fixtures/past-reports/q2-2031-en.txt'));
    const section: PastSection = await readPastReport(fileOf('q2-2031-en.txt', bytes));
    expect(section.language).toBe('en');
    expect(section.year).toBe(2031);
    expect(section.developments.map((d) => d.month)).toEqual([4, 4, 5, 5, 5, 6, 6]);
    const all = section.developments.map((d) => d.text).join('\n');
    expect(all).not.toContain('section 1');
    expect(all).not.toContain('section 3');
    expect(all).not.toContain('reporting period');
    expect(section.developments[0]!.text).toContain(
      '[The Dala Times editorial team received a pre-trial claim](https://example.org/past/dala-claim)',
    );
    expect(section.developments[0]!.missingLinks).toEqual(['retraction']);
    expect(section.developments[3]!.missingLinks).toEqual(['blogger Saule Nurgaliyeva was detained']);
    expect(section.developments[3]!.suggestedDay).toBe(14);
    expect(section.developments[6]!.suggestedDay).toBe(27);
    // The placeholder stays in the text, where the monitor can give the address later.
    expect(section.developments[3]!.text).toContain('[blogger Saule Nurgaliyeva was detained](#)');
    const review = proposeImport([{ section, year: 2031 }], []);
    expect(review.proposals.flatMap((p) => p.group.missingLinks.map((m) => m.words))).toEqual([
      'retraction',
      'blogger Saule Nurgaliyeva was detained',
    ]);
    expect(review.proposals.map((p) => p.entryKind)).toEqual([
      'claim-received',
      'summons',
      'ruling',
      'detention',
      'referral-to-court',
      'appeal',
      'other',
    ]);
  });
});

describe('the report’s plain text in Russian', () => {
  it('finds the section by its Russian name and its months in capitals, and the day a paragraph names', async () => {
    const bytes = new Uint8Array(readFileSync('tests/fixtures/past-reports/q1-2031-ru.txt'));
    const section = await readPastReport(fileOf('q1-2031-ru.txt', bytes));
    expect(section).toMatchObject({ language: 'ru', year: 2031 });
    expect(section.developments.map((d) => [d.month, d.suggestedDay])).toEqual([
      [1, null],
      [2, 12],
      [3, null],
    ]);
    expect(section.developments.map((d) => d.text).join('\n')).not.toMatch(/Раздел 3|разделу 1/);
  });
});

describe('Word documents other tools write', () => {
  it('reads field-code and relationship hyperlinks, bold and italic as Word resolves them, localised headings; skips tables and deletions', async () => {
    const body = [
      paragraph(run('Обзор за второй квартал 2030 года')),
      paragraph(run('2. Юридическое давление (иски, претензии, задержания)'), '1'),
      paragraph(run('Вводный абзац раздела.')),
      `<w:tbl><w:tr><w:tc>${paragraph(run('Таблица статистики'))}</w:tc></w:tr></w:tbl>`,
      paragraph(run('АПРЕЛЬ'), '20'),
      paragraph(
        [
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
          '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/field?a=1&amp;b=2" \\o "подсказка" </w:instrText></w:r>',
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
          run('Суд отклонил иск', '<w:b/>'),
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
          run(' к редакции '),
          run('«Степь»', '<w:b/><w:b w:val="0"/><w:i/>'),
          '<w:del w:id="1" w:author="x"><w:r><w:delText>удалённый текст</w:delText></w:r></w:del>',
          '<w:ins w:id="2" w:author="x">',
          run(', сообщил '),
          '</w:ins>',
          '<w:hyperlink r:id="rId7">',
          run('представитель', '<w:rStyle w:val="a5"/>'),
          '</w:hyperlink>',
          run('.'),
        ].join(''),
      ),
      paragraph(
        '<w:fldSimple w:instr=" HYPERLINK &quot;https://example.org/simple&quot; ">' +
          run('Простое поле') +
          '</w:fldSimple>' +
          run(' 27 апреля.'),
      ),
      paragraph(run('3. Воспрепятствование профессиональной деятельности'), '1'),
      paragraph(run('Не из этого раздела.')),
    ].join('');
    const bytes = wordFile({
      '[Content_Types].xml': CONTENT_TYPES,
      'word/document.xml': documentXml(body),
      'word/_rels/document.xml.rels': relsXml({ rId7: 'https://example.org/rel' }),
      'word/styles.xml': RUSSIAN_STYLES,
    });
    const section = await readPastReport(fileOf('обзор.docx', bytes));
    expect(section.language).toBe('ru');
    expect(section.year).toBe(2030);
    expect(section.developments.map((d) => [d.month, d.text])).toEqual([
      [
        4,
        '[**Суд отклонил иск**](https://example.org/field?a=1&b=2) к редакции *«Степь»*, сообщил [**представитель**](https://example.org/rel).',
      ],
      [4, '[Простое поле](https://example.org/simple) 27 апреля.'],
    ]);
    expect(section.developments[1]!.suggestedDay).toBe(27);
    expect(parseReportText(section.developments[0]!.text).runs.filter((r) => r.href !== null)).toHaveLength(2);
  });
});

describe('bad files are refused at once, with what is wrong', () => {
  const good = () => ({
    '[Content_Types].xml': CONTENT_TYPES,
    'word/document.xml': documentXml(
      paragraph(run('2. Legal Pressure')) + paragraph(run('April')) + paragraph(run('Text.')),
    ),
  });

  it('a readable document without the section', async () => {
    expect(
      await refusal(
        'minutes.docx',
        wordFile({ ...good(), 'word/document.xml': documentXml(paragraph(run('Minutes'))) }),
      ),
    ).toBe('no-section');
    expect(await refusal('notes.txt', new TextEncoder().encode('Shopping list\nApril\nMilk'))).toBe('no-section');
  });

  it('a damaged zip: cut short, or not a zip at all under a .docx name', async () => {
    const bytes = wordFile(good());
    expect(await refusal('cut.docx', bytes.slice(0, bytes.length - 40))).toBe('damaged');
    expect(await refusal('fake.docx', new TextEncoder().encode('PK\u0003\u0004 not really a zip'))).toBe('damaged');
    expect(await refusal('image.docx', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).toBe('damaged');
  });

  it('a macro-enabled document, by its content type or by its macros', async () => {
    expect(await refusal('macros.docm', wordFile({ ...good(), '[Content_Types].xml': MACRO_CONTENT_TYPES }))).toBe(
      'macro',
    );
    expect(await refusal('macros.docx', wordFile({ ...good(), 'word/vbaProject.bin': new Uint8Array(64) }))).toBe(
      'macro',
    );
  });

  it('a password-protected document and an old .doc (Office compound files)', async () => {
    const compound = (stream: string) => {
      const bytes = new Uint8Array(4096);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      [...stream].forEach((char, i) => (bytes[1024 + i * 2] = char.charCodeAt(0)));
      return bytes;
    };
    expect(await refusal('secret.docx', compound('EncryptionInfo'))).toBe('encrypted');
    expect(await refusal('old.doc', compound('WordDocument'))).toBe('legacy-doc');
  });

  it('a 200 MB file is refused by its size: its bytes are never asked for', async () => {
    const file = {
      name: 'huge.docx',
      size: 200 * 1024 * 1024,
      bytes: () => Promise.reject(new Error('the bytes of a file over the limit were read')),
    };
    await expect(readPastReport(file)).rejects.toMatchObject({ refusal: 'too-large' });
  });

  it('an XML bomb (entities in a document type declaration) and a part that unpacks to more than a report can be', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>`;
    expect(await refusal('bomb.docx', wordFile({ ...good(), 'word/document.xml': bomb }))).toBe('xml-unsafe');
    // 40 MB of one repeated paragraph packs into a few dozen kilobytes.
    const huge = new Uint8Array(40 * 1024 * 1024).fill(0x20);
    const zipped = wordFile({ ...good(), 'word/document.xml': huge });
    expect(zipped.byteLength).toBeLessThan(1024 * 1024);
    expect(await refusal('zip-bomb.docx', zipped)).toBe('too-large-inside');
  });

  it('a file of another kind', async () => {
    expect(await refusal('photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]))).toBe(
      'unknown-kind',
    );
  });
});

describe('matching a development to the case it belongs to', () => {
  const tracked = (
    caseTag: string,
    targets: Array<{ name: string; role?: 'journalist' | 'outlet' }>,
    caseNumbers: string[] = [],
  ): CaseFile => ({
    caseTag,
    record: caseRecordSchema.parse({
      ...emptyCaseFields('civil-lawsuit'),
      title: `Case ${caseTag}`,
      caseNumbers,
      targets: targets.map((t, i) => ({
        id: `t${i}`,
        name: t.name,
        role: t.role ?? 'journalist',
        outlet: '',
        gender: 'unknown',
        region: '',
        anonymityRequired: false,
      })),
      createdAt: NOW,
      updatedAt: NOW,
      history: [],
    }),
    entries: [],
    attachments: [],
  });
  const sectionOf = (texts: string[], language: ReportLanguage = 'en'): DatedSection[] => [
    {
      section: {
        fileName: 'x',
        language,
        year: 2026,
        developments: texts.map((text, index) => ({
          index,
          month: 5,
          text,
          links: [],
          missingLinks: [],
          suggestedDay: dayNamed(text, 5, language),
        })),
      },
      year: 2026,
    },
  ];

  it('by a person’s name in another script and case ending, by a case number, and not by a first name alone', () => {
    const cases = [
      tracked('boreiko', [{ name: 'Вадим Борейко' }]),
      tracked('numbered', [{ name: 'Иван Петров' }], ['2-1234/2026']),
    ];
    const review = proposeImport(
      sectionOf([
        'In Almaty, the hearing continued on a lawsuit against journalist Vadim Boreyko.',
        'The court registered claim No. 2–1234/2026 against the newspaper.',
        'Journalist Vadim Sergeyev was summoned.',
      ]),
      cases,
    );
    expect(review.proposals.map((p) => p.action)).toEqual([
      { kind: 'entry', caseTag: 'boreiko' },
      { kind: 'entry', caseTag: 'numbered' },
      { kind: 'quick' },
    ]);
    expect(review.proposals[0]!.candidates[0]!.reasons).toEqual(['Вадим Борейко']);
  });

  it('a Russian paragraph declining the name finds the case written in Latin letters', () => {
    const review = proposeImport(sectionOf(['В Павлодаре журналистку Ольгу Воронко вызвали на допрос.'], 'ru'), [
      tracked('voronko', [{ name: 'Olga Voronko' }]),
    ]);
    expect(review.proposals[0]!.action).toEqual({ kind: 'entry', caseTag: 'voronko' });
  });

  it('accepting adds the development to the case’s timeline and history', () => {
    const cases = [tracked('boreiko', [{ name: 'Вадим Борейко' }])];
    const review = proposeImport(sectionOf(['The court heard the case of Vadim Boreyko.']), cases);
    const write = pastReportWrites(review.proposals, new Map(), cases, {
      now: NOW,
      newId,
      orders: { '2026-Q2': ['x'] },
    });
    const updated = write.put.find((c) => c.caseTag === 'boreiko')!;
    expect(updated.entries).toHaveLength(1);
    expect(updated.entries[0]!.record).toMatchObject({
      date: '2026-05-01',
      datePrecision: 'month',
      includeInReport: true,
    });
    expect(updated.record.history.at(-1)).toMatchObject({ action: 'entry-added', entryId: updated.entries[0]!.id });
    expect(write.orders['2026-Q2']).toEqual(['x', updated.entries[0]!.id]);
  });

  it('the review’s choices are what is written: another case, a new case, skipped, the day the text names', () => {
    const cases = [tracked('a', [{ name: 'Вадим Борейко' }]), tracked('b', [{ name: 'Иван Петров' }])];
    const review = proposeImport(
      sectionOf(['Vadim Boreyko was summoned on May 14.', 'A new lawsuit against Orda.', 'Skip me.']),
      cases,
    );
    const [first, second, third] = review.proposals as [
      (typeof review.proposals)[number],
      (typeof review.proposals)[number],
      (typeof review.proposals)[number],
    ];
    const decisions = new Map([
      [
        first.group.key,
        { ...defaultDecision(first), action: { kind: 'entry' as const, caseTag: 'b' }, useSuggestedDay: true },
      ],
      [second.group.key, { ...defaultDecision(second), action: { kind: 'new-case' as const } }],
      [third.group.key, { ...defaultDecision(third), action: { kind: 'skip' as const } }],
    ]);
    const write = pastReportWrites(review.proposals, decisions, cases, { now: NOW, newId, orders: {} });
    expect(write.counts).toEqual({ quick: 0, entries: 1, newCases: 1, texts: 0 });
    expect(write.put.find((c) => c.caseTag === 'b')!.entries[0]!.record).toMatchObject({
      date: '2026-05-14',
      datePrecision: 'day',
    });
    const created = write.put.find((c) => c.caseTag === write.created[0])!;
    expect(created.record).toMatchObject({ quick: false, title: 'A new lawsuit against Orda.' });
  });
});
