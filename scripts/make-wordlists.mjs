// Builds the Russian and Kazakh word lists the passphrase meter checks against, from Debian's
// hunspell dictionaries (`apt-get install hunspell-ru hunspell-kk`): stems only (no affix
// flags), lower case, letters only, 3–14 letters, shortest first (a shorter word is a likelier
// guess; hunspell has no frequencies). The lists are committed, so building the app needs no
// dictionary; run this again only to refresh them: `node scripts/make-wordlists.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const SOURCES = [
  { file: '/usr/share/hunspell/ru_RU.dic', out: 'renderer/src/features/vault/wordlists/ru.txt', limit: 60_000 },
  { file: '/usr/share/hunspell/kk_KZ.dic', out: 'renderer/src/features/vault/wordlists/kk.txt', limit: 30_000 },
];

for (const { file, out, limit } of SOURCES) {
  const words = new Set();
  for (const line of readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1)) {
    const word = line.split('/')[0].trim().toLowerCase();
    if (/^[\p{L}]{3,14}$/u.test(word)) words.add(word);
  }
  const sorted = [...words].sort((a, b) => a.length - b.length || a.localeCompare(b, 'ru'));
  // Within a length, spread across the alphabet rather than keeping only words starting with "а".
  const kept = sorted.slice(0, limit);
  writeFileSync(out, `${kept.join('\n')}\n`);
  console.log(`${out}: ${kept.length} of ${sorted.length} words`);
}
