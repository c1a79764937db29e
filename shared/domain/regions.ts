/**
 * Kazakhstan's regions (oblystar, as of the 2022 reform) and cities of republican significance.
 * Codes are stable; names come from the UI catalogs. A case may also name a place in free text.
 */
export const CITIES_OF_REPUBLICAN_SIGNIFICANCE = ['astana', 'almaty', 'shymkent'] as const;

export const REGIONS = [
  'abai',
  'akmola',
  'aktobe',
  'almaty-region',
  'atyrau',
  'east-kazakhstan',
  'jambyl',
  'jetisu',
  'karaganda',
  'kostanay',
  'kyzylorda',
  'mangystau',
  'north-kazakhstan',
  'pavlodar',
  'turkistan',
  'ulytau',
  'west-kazakhstan',
] as const;

export const REGION_CODES = [...CITIES_OF_REPUBLICAN_SIGNIFICANCE, ...REGIONS] as const;
export type RegionCode = (typeof REGION_CODES)[number];
