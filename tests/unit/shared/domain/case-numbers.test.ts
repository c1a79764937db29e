import { describe, expect, it } from 'vitest';
import { caseHead } from '../../../../shared/domain/case-head';
import { caseRecordSchema, emptyCaseFields } from '../../../../shared/domain/case';
import { casesWithNumbers } from '../../../../shared/domain/case-numbers';

const head = (caseTag: string, title: string, caseNumbers: string[]) =>
  caseHead({
    caseTag,
    record: caseRecordSchema.parse({
      ...emptyCaseFields(),
      title,
      caseNumbers,
      createdAt: 'a',
      updatedAt: 'b',
      history: [],
    }),
    entries: [],
    attachments: [],
  });

describe('a case number already in another case', () => {
  const heads = [head('a', 'Иск к «Уральской неделе»', ['2-1234/26', '7511-26-00-2/567']), head('b', 'Дело', [])];
  it('is found whatever its spacing, dashes or letter case, and named with its case', () => {
    expect(casesWithNumbers(['2 – 1234/26'], heads, null)).toEqual([
      { number: '2 – 1234/26', caseTag: 'a', title: 'Иск к «Уральской неделе»' },
    ]);
    expect(casesWithNumbers(['7511-26-00-2/567'.toUpperCase()], heads, 'b')).toHaveLength(1);
  });
  it('is not the case being edited, and blank lines match nothing', () => {
    expect(casesWithNumbers(['2-1234/26'], heads, 'a')).toEqual([]);
    expect(casesWithNumbers(['', '  '], heads, null)).toEqual([]);
    expect(casesWithNumbers(['2-1235/26'], heads, null)).toEqual([]);
  });
});
