import { describe, expect, it } from 'vitest';
import { toSafeExternalUrl } from '../../../../shared/security/external-url';

describe('toSafeExternalUrl', () => {
  it.each([
    ['https://adilsoz.kz/news/1', 'https://adilsoz.kz/news/1'],
    ['http://example.org', 'http://example.org/'],
    ['mailto:lawyer@example.org', 'mailto:lawyer@example.org'],
    ['mailto:lawyer@example.org?attach=/home/user/.ssh/id_rsa', 'mailto:lawyer@example.org'],
    [
      'mailto:lawyer@example.org?subject=Дело&ATTACHMENT=C:\\vault&bcc=spy@example.net',
      'mailto:lawyer@example.org?subject=%D0%94%D0%B5%D0%BB%D0%BE',
    ],
    [
      'mailto:a@example.org?subject=Hi&body=Text&cc=b@example.org',
      'mailto:a@example.org?subject=Hi&body=Text&cc=b@example.org',
    ],
    ['https://пример.kz/дело', 'https://xn--e1afmkfd.kz/%D0%B4%D0%B5%D0%BB%D0%BE'],
  ])('lets %s through as %s', (input, expected) => {
    expect(toSafeExternalUrl(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'qorgau://app/index.html',
    'vbscript:msgbox',
    'https://user:pass@evil.example/',
    'https://trusted.example@evil.example/',
    '//evil.example',
    'not a url',
    '',
    `https://example.org/${'a'.repeat(2100)}`,
  ])('refuses %s', (input) => {
    expect(toSafeExternalUrl(input)).toBeNull();
  });
});
