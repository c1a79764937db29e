import { describe, expect, it } from 'vitest';
import { formatLegalBasis } from '../../../../shared/domain/legal-basis-format';

describe('legal bases as lawyers write them', () => {
  it.each([
    [
      { code: 'criminal-code', article: '147', part: '5' },
      'Article 147(5) of the Criminal Code',
      'ч. 5 ст. 147 УК РК',
      'ҚР ҚК 147-бабының 5-бөлігі',
    ],
    [
      { code: 'criminal-code', article: '274', part: '' },
      'Article 274 of the Criminal Code',
      'ст. 274 УК РК',
      'ҚР ҚК 274-бабы',
    ],
    [
      { code: 'administrative-offences-code', article: '456-2', part: '1' },
      'Article 456-2(1) of the Code of Administrative Offences',
      'ч. 1 ст. 456-2 КоАП РК',
      'ҚР ӘҚБтК 456-2-бабының 1-бөлігі',
    ],
    [
      { code: 'civil-code', article: '143', part: '' },
      'Article 143 of the Civil Code',
      'ст. 143 ГК РК',
      'ҚР АК 143-бабы',
    ],
    [{ code: 'other', article: '20', part: '3' }, 'Article 20(3)', 'ч. 3 ст. 20', '20-бабының 3-бөлігі'],
  ] as const)('%o', (basis, en, ru, kk) => {
    expect(formatLegalBasis(basis, 'en')).toBe(en);
    expect(formatLegalBasis(basis, 'ru')).toBe(ru);
    expect(formatLegalBasis(basis, 'kk')).toBe(kk);
  });
});
