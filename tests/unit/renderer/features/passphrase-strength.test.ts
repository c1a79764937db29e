import { describe, expect, it } from 'vitest';
import {
  estimateStrength,
  MIN_ACCEPTED_SCORE,
  newPassphraseProblem,
  otherLayout,
  suggestPassphrase,
  transliterate,
} from '../../../../renderer/src/features/vault/passphrase-strength';

/** What our users would type, and what zxcvbn's English dictionaries alone let through. */
const GUESSABLE = [
  'пароль123',
  'йцукенгшщз',
  'Алматы2024',
  'Казахстан1991',
  'qwerty123456',
  'password2024',
  'Қазақстан2024',
  'Астана2025!',
];
/** Each as typed, transliterated (words, not keyboard rows: nobody types "ytsukeng") and on the other layout. */
const variants = (p: string) => [p, ...(p === 'йцукенгшщз' ? [] : [transliterate(p)]), otherLayout(p)];

describe('passphrase strength for Russian, Kazakh and English', () => {
  it('transliterates and reads keys on the other layout as people type them', () => {
    expect(transliterate('Алматы')).toBe('almaty');
    expect(transliterate('Қазақстан')).toBe('kazakstan');
    expect(otherLayout('пароль')).toBe('gfhjkm');
    expect(otherLayout('gfhjkm123')).toBe('пароль123');
    expect(otherLayout('йцукенгшщз')).toBe('qwertyuiop');
  });

  it('the meter sees Russian and Kazakh words, places, keyboard rows, their transliterations and the other layout', async () => {
    const scored = await Promise.all(
      GUESSABLE.flatMap(variants).map(async (p) => [p, (await estimateStrength(p)).score] as const),
    );
    expect(scored.filter(([, score]) => score >= MIN_ACCEPTED_SCORE)).toEqual([]);
  }, 60_000);

  it('refuses each of them, and anything shorter than 12 characters', async () => {
    for (const p of GUESSABLE.flatMap(variants)) expect(await newPassphraseProblem(p, p), p).not.toBeNull();
    expect(await newPassphraseProblem('Ж7#qL!m2vR', 'Ж7#qL!m2vR')).toEqual({ reason: 'too-short' });
  }, 60_000);

  it('a suggested passphrase is five words, different each time, and accepted, in every language', async () => {
    for (const language of ['en', 'ru', 'kk'] as const) {
      const seen = new Set<string>();
      for (let i = 0; i < 5; i += 1) {
        const suggested = await suggestPassphrase(language);
        expect(suggested.split(' ')).toHaveLength(5);
        expect(await newPassphraseProblem(suggested, suggested), suggested).toBeNull();
        seen.add(suggested);
      }
      expect(seen.size).toBe(5);
    }
  }, 60_000);
});
