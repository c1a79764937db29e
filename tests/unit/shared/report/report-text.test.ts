import { describe, expect, it } from 'vitest';
import { parseReportText, reportPlainText } from '../../../../shared/report/report-text';

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
