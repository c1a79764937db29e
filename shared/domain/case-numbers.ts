import type { CaseHead } from './case-head';

/** A case number as compared: without spaces, dashes' variants or letter case ("2-1234/26" = "2 – 1234/26"). */
export function caseNumberKey(number: string): string {
  return number.replace(/[\s\u2010-\u2015-]+/g, '').toLocaleLowerCase();
}

/**
 * The other cases that already carry one of these case numbers, each with the number they share:
 * a second case for one proceeding is worth a warning before it is saved.
 */
export function casesWithNumbers(
  numbers: readonly string[],
  heads: readonly CaseHead[],
  except: string | null,
): Array<{ readonly number: string; readonly caseTag: string; readonly title: string }> {
  const wanted = new Map(numbers.filter((n) => n.trim() !== '').map((n) => [caseNumberKey(n), n.trim()]));
  const found: Array<{ number: string; caseTag: string; title: string }> = [];
  for (const head of heads) {
    if (head.caseTag === except) continue;
    for (const number of head.record.caseNumbers) {
      const mine = wanted.get(caseNumberKey(number));
      if (mine !== undefined) found.push({ number: mine, caseTag: head.caseTag, title: head.record.title });
    }
  }
  return found;
}
