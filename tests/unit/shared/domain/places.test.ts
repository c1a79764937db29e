import { describe, expect, it } from 'vitest';
import { placeRegion, regionKey, regionName } from '../../../../shared/domain/places';

describe('typed places are matched to the listed regions and cities', () => {
  it.each([
    ['Алматы', 'almaty'],
    ['Almaty', 'almaty'],
    ['Алма-Ата', 'almaty'],
    ['г. Алматы', 'almaty'],
    ['Алматы қаласы', 'almaty'],
    ['almaty', 'almaty'],
    ['Алматы облысы', 'almaty-region'],
    ['Алматинская область', 'almaty-region'],
    ['Нур-Султан', 'astana'],
    ['Чимкент', 'shymkent'],
    ['Уральск', 'west-kazakhstan'],
    ['Орал', 'west-kazakhstan'],
    ['Uralsk', 'west-kazakhstan'],
    ['Қарағанды', 'karaganda'],
    ['Qaraghandy', 'karaganda'],
    ['Усть-Каменогорск', 'east-kazakhstan'],
    ['Өскемен', 'east-kazakhstan'],
    ['Жаңаөзен', 'mangystau'],
    ['West Kazakhstan Region', 'west-kazakhstan'],
  ])('%j is %j', (typed, code) => {
    expect(placeRegion(typed)).toBe(code);
  });

  it.each(['Талгар', 'Бишкек', '', 'суд', 'Almaty Region Court'])('%j is none of them', (typed) => {
    expect(placeRegion(typed)).toBeNull();
  });

  it('groups a place however it is typed, listed or not', () => {
    expect(regionKey('Алматы')).toBe(regionKey('almaty'));
    expect(regionKey('Talgar')).toBe(regionKey('Талгар'));
    expect(regionKey('Talgar')).not.toBe(regionKey('almaty'));
  });

  it('names a listed place in each language and leaves a typed one as typed', () => {
    expect(regionName('west-kazakhstan', 'kk')).toBe('Батыс Қазақстан облысы');
    expect(regionName('west-kazakhstan', 'ru')).toBe('Западно-Казахстанская область');
    expect(regionName('Талгар', 'en')).toBe('Талгар');
  });
});
