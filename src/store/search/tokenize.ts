/**
 * Word tokens as SQLite's FTS5 tokenizer makes them (`unicode61 remove_diacritics 2`
 * with categories L*, N*, Co and M*, see sqlite/schema.ts): runs of letters, digits and
 * marks, lower-cased, with Latin accents removed. The IndexedDB and memory back ends
 * index with this, so every back end finds the same messages.
 */

const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
/** The combining-diacritics blocks remove_diacritics drops; marks that spell a letter (e.g. Devanagari vowels) stay. */
const DIACRITIC_BLOCKS: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];
const isDiacritic = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return DIACRITIC_BLOCKS.some(([low, high]) => code >= low && code <= high);
};

/** One word folded for comparison: "Müller" → "muller". */
export function foldWord(word: string): string {
  let folded = '';
  for (const char of word.normalize('NFD')) if (!isDiacritic(char)) folded += char;
  return folded.normalize('NFC').toLowerCase();
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
