import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseReportText, reportPlainText, reportTextOf, type ReportRun } from '../../../../shared/report/report-text';

describe('parseReportText', () => {
  it('turns [words](url) into links and keeps bold and italic', () => {
    const { runs, warnings } = parseReportText(
      '[On 3 April](https://adilsoz.kz/news/1), the court in **Almaty** fined *Әділет* [again](https://orda.kz/a_(b)).',
    );
    expect(runs).toEqual([
      { text: 'On 3 April', bold: false, italic: false, href: 'https://adilsoz.kz/news/1' },
      { text: ', the court in ', bold: false, italic: false, href: null },
      { text: 'Almaty', bold: true, italic: false, href: null },
      { text: ' fined ', bold: false, italic: false, href: null },
      { text: 'Әділет', bold: false, italic: true, href: null },
      { text: ' ', bold: false, italic: false, href: null },
      { text: 'again', bold: false, italic: false, href: 'https://orda.kz/a_(b)' },
      { text: '.', bold: false, italic: false, href: null },
    ]);
    expect(warnings).toEqual([]);
  });

  it('keeps bold inside a link', () => {
    expect(parseReportText('[**Суд** решил](https://example.org/x)').runs).toEqual([
      { text: 'Суд', bold: true, italic: false, href: 'https://example.org/x' },
      { text: ' решил', bold: false, italic: false, href: 'https://example.org/x' },
    ]);
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'vbscript:x'])(
    'writes a %s link as plain text and warns',
    (target) => {
      const { runs, warnings } = parseReportText(`[click](${target})`);
      expect(runs).toEqual([{ text: 'click', bold: false, italic: false, href: null }]);
      expect(warnings).toEqual([{ kind: 'unsafe-link', target, text: 'click' }]);
    },
  );

  it('leaves unmatched markers and malformed links as text', () => {
    expect(reportPlainText('5 * 3 = 15, [not a link] (x), **open')).toBe('5 * 3 = 15, [not a link] (x), **open');
    expect(reportPlainText('\\*literal\\* and \\[x\\](y)')).toBe('*literal* and [x](y)');
  });

  it('never produces markup from HTML in the text', () => {
    expect(parseReportText('<script>alert(1)</script>').runs).toEqual([
      { text: '<script>alert(1)</script>', bold: false, italic: false, href: null },
    ]);
  });
});

describe('runs written back as report text (what the import of a Word document keeps)', () => {
  const HREFS = [null, 'https://example.org/a', 'https://example.org/b_(c)', 'https://example.org/x)y', '#'];
  const run = fc.record({
    text: fc.string({
      unit: fc.constantFrom('a', 'Ж', 'қ', ' ', '*', '[', ']', '(', ')', '\\', '_', '.'),
      maxLength: 8,
    }),
    bold: fc.boolean(),
    italic: fc.boolean(),
    href: fc.constantFrom(...HREFS),
  });
  /** An address as a browser goes to it: a parenthesis written %28/%29 is the same address. */
  const address = (href: string | null) =>
    href === '#' || href === null ? null : href.replace(/%28/g, '(').replace(/%29/g, ')');
  /** Each visible character with its style: what a reader of the page sees. */
  const seen = (runs: readonly ReportRun[]) =>
    runs.flatMap((r) =>
      [...r.text].filter((c) => c.trim() !== '').map((c) => `${c}|${r.bold}|${r.italic && !r.bold}|${address(r.href)}`),
    );

  it('read back, every character is there with its bold, italic and link (bold and italic at once keeps its bold)', () => {
    fc.assert(
      fc.property(fc.array(run, { maxLength: 8 }), (runs) => {
        const text = reportTextOf(runs);
        const parsed = parseReportText(text);
        expect(parsed.runs.map((r) => r.text).join('')).toBe(runs.map((r) => r.text).join(''));
        expect(seen(parsed.runs)).toEqual(seen(runs));
      }),
      { numRuns: 500 },
    );
  });

  it('a link with no address stays a link written with “#”, for the monitor to complete', () => {
    expect(reportTextOf([{ text: 'retraction', bold: false, italic: false, href: '#' }])).toBe('[retraction](#)');
    expect(reportTextOf([{ text: 'The court ', bold: true, italic: false, href: null }])).toBe('**The court** ');
  });
});
