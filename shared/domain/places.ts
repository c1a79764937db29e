import { skeletonText } from '../search/normalize';
import { REGION_CODES, type RegionCode } from './regions';
import type { ReportLanguage } from './texts-by-language';

/**
 * Kazakhstan's listed regions and cities by name in each language, and the places people type
 * for them: a city of republican significance by any of its names ("Алматы", "Almaty",
 * "Алма-Ата"), a region by its name or its centre ("Уральск", "Орал" are West Kazakhstan
 * Region). Typed places are matched through the search's skeleton key (transliteration and
 * folding: Qaraghandy, Караганда, Қарағанды are one), so the filters and counts see one place.
 */
export const REGION_NAMES: Readonly<Record<RegionCode, Readonly<Record<ReportLanguage, string>>>> = {
  astana: { en: 'Astana', ru: 'Астана', kk: 'Астана' },
  almaty: { en: 'Almaty', ru: 'Алматы', kk: 'Алматы' },
  shymkent: { en: 'Shymkent', ru: 'Шымкент', kk: 'Шымкент' },
  abai: { en: 'Abai Region', ru: 'Абайская область', kk: 'Абай облысы' },
  akmola: { en: 'Akmola Region', ru: 'Акмолинская область', kk: 'Ақмола облысы' },
  aktobe: { en: 'Aktobe Region', ru: 'Актюбинская область', kk: 'Ақтөбе облысы' },
  'almaty-region': { en: 'Almaty Region', ru: 'Алматинская область', kk: 'Алматы облысы' },
  atyrau: { en: 'Atyrau Region', ru: 'Атырауская область', kk: 'Атырау облысы' },
  'east-kazakhstan': {
    en: 'East Kazakhstan Region',
    ru: 'Восточно-Казахстанская область',
    kk: 'Шығыс Қазақстан облысы',
  },
  jambyl: { en: 'Jambyl Region', ru: 'Жамбылская область', kk: 'Жамбыл облысы' },
  jetisu: { en: 'Jetisu Region', ru: 'Жетысуская область', kk: 'Жетісу облысы' },
  karaganda: { en: 'Karaganda Region', ru: 'Карагандинская область', kk: 'Қарағанды облысы' },
  kostanay: { en: 'Kostanay Region', ru: 'Костанайская область', kk: 'Қостанай облысы' },
  kyzylorda: { en: 'Kyzylorda Region', ru: 'Кызылординская область', kk: 'Қызылорда облысы' },
  mangystau: { en: 'Mangystau Region', ru: 'Мангистауская область', kk: 'Маңғыстау облысы' },
  'north-kazakhstan': {
    en: 'North Kazakhstan Region',
    ru: 'Северо-Казахстанская область',
    kk: 'Солтүстік Қазақстан облысы',
  },
  pavlodar: { en: 'Pavlodar Region', ru: 'Павлодарская область', kk: 'Павлодар облысы' },
  turkistan: { en: 'Turkistan Region', ru: 'Туркестанская область', kk: 'Түркістан облысы' },
  ulytau: { en: 'Ulytau Region', ru: 'Улытауская область', kk: 'Ұлытау облысы' },
  'west-kazakhstan': {
    en: 'West Kazakhstan Region',
    ru: 'Западно-Казахстанская область',
    kk: 'Батыс Қазақстан облысы',
  },
};

/** Other names a place goes by: former names, regional centres, abbreviations in the press. */
const OTHER_NAMES: Readonly<Partial<Record<RegionCode, readonly string[]>>> = {
  astana: ['Нур-Султан', 'Nur-Sultan', 'Нұр-Сұлтан', 'Целиноград', 'Астана қаласы'],
  almaty: ['Алма-Ата', 'Alma-Ata', 'Алмата', 'Almaty city', 'Алматы қаласы'],
  shymkent: ['Чимкент', 'Shymkent city', 'Шымкент қаласы'],
  abai: ['Семей', 'Семипалатинск', 'Semey', 'область Абай'],
  akmola: ['Кокшетау', 'Көкшетау', 'Kokshetau', 'Акмолинская обл'],
  aktobe: ['Актобе', 'Ақтөбе', 'Актюбинск'],
  'almaty-region': ['Конаев', 'Қонаев', 'Konaev', 'Капшагай', 'Алматинская обл'],
  atyrau: ['Атырау', 'Atyrau', 'Гурьев'],
  'east-kazakhstan': ['Усть-Каменогорск', 'Өскемен', 'Oskemen', 'Ust-Kamenogorsk', 'ВКО', 'East Kazakhstan'],
  jambyl: ['Тараз', 'Taraz', 'Джамбул', 'Жамбылская обл'],
  jetisu: ['Талдыкорган', 'Талдықорған', 'Taldykorgan', 'область Жетысу'],
  karaganda: ['Караганда', 'Қарағанды', 'Karaganda', 'Qaraghandy', 'Карагандинская обл'],
  kostanay: ['Костанай', 'Қостанай', 'Kostanay', 'Кустанай'],
  kyzylorda: ['Кызылорда', 'Қызылорда', 'Kyzylorda'],
  mangystau: ['Актау', 'Ақтау', 'Aktau', 'Мангистау', 'Маңғыстау', 'Жанаозен', 'Жаңаөзен', 'Zhanaozen'],
  'north-kazakhstan': ['Петропавловск', 'Петропавл', 'Petropavl', 'Petropavlovsk', 'СКО', 'North Kazakhstan'],
  pavlodar: ['Павлодар', 'Pavlodar', 'Экибастуз', 'Екібастұз'],
  turkistan: ['Туркестан', 'Түркістан', 'Turkestan', 'Южно-Казахстанская область', 'ЮКО'],
  ulytau: ['Жезказган', 'Жезқазған', 'Zhezkazgan', 'область Улытау'],
  'west-kazakhstan': ['Уральск', 'Орал', 'Oral', 'Uralsk', 'ЗКО', 'West Kazakhstan'],
};

/** Words around a place's name that do not change the place ("г. Алматы", "Алматы қаласы"). */
const FILLER = new Set(['g', 'gor', 'gorod', 'kala', 'kalasi', 'city', 'of', 'the']);

function placeKey(text: string): string {
  return skeletonText(text)
    .split(' ')
    .filter((word) => word !== '' && !FILLER.has(word))
    .join(' ');
}

const BY_KEY: ReadonlyMap<string, RegionCode> = (() => {
  const keys = new Map<string, RegionCode>();
  for (const code of REGION_CODES) {
    for (const name of [...Object.values(REGION_NAMES[code]), ...(OTHER_NAMES[code] ?? [])])
      keys.set(placeKey(name), code);
    keys.set(placeKey(code.replace(/-/g, ' ')), code);
  }
  return keys;
})();

/** The listed region or city a typed place is (its code), or null when it is none of them. */
export function placeRegion(text: string): RegionCode | null {
  if ((REGION_CODES as readonly string[]).includes(text)) return text as RegionCode;
  const key = placeKey(text);
  return key === '' ? null : (BY_KEY.get(key) ?? null);
}

/**
 * What the filters and counts group a target's place by: its region's code when the place is a
 * listed one (however it was typed), else the place's own key, so "Талгар" and "Talgar" are one.
 */
export function regionKey(value: string): string {
  return placeRegion(value) ?? placeKey(value);
}

/** A region code by its name in a language; a place typed in as it was typed. */
export function regionName(value: string, language: ReportLanguage): string {
  return (REGION_CODES as readonly string[]).includes(value) ? REGION_NAMES[value as RegionCode][language] : value;
}
