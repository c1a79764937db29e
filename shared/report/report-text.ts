import { toSafeExternalUrl } from '../security/external-url';

/**
 * The report-text mini-format of a timeline entry: one paragraph with inline `[words](url)`
 * links, `**bold**` and `*italic*`; a backslash makes the next character literal. Parsed into
 * flat runs that the live preview and the DOCX export both render, so they cannot disagree.
 *
 * Only http, https and mailto links become links; any other target stays plain text and is
 * reported in `warnings`, so the preview can say so before the export does.
 */
export type ReportRun = {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  /** A checked link target, or null for plain text. */
  readonly href: string | null;
};

export type ReportTextWarning = { readonly kind: 'unsafe-link'; readonly target: string; readonly text: string };

export type ParsedReportText = { readonly runs: readonly ReportRun[]; readonly warnings: readonly ReportTextWarning[] };

type Style = { bold: boolean; italic: boolean; href: string | null };

export function parseReportText(source: string): ParsedReportText {
  const runs: ReportRun[] = [];
  const warnings: ReportTextWarning[] = [];
  parseInto(source, { bold: false, italic: false, href: null }, runs, warnings);
  return { runs: mergeRuns(runs), warnings };
}

/** The text of a report paragraph without any markup (for search and previews of one line). */
export function reportPlainText(source: string): string {
  return parseReportText(source)
    .runs.map((run) => run.text)
    .join('');
}

/**
 * Runs written back as report text: what `parseReportText` reads as the same runs. Used to keep
 * paragraphs read from a Word document (see `import/docx-paragraphs.ts`). Spaces at the edges of
 * a bold or italic run go outside its markers (a marker must touch its text); text both bold and
 * italic keeps its bold only, as the mini-format has no marker for both at once; a link whose
 * address is '#' is written as such (a placeholder: no address known).
 */
export function reportTextOf(runs: readonly ReportRun[]): string {
  const flat = mergeRuns(
    runs.filter((run) => run.text !== '').map((run) => (run.bold && run.italic ? { ...run, italic: false } : run)),
  );
  let out = '';
  for (let i = 0; i < flat.length;) {
    let j = i;
    while (j < flat.length && flat[j]!.href === flat[i]!.href) j += 1;
    const inner = flat.slice(i, j).map(styledText).join('');
    const href = flat[i]!.href;
    out += href === null || inner.trim() === '' ? inner : `[${inner}](${linkTargetText(href)})`;
    i = j;
  }
  return out;
}

function styledText(run: ReportRun): string {
  const text = run.text.replace(/[\\*[\]]/g, '\\$&');
  const marker = run.bold ? '**' : run.italic ? '*' : '';
  const core = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return marker === '' || core[2] === '' ? text : `${core[1]}${marker}${core[2]}${marker}${core[3]}`;
}

/** A link's address as `matchLink` reads it back: no spaces, parentheses balanced. */
function linkTargetText(href: string): string {
  const spaced = href.replace(/\s/g, (c) => encodeURIComponent(c));
  let depth = 0;
  for (const char of spaced) {
    depth += char === '(' ? 1 : char === ')' ? -1 : 0;
    if (depth < 0) break;
  }
  return depth === 0 ? spaced : spaced.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** The checked addresses a report paragraph links to, each once, in order. */
export function reportLinks(source: string): string[] {
  return [...new Set(parseReportText(source).runs.flatMap((run) => (run.href === null ? [] : [run.href])))];
}

/** The characters that can start markup; everything between them is copied as one slice. */
const MARKUP = /[\\[*]/g;

function parseInto(source: string, outer: Style, runs: ReportRun[], warnings: ReportTextWarning[]): void {
  const style: Style = { ...outer };
  let buffer = '';
  const flush = () => {
    if (buffer !== '') runs.push({ text: buffer, ...style });
    buffer = '';
  };
  let i = 0;
  while (i < source.length) {
    MARKUP.lastIndex = i;
    const next = MARKUP.exec(source)?.index ?? source.length;
    buffer += source.slice(i, next);
    i = next;
    if (i >= source.length) break;
    const char = source[i]!;
    if (char === '\\' && i + 1 < source.length && ESCAPABLE.includes(source[i + 1]!)) {
      buffer += source[i + 1];
      i += 2;
      continue;
    }
    if (char === '[' && style.href === null) {
      const link = matchLink(source, i);
      if (link !== null) {
        flush();
        const safe = toSafeExternalUrl(link.target);
        if (safe === null) warnings.push({ kind: 'unsafe-link', target: link.target, text: link.text });
        parseInto(link.text, { ...style, href: safe }, runs, warnings);
        i = link.end;
        continue;
      }
    }
    if (
      source.startsWith('**', i) &&
      (style.bold ? closes(source, i) : opens(source, i, 2) && hasCloser(source, i + 2, 2))
    ) {
      flush();
      style.bold = !style.bold;
      i += 2;
      continue;
    }
    if (char === '*' && (style.italic ? closes(source, i) : opens(source, i, 1) && hasCloser(source, i + 1, 1))) {
      flush();
      style.italic = !style.italic;
      i += 1;
      continue;
    }
    buffer += char;
    i += 1;
  }
  flush();
}

/** What a backslash makes literal. */
const ESCAPABLE = '\\*[]()';

/** `[text](target)` starting at `start`, with balanced parentheses inside the target. */
function matchLink(source: string, start: number): { text: string; target: string; end: number } | null {
  let depth = 0;
  let close = -1;
  for (let i = start + 1; i < source.length; i += 1) {
    const char = source[i];
    if (char === '\\') {
      i += 1;
    } else if (char === '[') {
      depth += 1;
    } else if (char === ']') {
      if (depth === 0) {
        close = i;
        break;
      }
      depth -= 1;
    }
  }
  if (close < 0 || source[close + 1] !== '(') return null;
  let parens = 0;
  for (let i = close + 2; i < source.length; i += 1) {
    const char = source[i];
    if (char === '(') parens += 1;
    else if (char === ')') {
      if (parens === 0) {
        const target = source.slice(close + 2, i).trim();
        const text = source.slice(start + 1, close);
        if (target === '' || text === '' || /\s/.test(target)) return null;
        return { text, target, end: i + 1 };
      }
      parens -= 1;
    }
  }
  return null;
}

/** An opening marker is followed by a non-space (CommonMark's left-flanking rule, simplified). */
function opens(source: string, at: number, width: number): boolean {
  const next = source[at + width];
  return next !== undefined && !/\s/.test(next) && next !== '*';
}

/** A closing marker follows a non-space. */
function closes(source: string, at: number): boolean {
  const previous = source[at - 1];
  return previous !== undefined && !/\s/.test(previous);
}

/**
 * Whether a closing marker of `width` stars follows, so an opener is not left dangling. From the
 * first character after the opener (never a star: see `opens`), so that an escape there (`*\**`)
 * is read as one.
 */
function hasCloser(source: string, from: number, width: number): boolean {
  for (let i = from; i < source.length; i += 1) {
    if (source[i] === '\\') {
      i += 1;
      continue;
    }
    if (source[i] !== '*') continue;
    let run = 1;
    while (source[i + run] === '*') run += 1;
    // A single star closes italics; so does the first of three (the other two open bold: `*a***b**`).
    if ((width === 2 ? run >= 2 : run === 1 || run === 3) && closes(source, i)) return true;
    i += run - 1;
  }
  return false;
}

function mergeRuns(runs: ReportRun[]): ReportRun[] {
  const merged: ReportRun[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && last.bold === run.bold && last.italic === run.italic && last.href === run.href) {
      merged[merged.length - 1] = { ...last, text: last.text + run.text };
    } else {
      merged.push(run);
    }
  }
  return merged;
}
