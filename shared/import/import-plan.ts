import type { CaseKind } from '../domain/case';
import type { CaseFile } from '../domain/case-file';
import { caseNumberKey } from '../domain/case-numbers';
import type { EntryKind } from '../domain/entry';
import { NO_TEXTS, REPORT_LANGUAGES, type ReportLanguage, type TextsByLanguage } from '../domain/texts-by-language';
import { reportLinks, reportPlainText } from '../report/report-text';
import { foldedText, skeletonText } from '../search/normalize';
import { guessCaseKind, guessEntryKind } from './development-kind';
import type { PastSection } from './past-report';

/**
 * The review of an import of past reports: what each published development would become. Files
 * of one quarter in several languages are joined development by development (see `pairInMonth`);
 * a development already in the vault is not proposed again; one about a tracked case's people,
 * outlet, case number or link is proposed as that case's entry; the rest as quick developments.
 * Nothing here writes: `import-writes.ts` turns the confirmed review into one write.
 */
export type PastGroup = {
  /** Stable within one review: the row's key and its form fields' names. */
  readonly key: string;
  readonly year: number;
  readonly month: number;
  /** Its place in the published section (month, then paragraph): the order it is written in. */
  readonly place: number;
  readonly texts: TextsByLanguage;
  /** The addresses it links to, in any language. */
  readonly links: readonly string[];
  /** Link words written with no address, per language. */
  readonly missingLinks: ReadonlyArray<{ readonly language: ReportLanguage; readonly words: string }>;
  /** The day of its month its text names, or null. */
  readonly suggestedDay: number | null;
};

export type CaseCandidate = {
  readonly caseTag: string;
  readonly title: string;
  readonly score: number;
  /** What matched: names, outlets, case numbers, addresses, as they stand in the case. */
  readonly reasons: readonly string[];
};

export type ProposalAction =
  | { readonly kind: 'quick' }
  | { readonly kind: 'entry'; readonly caseTag: string }
  | { readonly kind: 'new-case' }
  /** Its texts in other languages added to a development already in the vault. */
  | { readonly kind: 'texts'; readonly caseTag: string; readonly entryId: string }
  | { readonly kind: 'skip' };

export type Proposal = {
  readonly group: PastGroup;
  readonly action: ProposalAction;
  /** Tracked cases it may belong to, best first. */
  readonly candidates: readonly CaseCandidate[];
  readonly entryKind: EntryKind;
  readonly caseKind: CaseKind;
};

export type ImportReview = {
  readonly proposals: readonly Proposal[];
  /** Published developments (one per file and paragraph) that are in the vault already, word for word. */
  readonly alreadyIn: number;
};

/** A file read, with the year its months are in (the file's own, or the one the monitor chose). */
export type DatedSection = { readonly section: PastSection; readonly year: number };

/** A development of the vault as the pairing sees it. */
type VaultSlot = {
  readonly caseTag: string;
  readonly entryId: string;
  readonly monthOnly: boolean;
  /** Its month, `YYYY-MM`. */
  readonly month: string;
  texts: TextsByLanguage;
  readonly links: readonly string[];
};

type Group = {
  key: string;
  year: number;
  month: number;
  place: number;
  texts: TextsByLanguage;
  links: string[];
  missingLinks: Array<{ language: ReportLanguage; words: string }>;
  suggestedDay: number | null;
  /** Set when it is a development of the vault that gains a language. */
  vault: VaultSlot | null;
  /** Whether this import gave it a text. */
  touched: boolean;
};

/** A paragraph as compared for "already in the vault": its words, folded, spaces collapsed. */
export function textKey(text: string): string {
  return foldedText(reportPlainText(text)).replace(/\s+/g, ' ').trim();
}

export function proposeImport(
  sections: readonly DatedSection[],
  cases: readonly CaseFile[],
  /** Each quarter's stored order of developments (`YYYY-Qn` → entry ids): how the vault's are arranged. */
  orders: Readonly<Record<string, readonly string[]>> = {},
): ImportReview {
  const known = new Map<string, VaultSlot>();
  const byText = new Map<string, Group>();
  const groups: Group[] = [];
  for (const view of cases) {
    for (const entry of view.entries) {
      const slot: VaultSlot = {
        caseTag: view.caseTag,
        entryId: entry.id,
        monthOnly: entry.record.datePrecision === 'month',
        month: entry.record.date.slice(0, 7),
        texts: entry.record.reportTexts,
        links: REPORT_LANGUAGES.flatMap((l) => reportLinks(entry.record.reportTexts[l])),
      };
      known.set(entry.id, slot);
    }
  }
  const vaultGroups = new Map<string, Group>();
  const vaultGroup = (slot: VaultSlot, year: number, month: number): Group => {
    let group = vaultGroups.get(slot.entryId);
    if (group === undefined) {
      group = {
        key: `entry:${slot.entryId}`,
        year,
        month,
        place: Number.MAX_SAFE_INTEGER,
        texts: slot.texts,
        links: [...slot.links],
        missingLinks: [],
        suggestedDay: null,
        vault: slot,
        touched: false,
      };
      vaultGroups.set(slot.entryId, group);
    }
    return group;
  };
  // Texts already in the vault, per language: a published paragraph found there is not proposed.
  const inVault = new Map<string, VaultSlot>();
  for (const slot of known.values())
    for (const language of REPORT_LANGUAGES)
      if (slot.texts[language].trim() !== '') inVault.set(`${language}\n${textKey(slot.texts[language])}`, slot);

  let alreadyIn = 0;
  let place = 0;
  for (const { section, year } of sections) {
    const language = section.language;
    for (const month of [...new Set(section.developments.map((d) => d.month))]) {
      const incoming = section.developments.filter((d) => d.month === month);
      const fresh = incoming.filter((d) => {
        const key = `${language}\n${textKey(d.text)}`;
        if (inVault.has(key) || byText.has(key)) {
          alreadyIn += 1;
          return false;
        }
        return true;
      });
      const monthKey = `${year}-${String(month).padStart(2, '0')}`;
      // Developments of this month a text in this language could join: this import's, and the
      // vault's in this month (in the quarter's order) without one.
      const order = orders[quarterKey(year, month)] ?? [];
      const rank = new Map(order.map((id, i) => [id, i]));
      const vaultSlots = [...known.values()]
        .filter((slot) => slot.texts[language].trim() === '' && slot.month === monthKey)
        .sort((a, b) => (rank.get(a.entryId) ?? Infinity) - (rank.get(b.entryId) ?? Infinity));
      const open: Group[] = [
        ...groups.filter((g) => g.year === year && g.month === month && g.vault === null && g.texts[language] === ''),
        ...vaultSlots.map((slot) => vaultGroup(slot, year, month)),
      ];
      const paired = pairInMonth(
        fresh.map((d) => d.links),
        open.map((g) => ({ links: g.links, byOrder: g.vault === null || g.vault.monthOnly })),
      );
      fresh.forEach((development, i) => {
        const target = paired.get(i);
        const group: Group =
          target === undefined
            ? {
                key: `new:${groups.length + 1}`,
                year,
                month,
                place: (place += 1),
                texts: NO_TEXTS,
                links: [],
                missingLinks: [],
                suggestedDay: null,
                vault: null,
                touched: true,
              }
            : open[target]!;
        if (target === undefined) groups.push(group);
        group.texts = { ...group.texts, [language]: development.text };
        group.links = [...new Set([...group.links, ...development.links])];
        group.missingLinks.push(...development.missingLinks.map((words) => ({ language, words })));
        group.suggestedDay ??= development.suggestedDay;
        group.touched = true;
        byText.set(`${language}\n${textKey(development.text)}`, group);
      });
    }
  }
  const tracked = cases.filter((view) => view.record.quick !== true).map(caseKeysOf);
  const proposals: Proposal[] = [
    ...groups.map((group) => proposalFor(group, tracked)),
    ...[...vaultGroups.values()]
      .filter((group) => group.touched)
      .map((group) => ({
        group: publicGroup(group),
        action: { kind: 'texts', caseTag: group.vault!.caseTag, entryId: group.vault!.entryId } as const,
        candidates: [],
        entryKind: 'other' as const,
        caseKind: 'other' as const,
      })),
  ];
  return { proposals, alreadyIn };
}

function quarterKey(year: number, month: number): string {
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

function publicGroup(group: Group): PastGroup {
  const { vault: _vault, touched: _touched, ...rest } = group;
  return rest;
}

/**
 * Pairs one file's developments of a month with developments of the same month that lack its
 * language: first by a link address they share (one each way), then, of those left, in order —
 * only when as many are left on both sides (the same section in another language lists the same
 * developments in the same order) and only with developments that may be paired by order (an
 * entry of a tracked case is joined by a shared link only).
 */
export function pairInMonth(
  incoming: ReadonlyArray<readonly string[]>,
  open: ReadonlyArray<{ readonly links: readonly string[]; readonly byOrder: boolean }>,
): Map<number, number> {
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  incoming.forEach((links, i) => {
    const sharing = open.flatMap((slot, j) => (!taken.has(j) && slot.links.some((l) => links.includes(l)) ? [j] : []));
    if (sharing.length === 1) {
      pairs.set(i, sharing[0]!);
      taken.add(sharing[0]!);
    }
  });
  const leftIn = incoming.map((_, i) => i).filter((i) => !pairs.has(i));
  const leftOpen = open.map((_, j) => j).filter((j) => !taken.has(j) && open[j]!.byOrder);
  if (leftIn.length === leftOpen.length) leftIn.forEach((i, k) => pairs.set(i, leftOpen[k]!));
  return pairs;
}

/** What a group would become: an entry of the tracked case it best matches, else a quick development. */
function proposalFor(group: Group, tracked: readonly CaseKeys[]): Proposal {
  const text = REPORT_LANGUAGES.map((l) => reportPlainText(group.texts[l])).join('\n');
  const words = beginningsOf(wordsOf(text));
  const compact = caseNumberKey(text);
  const candidates = tracked
    .map((keys) => candidateOf(keys, words, compact, group.links))
    .filter((c): c is CaseCandidate => c !== null && c.score >= MATCH_SCORE)
    .sort((a, b) => b.score - a.score || (a.title < b.title ? -1 : 1));
  const best = candidates[0];
  return {
    group: publicGroup(group),
    action: best === undefined ? { kind: 'quick' } : { kind: 'entry', caseTag: best.caseTag },
    candidates,
    entryKind: guessEntryKind(text),
    caseKind: best === undefined ? guessCaseKind(text) : tracked.find((c) => c.caseTag === best.caseTag)!.kind,
  };
}

/** The score from which a case is proposed: a person's full name, a case number or a link is enough alone. */
const MATCH_SCORE = 5;

/** What a tracked case is recognised by, worked out once per review. */
type CaseKeys = {
  readonly caseTag: string;
  readonly title: string;
  readonly kind: CaseKind;
  readonly links: ReadonlySet<string>;
  readonly numbers: ReadonlyArray<{ readonly number: string; readonly key: string }>;
  /** People (not outlets): their name as written, and its words' stems as the search spells them (see `stemOf`). */
  readonly people: ReadonlyArray<{ readonly name: string; readonly words: readonly string[] }>;
  readonly outlets: ReadonlyArray<{ readonly name: string; readonly words: readonly string[] }>;
};

function caseKeysOf(view: CaseFile): CaseKeys {
  const outlets = new Set<string>();
  for (const target of view.record.targets) {
    if (target.role === 'outlet') outlets.add(target.name);
    if (target.outlet.trim() !== '') outlets.add(target.outlet);
  }
  return {
    caseTag: view.caseTag,
    title: view.record.title,
    kind: view.record.kind,
    links: new Set([
      ...view.entries.flatMap((e) => [
        ...REPORT_LANGUAGES.flatMap((l) => reportLinks(e.record.reportTexts[l])),
        ...e.record.sources,
      ]),
      ...(view.record.publication.url ? [view.record.publication.url] : []),
    ]),
    numbers: view.record.caseNumbers
      .map((number) => ({ number, key: caseNumberKey(number) }))
      .filter((n) => n.key.length >= 4),
    people: view.record.targets
      .filter((t) => t.role !== 'outlet')
      .map((t) => ({ name: t.name, words: nameWords(t.name).map(stemOf) }))
      .filter((p) => p.words.length >= 2),
    outlets: [...outlets]
      .map((name) => ({ name, words: nameWords(name.replace(/[«»“”"„]/g, ' ')).map(stemOf) }))
      .filter((o) => o.words.length > 0),
  };
}

function candidateOf(
  keys: CaseKeys,
  words: ReadonlySet<string>,
  compact: string,
  links: readonly string[],
): CaseCandidate | null {
  const reasons: string[] = [];
  let score = 0;
  for (const link of links)
    if (keys.links.has(link)) {
      score += 10;
      reasons.push(link);
    }
  for (const { number, key } of keys.numbers)
    if (compact.includes(key)) {
      score += 8;
      reasons.push(number);
    }
  for (const person of keys.people) {
    if (person.words.every((w) => words.has(w))) {
      score += 5;
      reasons.push(person.name);
    } else if (words.has(person.words[person.words.length - 1]!)) {
      score += 3;
      reasons.push(person.name);
    }
  }
  for (const outlet of keys.outlets)
    if (outlet.words.every((w) => words.has(w))) {
      score += 2;
      reasons.push(outlet.name);
    }
  return score === 0 ? null : { caseTag: keys.caseTag, title: keys.title, score, reasons: [...new Set(reasons)] };
}

function wordsOf(text: string): string[] {
  return skeletonText(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** A name's words as the search spells them, each long enough to mean something. */
function nameWords(name: string): string[] {
  return wordsOf(name).filter((w) => w.length >= 3);
}

/**
 * Every beginning of every word of a text, three letters and longer: a name's stems (see `stemOf`)
 * are looked up in it, one lookup each, so matching a report against every case of a large vault
 * stays quick (`npm run bench`).
 */
function beginningsOf(words: readonly string[]): Set<string> {
  const beginnings = new Set<string>();
  for (const word of words) for (let end = 3; end <= word.length; end += 1) beginnings.add(word.slice(0, end));
  return beginnings;
}

/**
 * A word of a name as it is looked for, whatever its ending: Russian and Kazakh decline names
 * ("Вадим" → "Вадима", "Воронко" → "Воронкоға"), so a word matches any word of the text that
 * begins with it less its last letter (its last two, from six letters up).
 */
function stemOf(word: string): string {
  return word.length >= 6 ? word.slice(0, -2) : word.length >= 4 ? word.slice(0, -1) : word;
}
