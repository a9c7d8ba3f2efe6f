import type { SnippetPart } from '../types';
import { matchesAny, tokenSpans } from './tokenize';

/** Words of context SQLite's snippet() is asked for, so every back end cuts alike. */
export const SNIPPET_TOKENS = 16;
export const ELLIPSIS = '…';
/** Markers SQLite's snippet() puts around a match; control characters never typed in a message. */
export const MATCH_OPEN = '\u0002';
export const MATCH_CLOSE = '\u0003';

/** A snippet of `text` around its first word matching `terms`, computed in JavaScript. */
export function snippetOf(text: string, terms: readonly string[]): SnippetPart[] {
  const tokens = tokenSpans(text);
  const first = tokens.findIndex((t) => matchesAny(t.term, terms));
  if (first === -1) return [{ text: clip(text), match: false }];
  const startToken = Math.max(0, Math.min(first - 3, tokens.length - SNIPPET_TOKENS));
  const window = tokens.slice(startToken, startToken + SNIPPET_TOKENS);
  const parts: SnippetPart[] = [];
  const push = (value: string, match: boolean): void => {
    if (value === '') return;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += value;
    else parts.push({ text: value, match });
  };
  const from = startToken === 0 ? 0 : (window[0]?.start ?? 0);
  const lastToken = window[window.length - 1];
  const to = startToken + SNIPPET_TOKENS >= tokens.length ? text.length : (lastToken?.end ?? text.length);
  if (from > 0) push(ELLIPSIS, false);
  let cursor = from;
  for (const token of window) {
    push(text.slice(cursor, token.start), false);
    push(text.slice(token.start, token.end), matchesAny(token.term, terms));
    cursor = token.end;
  }
  push(text.slice(cursor, to), false);
  if (to < text.length) push(ELLIPSIS, false);
  return parts;
}

/** Turns SQLite's marked snippet() text into parts. */
export function parseMarkedSnippet(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let run = '';
  for (const char of marked) {
    if (char === MATCH_OPEN || char === MATCH_CLOSE) {
      if (run !== '') parts.push({ text: run, match });
      run = '';
      match = char === MATCH_OPEN;
    } else {
      run += char;
    }
  }
  if (run !== '') parts.push({ text: run, match });
  return parts;
}

const clip = (text: string): string => (text.length > 160 ? `${text.slice(0, 160)}${ELLIPSIS}` : text);
