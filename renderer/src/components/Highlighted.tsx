import { matchRanges, type QueryToken } from '../../../shared/search/normalize';

/** Text with the places that match the search marked; the text is always rendered as text. */
export function Highlighted({ text, tokens }: { readonly text: string; readonly tokens: readonly QueryToken[] }) {
  const ranges = matchRanges(text, tokens);
  if (ranges.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], index) => {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={index}>{text.slice(start, end)}</mark>);
    at = end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
