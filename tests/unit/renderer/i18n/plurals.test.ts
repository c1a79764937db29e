import i18next from 'i18next';
import { initTestI18n } from '../../../fixtures/i18n';
import { ru } from '../../../../renderer/src/i18n/locales/ru';
import { beforeAll, describe, expect, it } from 'vitest';

beforeAll(async () => {
  await initTestI18n('ru');
});

/** Every key of a catalog, as dotted paths. */
function keysOf(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('plural forms', () => {
  it('gives every counted Russian string the forms Russian numerals need (one, few, many)', () => {
    const keys = new Set(keysOf(ru));
    const missing = [...keys]
      .filter((key) => key.endsWith('_one'))
      .map((key) => key.slice(0, -'_one'.length))
      .filter((base) => !keys.has(`${base}_few`) || !keys.has(`${base}_many`));
    expect(missing).toEqual([]);
  });

  it.each([
    [1, '1 дело'],
    [3, '3 дела'],
    [5, '5 дел'],
    [11, '11 дел'],
    [21, '21 дело'],
    [22, '22 дела'],
  ])('counts %i cases in Russian as “%s”', async (count, text) => {
    await i18next.changeLanguage('ru');
    expect(i18next.t('cases.count', { count })).toBe(text);
  });

  it('counts cases in Kazakh and English', async () => {
    await i18next.changeLanguage('kk');
    expect(i18next.t('cases.count', { count: 5 })).toBe('5 іс');
    await i18next.changeLanguage('en');
    expect(i18next.t('cases.count', { count: 1 })).toBe('1 case');
    expect(i18next.t('cases.count', { count: 2 })).toBe('2 cases');
  });
});
