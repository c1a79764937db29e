import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  foldedKey,
  foldedText,
  matchRanges,
  queryTokens,
  skeletonKey,
  skeletonText,
} from '../../../../shared/search/normalize';
import { SearchIndex } from '../../../../shared/search/search-index';

describe('folded key', () => {
  it('lower-cases, reads ё as е, and keeps the Kazakh letters as they are', () => {
    expect(foldedKey('ЁЛКИН Семён').key).toBe('елкин семен');
    expect(foldedKey('ӘДІЛЕТ Ғалым Қасым Ңң Өмір Ұлан Үміт Һ').key).toBe('әділет ғалым қасым ңң өмір ұлан үміт һ');
    // Kazakh letters are not folded into their Russian look-alikes: different words stay different.
    expect(foldedKey('Әділет').key).not.toBe(foldedKey('Адилет').key);
  });
});

/**
 * Names and outlets as people write them: each row lists spellings that must meet.
 * Fictional or generic names, in the forms monitors see in Russian, Kazakh and English texts.
 */
const SAME_NAME: ReadonlyArray<readonly string[]> = [
  ['Бажкенова', 'Bazhkenova', 'Bajkenova'],
  ['Әділет', 'Ədilet', 'Adilet', 'Ädilet', "A'dilet", 'Адилет'],
  ['Жанна Қасымова', 'Zhanna Kassymova', 'Janna Qasymova', 'Жанна Касымова'],
  ['Ғалымжан Төлеуов', 'Galymzhan Toleuov', 'Ğalymjan Töleuov'],
  ['Нұрлан Үсенов', 'Nurlan Usenov', 'Nūrlan Üsenov'],
  ['Айгүл Шәріпова', 'Aigul Sharipova', 'Aigül Şäripova', 'Aygul Sharipova'],
  ['Хабиба Цой', 'Khabiba Tsoi', 'Habiba Coi'],
  // Passport and press spellings (issue 20): ы of уы left out, ё as yo, Zh/J, Kh/H, Y/E at a word's start.
  ['Бауыржан', 'Baurzhan', 'Bauyrzhan', 'Bauirjan'],
  ['Пономарёв', 'Ponomaryov', 'Ponomarev', 'Пономарев'],
  ['Фёдор Семёнов', 'Fyodor Semyonov', 'Fedor Semenov'],
  ['Жанна', 'Zhanna', 'Janna'],
  ['Халида', 'Khalida', 'Halida'],
  ['Ерлан', 'Yerlan', 'Erlan'],
  ['Юлия Яковлева', 'Yulia Yakovleva', 'Iuliia Iakovleva'],
  ['Алексей Щукин', 'Aleksei Shchukin', 'Alexey Shukin'],
  ['Ерлан Сыздықов', 'Yerlan Syzdykov', 'Erlan Syzdyqov'],
  ['Көкшетау ақпарат', 'Kokshetau akparat', 'Kökşetau aqparat'],
  ['Уральская неделя', 'Uralskaya nedelya', "Ural'skaya nedelya"],
  ['Оңтүстік', 'Ontustik', 'Oñtüstık'],
  ['Һиджаб', 'Hijab', 'Hidzhab'],
  ['Семён Ёлкин', 'Семен Елкин', 'Semen Elkin', 'Semyon Yolkin'.replace('yo', 'e').replace('Yo', 'E')],
  ['Семён Пётр', 'Semyon Pyotr', 'Semen Petr'],
];

describe('skeleton key (transliteration)', () => {
  it.each(SAME_NAME.map((row) => [row[0], row]))('%s: every spelling meets', (_first, spellings) => {
    const keys = spellings.map((s) => skeletonKey(s).key);
    expect(new Set(keys).size, keys.join(' | ')).toBe(1);
  });

  it('keeps different names apart', () => {
    expect(skeletonKey('Бажкенова').key).not.toBe(skeletonKey('Баженова').key);
    expect(skeletonKey('Касымова').key).not.toBe(skeletonKey('Касенова').key);
  });
});

describe('matchRanges', () => {
  it('highlights a transliterated prefix where it stands in the original text', () => {
    const text = 'Иск к Бажкеновой и «Әділет»';
    const ranges = matchRanges(text, queryTokens('Bazhk'));
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(['Бажк']);
    const kazakh = matchRanges(text, queryTokens('ədilet'));
    expect(kazakh.map(([a, b]) => text.slice(a, b))).toEqual(['Әділет']);
  });

  it('spans both letters of a digraph', () => {
    const text = 'Zhanna';
    expect(matchRanges(text, queryTokens('Жа')).map(([a, b]) => text.slice(a, b))).toEqual(['Zha']);
  });
});

describe('SearchIndex', () => {
  const index = new SearchIndex([
    { id: 'a', texts: ['Уголовное дело против Бажкеновой', 'Orda.kz'] },
    { id: 'b', texts: ['Иск «Әділет» к газете', 'Уральская неделя'] },
    { id: 'c', texts: ['Adilet v. Uralsk Week', 'Uralskaya Nedelya'] },
  ]);

  it('finds Cyrillic names by their common passport and press spellings, in the index and its highlights', () => {
    const people = new SearchIndex([
      { id: 'baurzhan', texts: ['Бауыржан Сейітқали'] },
      { id: 'ponomarev', texts: ['Журналист Пономарёв'] },
      { id: 'zhanna', texts: ['Жанна Қасымова'] },
      { id: 'khalida', texts: ['Халида Ахметова'] },
      { id: 'yerlan', texts: ['Ерлан Сыздықов'] },
    ]);
    for (const [query, id] of [
      ['Baurzhan', 'baurzhan'],
      ['Bauyrzhan', 'baurzhan'],
      ['Ponomaryov', 'ponomarev'],
      ['Ponomarev', 'ponomarev'],
      ['Zhanna', 'zhanna'],
      ['Janna', 'zhanna'],
      ['Khalida', 'khalida'],
      ['Halida', 'khalida'],
      ['Yerlan', 'yerlan'],
      ['Erlan', 'yerlan'],
    ] as const)
      expect(people.search(query), query).toEqual([id]);
    const text = 'Бауыржан Сейітқали';
    expect(matchRanges(text, queryTokens('Baurzhan')).map(([a, b]) => text.slice(a, b))).toEqual(['Бауыржан']);
  });

  it('finds Cyrillic from Latin and back, by word prefix, all words required', () => {
    expect(index.search('Bazhkenova')).toEqual(['a']);
    expect(index.search('бажк')).toEqual(['a']);
    expect(index.search('Уральская неделя').sort()).toEqual(['b', 'c']);
    expect(index.search('Уральская Бажкенова')).toEqual([]);
    expect(index.search('zzzz')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
  });

  it('ranks the letter-for-letter match of a Kazakh word first', () => {
    expect(index.search('Әділет')).toEqual(['b', 'c']);
    expect(index.search('Adilet')).toEqual(['c', 'b']);
  });
});

describe('SearchIndex updates', () => {
  it('replaces and removes documents one at a time', () => {
    const index = new SearchIndex([{ id: 'a', texts: ['Иск к газете'] }]);
    expect(index.search('gazet')).toEqual(['a']);
    index.upsert({ id: 'a', texts: ['Штраф редактору'] });
    expect(index.search('gazet')).toEqual([]);
    expect(index.search('shtraf')).toEqual(['a']);
    index.upsert({ id: 'b', texts: ['Штрафстоянка'] });
    expect(index.search('штраф')).toEqual(['a', 'b']);
    index.remove('a');
    expect(index.search('штраф')).toEqual(['b']);
    expect(index.size).toBe(1);
  });
});

describe('fast keys', () => {
  it('index keys equal the mapped keys used for highlighting, for any text', () => {
    const alphabet = [..."abcdeghijklmnopqrstuvwxyzşçäöüğıñəūабвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі ЁЖӘ'’-.,1é"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(skeletonText(text)).toBe(skeletonKey(text).key);
        expect(foldedText(text)).toBe(foldedKey(text).key);
      }),
      { numRuns: 3000 },
    );
  });
});
