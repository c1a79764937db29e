import { describe, expect, it } from 'vitest';
import { toSafeFileName } from '../../../../shared/security/file-name';

describe('toSafeFileName', () => {
  it('keeps Cyrillic and Kazakh names readable', () => {
    expect(toSafeFileName('Иск к «Әділет» — решение.docx')).toBe('Иск к «Әділет» — решение.docx');
  });

  it.each([
    ['../../etc/passwd', 'etc_passwd'],
    ['..\\..\\Windows\\system.ini', 'Windows_system.ini'],
    ['<img src=x onerror=alert(1)>.pdf', 'img src=x onerror=alert(1)_.pdf'],
    ['report\u0000.docx', 'report_.docx'],
    ['CON', 'file_CON'],
    ['nul.txt', 'file_nul.txt'],
    ['...', 'file'],
    ['', 'file'],
  ])('makes %j safe as %j', (input, expected) => {
    expect(toSafeFileName(input)).toBe(expected);
  });

  it('bounds the length and keeps the extension', () => {
    const safe = toSafeFileName(`${'я'.repeat(400)}.pdf`);
    expect(safe.length).toBeLessThanOrEqual(180);
    expect(safe.endsWith('.pdf')).toBe(true);
  });
});
