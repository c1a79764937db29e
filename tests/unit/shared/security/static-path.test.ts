import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticPath } from '../../../../shared/security/static-path';

describe('resolveStaticPath', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc.js', 'assets/index-abc.js'],
    ['/assets/', 'assets/index.html'],
    ['/assets/%D0%B4%D0%B5%D0%BB%D0%BE.png', 'assets/дело.png'],
  ])('maps %s to %s', (pathname, expected) => {
    expect(resolveStaticPath(pathname)).toEqual({ ok: true, relativePath: expected });
  });

  it.each([
    ['/../etc/passwd', 'dot segment'],
    ['/assets/../../secret', 'dot segment'],
    ['/%2e%2e/secret', 'dot segment'],
    ['/%2E%2E/secret', 'dot segment'],
    ['/assets%2f..%2fsecret', 'encoded separator'],
    ['/assets%5c..%5csecret', 'encoded separator'],
    ['/..\\secret', 'forbidden character'],
    ['/index.html%00.js', 'forbidden character'],
    ['/C:/Windows/win.ini', 'forbidden character'],
    ['//etc/passwd', 'empty path segment'],
    ['/%E0%A4%A', 'malformed percent-encoding'],
    ['relative', 'path must start with /'],
  ])('refuses %s (%s)', (pathname, reason) => {
    expect(resolveStaticPath(pathname)).toEqual({ ok: false, reason });
  });
});

describe('contentTypeFor', () => {
  it('serves scripts as JavaScript and unknown files as opaque bytes', () => {
    expect(contentTypeFor('assets/index.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('assets/argon2.wasm')).toBe('application/wasm');
    expect(contentTypeFor('assets/file.unknown')).toBe('application/octet-stream');
  });
});
