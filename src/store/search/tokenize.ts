/**
 * Word tokens as SQLite's FTS5 `unicode61 remove_diacritics 2` tokenizer makes them:
 * runs of letters and digits, lower-cased, accents removed. The IndexedDB and memory
 * back ends index with this, so every back end finds the same messages.
 */

const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const MARKS = /\p{M}+/gu;

/** One word folded for comparison: "Müller" → "muller". */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').toLowerCase();
}

export interface Token {
  /** The folded word. */
  term: string;
  /** Where the word is in the original text. */
  start: number;
  end: number;
}

export function tokenSpans(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = foldWord(match[0]);
    if (term !== '') tokens.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** The distinct folded terms of a text. */
export function tokenize(text: string): string[] {
  return [...new Set(tokenSpans(text).map((t) => t.term))];
}

/** Whether a folded word matches any query term (each a word prefix). */
export function matchesAny(term: string, queryTerms: readonly string[]): boolean {
  return queryTerms.some((q) => term.startsWith(q));
}
