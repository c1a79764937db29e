import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildSectionModel, packSection, sectionDocument } from '../../../../shared/report/legal-pressure-section';
import { paragraphsOf } from '../../../fixtures/docx';
import { REPORT_CANARIES, fixtureQuarter } from '../../../fixtures/quarter';

const labels = {
  kind: (kind: string) => kind,
  kindHeader: 'Kind',
  total: 'Total',
  newVsOngoing: (n: number, o: number) => `New cases: ${n}; ongoing: ${o}`,
  previousQuarter: (q: { year: number; quarter: number }) => `Q${q.quarter} ${q.year}`,
  comparison: (now: { developments: number }, before: { developments: number }) =>
    `Compared: ${now.developments} against ${before.developments}`,
  byRegion: (rows: ReadonlyArray<{ name: string; developments: number }>) =>
    `By region: ${rows.map((row) => `${row.name} ${row.developments}`).join(', ')}`,
};

async function exportQuarter(options: { statistics?: boolean } = {}) {
  const model = buildSectionModel(fixtureQuarter(), {
    quarter: { year: 2026, quarter: 2 },
    language: 'en',
    introduction: 'During the quarter, journalists in Kazakhstan faced lawsuits, claims and criminal cases.',
    ...options,
  });
  const bytes = await packSection(sectionDocument(model, labels), model);
  return { model, bytes, files: unzipSync(bytes) };
}

describe('the Legal Pressure section as DOCX', () => {
  it('writes heading, introduction, then each month and its developments in order', async () => {
    const { files, model } = await exportQuarter();
    const paragraphs = paragraphsOf(strFromU8(files['word/document.xml']!));
    expect(paragraphs[0]).toEqual({
      style: 'Heading1',
      text: '2. Legal Pressure (Lawsuits, Pre-trial Claims, Arrests, Detentions)',
    });
    expect(paragraphs[1]?.text).toMatch(/^During the quarter/);
    const headings = paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text);
    expect(headings).toEqual(['April', 'May', 'June']);
    const april = paragraphs.findIndex((p) => p.text === 'April');
    const may = paragraphs.findIndex((p) => p.text === 'May');
    const june = paragraphs.findIndex((p) => p.text === 'June');
    expect(april).toBe(2);
    expect(paragraphs.slice(april + 1, may).map((p) => p.text.slice(0, 25))).toEqual([
      'The editors of Zhana Dala',
      'The appeal court upheld a',
      'A court dismissed a devel',
      'In the Turkistan Region, ',
      'In Shymkent, journalist А',
      'Police found no violation',
    ]);
    expect([may - april - 1, june - may - 1, paragraphs.length - june - 1]).toEqual([6, 7, 7]);
    expect(paragraphs.length).toBe(2 + 3 + 20);
    expect(paragraphs[paragraphs.length - 1]?.text).toMatch(/^On the last day of the quarter/);
    // The entry with no report text is reported, not written.
    expect(model.missingText).toEqual(['c17-e2']);
  });

  it('writes every link as a hyperlink relationship, and a javascript: link as plain text', async () => {
    const { files, model } = await exportQuarter();
    const documentXml = strFromU8(files['word/document.xml']!);
    const rels = strFromU8(files['word/_rels/document.xml.rels']!);
    const ids = [...documentXml.matchAll(/<w:hyperlink [^>]*r:id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(26);
    for (const id of ids) {
      expect(rels).toMatch(
        new RegExp(
          `Id="${id}" Type="[^"]+/hyperlink" Target="https://example\\.org/q2/[0-9a-z]+" TargetMode="External"`,
        ),
      );
    }
    expect(rels).not.toContain('javascript:');
    expect(documentXml).toContain('bad link');
    expect(documentXml).toContain('<w:rStyle w:val="Hyperlink"/>');
    expect(model.warnings).toEqual([
      { kind: 'unsafe-link', target: 'javascript:alert(1)', text: 'bad link', entryId: 'c16-e2' },
    ]);
  });

  it('keeps privileged notes, case notes and unmarked entries out of every part of the file', async () => {
    const { files } = await exportQuarter({ statistics: true });
    const everything = Object.values(files)
      .map((bytes) => strFromU8(bytes))
      .join('\n');
    expect(everything).not.toContain(REPORT_CANARIES.privileged);
    expect(everything).not.toContain(REPORT_CANARIES.unmarked);
    expect(everything).not.toContain('Case notes for');
    expect(everything).not.toContain('Out of the quarter');
  });

  it('removes characters XML cannot hold, keeps Cyrillic and Kazakh, and sets deliberate properties', async () => {
    const { files } = await exportQuarter();
    const documentXml = strFromU8(files['word/document.xml']!);
    expect(documentXml).not.toMatch(/\uFFFF|[\uD800-\uDFFF]/u);
    expect(documentXml).toContain('seized two laptops.');
    expect(documentXml).toContain('Гүлнар Бажкенова');
    expect(documentXml).toContain('Ақ Жайық');
    const core = strFromU8(files['docProps/core.xml']!);
    expect(core).toContain('<dc:title>2. Legal Pressure (Lawsuits, Pre-trial Claims, Arrests, Detentions)</dc:title>');
    expect(core).toContain('<dc:creator>Qorgau</dc:creator>');
    expect(core).not.toMatch(/Un-named|dcterms:created|dcterms:modified/);
    expect(strFromU8(files['word/styles.xml']!)).toContain('w:lang w:val="en-GB"');
  });

  it('adds the optional statistics table after the introduction', async () => {
    const { files } = await exportQuarter({ statistics: true });
    const documentXml = strFromU8(files['word/document.xml']!);
    expect(documentXml.indexOf('<w:tbl>')).toBeGreaterThan(documentXml.indexOf('During the quarter'));
    expect(documentXml.indexOf('<w:tbl>')).toBeLessThan(documentXml.indexOf('>April<'));
    expect(documentXml).toContain('New cases: 16; ongoing: 1');
  });

  it('justifies the introduction and developments, and keeps headings and the table aligned left', async () => {
    const { files } = await exportQuarter({ statistics: true });
    const styles = strFromU8(files['word/styles.xml']!);
    const documentXml = strFromU8(files['word/document.xml']!);
    // A paragraph's alignment as Word resolves it: its own, else its style's, else the document's default.
    const jc = (xml: string) => /<w:jc w:val="([^"]+)"/.exec(xml)?.[1];
    const byDefault = jc(/<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/.exec(styles)?.[0] ?? '') ?? 'left';
    const ofStyle = (id: string) => jc(new RegExp(`w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '');
    const body = documentXml.slice(documentXml.indexOf('<w:body>'));
    const aligned = [...body.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map(([, xml = '']) => {
      const style = /<w:pStyle w:val="([^"]+)"/.exec(xml)?.[1];
      const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
      return { text, align: jc(xml) ?? (style && ofStyle(style)) ?? byDefault };
    });
    const alignOf = (text: string) => aligned.find((p) => p.text.includes(text))?.align;
    expect(alignOf('During the quarter')).toBe('both');
    expect(alignOf('seized two laptops.')).toBe('both');
    expect(alignOf('2. Legal Pressure')).toBe('left');
    expect(alignOf('April')).toBe('left');
    expect(alignOf('Kind')).toBe('left');
    expect(alignOf('New cases: 16')).toBe('left');
    const developments = aligned.filter((p) => p.align === 'both').length;
    expect(developments).toBeGreaterThan(10);
  });

  it('gives the same bytes for the same data, and month names and title in Russian and Kazakh', async () => {
    // Packed at two different moments: nothing of the moment of packing may show in the bytes.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-04-01T09:00:00Z'));
    const first = await exportQuarter();
    vi.setSystemTime(new Date('2031-12-31T23:59:58Z'));
    const second = await exportQuarter();
    vi.useRealTimers();
    expect(Buffer.compare(first.bytes, second.bytes)).toBe(0);
    for (const [language, months, title] of [
      ['ru', ['Апрель', 'Май', 'Июнь'], '2. Юридическое давление'],
      ['kk', ['Сәуір', 'Мамыр', 'Маусым'], '2. Құқықтық қысым'],
    ] as const) {
      const model = buildSectionModel(fixtureQuarter(), {
        quarter: { year: 2026, quarter: 2 },
        language,
        introduction: '',
        // The quarter's texts are English: in the other languages they come marked for translation.
        untranslated: 'mark',
      });
      const paragraphs = paragraphsOf(
        strFromU8(unzipSync(await packSection(sectionDocument(model, labels), model))['word/document.xml']!),
      );
      expect(paragraphs[0]?.text.startsWith(title)).toBe(true);
      expect(paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(months);
    }
  });
});

describe('time zones', () => {
  const original = process.env.TZ;
  afterAll(() => {
    process.env.TZ = original;
  });

  it('yields the same document.xml in UTC, Almaty, Los Angeles and Kiritimati', async () => {
    const documents: string[] = [];
    for (const zone of ['UTC', 'Asia/Almaty', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
      process.env.TZ = zone;
      const { files } = await exportQuarter({ statistics: true });
      documents.push(strFromU8(files['word/document.xml']!));
    }
    expect(new Set(documents).size).toBe(1);
    expect(documents[0]).toContain('The editors of Zhana Dala'); // 1 April
    expect(documents[0]).toContain('On the last day of the quarter'); // 30 June
  });

  it('lays the page out as the report does: a blank line after each paragraph, headings kept with what follows', async () => {
    const { files } = await exportQuarter();
    const styles = strFromU8(files['word/styles.xml']!);
    const documentXml = strFromU8(files['word/document.xml']!);
    // The document's default paragraph: a line of 12-point text after it.
    expect(styles).toMatch(/<w:pPrDefault><w:pPr>.*<w:spacing w:after="240"\/>.*<\/w:pPr><\/w:pPrDefault>/s);
    for (const heading of ['Heading1', 'Heading2']) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${heading}".*?</w:style>`, 's').exec(styles)?.[0] ?? '';
      expect(style, heading).toContain('<w:keepNext/>');
      expect(style, heading).toContain('<w:keepLines/>');
    }
    expect(new RegExp('<w:style [^>]*w:styleId="Heading2".*?</w:style>', 's').exec(styles)?.[0]).toMatch(
      /<w:spacing [^>]*w:before="240"/,
    );
    // Every body paragraph has widow and orphan control.
    const body = [...documentXml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<\/w:p>|<w:p [^>]*>(?:(?!<\/w:p>).)*?<\/w:p>/gs)]
      .map((m) => m[0])
      .filter((p) => !p.includes('w:pStyle'));
    expect(body.length).toBeGreaterThan(20);
    for (const paragraph of body) expect(paragraph).toContain('<w:widowControl/>');
  });

  it('numbers the section as set, or not at all; a typed title stands as typed', () => {
    const title = (options: { sectionNumber?: string; title?: string }) =>
      buildSectionModel([], { quarter: { year: 2026, quarter: 2 }, language: 'kk', introduction: '', ...options })
        .title;
    expect(title({})).toBe('2. Құқықтық қысым (сот талаптары, сотқа дейінгі талаптар, қамаулар, ұстаулар)');
    expect(title({ sectionNumber: '3' })).toMatch(/^3\. Құқықтық қысым/);
    expect(title({ sectionNumber: '4.' })).toMatch(/^4\. Құқықтық қысым/);
    expect(title({ sectionNumber: '' })).toMatch(/^Құқықтық қысым/);
    expect(title({ sectionNumber: '3', title: 'II. Қысым' })).toBe('II. Қысым');
  });
});
