import { InvalidArgumentError } from '../errors';
import { tokenize } from './tokenize';

export const DEFAULT_SEARCH_LIMIT = 50;
export const MAX_SEARCH_LIMIT = 500;
/** More words than this are almost always a pasted paragraph; the first ones are plenty. */
const MAX_TERMS = 16;

/** The folded terms of what the user typed (empty when it has no words). */
export function searchTerms(query: string): string[] {
  if (typeof query !== 'string') throw new InvalidArgumentError('The search query must be text.');
  return tokenize(query).slice(0, MAX_TERMS);
}

export function searchLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_SEARCH_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidArgumentError(`The search limit must be a whole number ≥ 1, got ${String(limit)}.`);
  return Math.min(limit, MAX_SEARCH_LIMIT);
}

/** The terms as an FTS5 query: each a quoted prefix, all required. Quoting makes any input safe. */
export function toFtsQuery(terms: readonly string[]): string {
  return terms.map((t) => `"${t.replaceAll('"', '""')}"*`).join(' ');
}
