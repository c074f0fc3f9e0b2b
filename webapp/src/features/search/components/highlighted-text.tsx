import type { ReactNode } from 'react';

/** Characters of context kept before the first match, so a match deep in a long message is still seen. */
const contextBefore = 60;
const maxLength = 240;

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A message's text as a search result: cut to a window around the first match and with every term marked
 * (<mark>, case-insensitive). Plain text only: the result list shows what was written, not its formatting.
 */
export function HighlightedText({ text, terms }: { text: string; terms: string[] }) {
  const words = terms.filter((t) => t.trim().length > 0);
  const pattern = words.length > 0 ? new RegExp(`(${words.map(escape).join('|')})`, 'gi') : null;
  let start = 0;
  if (pattern) {
    const first = text.search(pattern);
    if (first > contextBefore) start = first - contextBefore;
  }
  let shown = text.slice(start, start + maxLength);
  if (start > 0) shown = `…${shown}`;
  if (start + maxLength < text.length) shown = `${shown}…`;
  if (!pattern) return <>{shown}</>;
  const parts: ReactNode[] = shown.split(pattern).map((part, i) =>
    // split() with a capturing group puts the matches at the odd indices
    i % 2 === 1 ? <mark key={i}>{part}</mark> : part,
  );
  return <>{parts}</>;
}
