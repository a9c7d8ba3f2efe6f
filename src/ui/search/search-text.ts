import type { SnippetPart } from '../../protocol/protocol';

/** Who wrote a message, as the log names them. */
export function authorLabel(author: string): string {
  return author === 'user' ? 'You' : 'Hearth';
}

/** The snippet as plain text (a tooltip); the list itself marks the matches with <mark>. */
export function snippetText(parts: readonly SnippetPart[]): string {
  return parts.map((p) => p.text).join('');
}

/** For the status line under the search box. */
export function resultCount(found: number, limit: number): string {
  if (found === 0) return 'No messages match';
  if (found >= limit) return `The newest ${limit} matching messages; narrow the search to see older ones.`;
  return `${found} matching message${found === 1 ? '' : 's'}`;
}
