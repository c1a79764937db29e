/** A case's or an entry's sources: a web or mail address as a link, anything else as text. */
export function SourceList({ sources }: { readonly sources: readonly string[] }) {
  return (
    <ul className="plain-list">
      {sources.map((source, index) => (
        <li key={index}>
          {/^(https?|mailto):/i.test(source) ? (
            <a href={source} target="_blank" rel="noopener noreferrer">
              {source}
            </a>
          ) : (
            source
          )}
        </li>
      ))}
    </ul>
  );
}
