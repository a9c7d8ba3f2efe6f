import type { Reminder } from '../../shared/reminder';

/**
 * Which reminder a request means: "the second reminder", "reminder #3", "my last one",
 * "the reminder about milk", "the milk reminder"; resolved to its 1-based index against
 * the reminders the agent knows of.
 */

export type ReminderRef =
  | { type: 'position'; position: number | 'last' }
  | { type: 'query'; query: string }
  | { type: 'all' };

export interface Candidate {
  /** 1-based, as the tools count. */
  index: number;
  text: string;
}

export type Resolution =
  | { ok: true; index: number }
  | { ok: false; problem: 'no-reminders' | 'out-of-range' | 'no-match' | 'ambiguous' | 'all'; requested?: number; query?: string; candidates: Candidate[] };

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const CARDINALS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const LAST = ['last', 'final', 'latest', 'newest'];
const ORDINAL = `(${[...ORDINALS, ...LAST].join('|')}|\\d+(?:st|nd|rd|th))`;
const NUMBER = `(${[...ORDINALS, ...LAST, ...CARDINALS].join('|')}|\\d+(?:st|nd|rd|th)?)`;
const ARTICLE = '(?:the |my |that |this )?';
const NOUN = '(?:reminder|one|item|task|entry|thing|todo)';

const BY_ORDINAL = new RegExp(`^${ARTICLE}${ORDINAL}(?: ${NOUN})?(?: on (?:my |the )?list)?$`);
const BY_NUMBER = new RegExp(`^${ARTICLE}(?:(?:reminder|item|task|entry|number|no|#) ?)+${NUMBER}$`);
const BARE_NUMBER = /^#? ?(\d+)$/;
const ALL = /^(?:all|everything|all of them|them all|(?:all )?(?:of )?(?:my |the )?(?:reminders|tasks|items|todos))$/;
const ABOUT = new RegExp(
  `^${ARTICLE}(?:reminder|one|item|task|entry)s? (?:about|for|to|that says|saying|which says|with|containing|regarding|re|called|named|mentioning|on) (.+)$`,
);
const NAMED = new RegExp(`^(?:the |my |that )(.+?) ${NOUN}$`);

function position(word: string): number | 'last' {
  if (LAST.includes(word)) return 'last';
  const ordinal = ORDINALS.indexOf(word);
  if (ordinal >= 0) return ordinal + 1;
  const cardinal = CARDINALS.indexOf(word);
  if (cardinal >= 0) return cardinal + 1;
  return parseInt(word, 10);
}

/**
 * Reads a reference from normalised text (lower case, punctuation but '#' as spaces).
 * With `loose`, any other text is taken as words to look for ("delete buy milk").
 */
export function parseRef(text: string, loose = false): ReminderRef | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const m = BY_ORDINAL.exec(t) ?? BY_NUMBER.exec(t) ?? BARE_NUMBER.exec(t);
  if (m?.[1]) return { type: 'position', position: position(m[1]) };
  if (ALL.test(t)) return { type: 'all' };
  const q = ABOUT.exec(t) ?? NAMED.exec(t);
  if (q?.[1]) return { type: 'query', query: q[1] };
  if (loose) return { type: 'query', query: t.replace(/^(?:the|my|a|an) /, '') };
  return undefined;
}

const STOP_WORDS = new Set(['the', 'a', 'an', 'my', 'to', 'about', 'for', 'of', 'reminder', 'one', 'that', 'says', 'and', 'i']);
const words = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}' ]+/gu, ' ').split(/\s+/).filter(Boolean);

export function resolveRef(ref: ReminderRef, reminders: readonly Reminder[]): Resolution {
  const all = reminders.map((r, i) => ({ index: i + 1, text: r.text }));
  const count = all.length;
  if (ref.type === 'all') return { ok: false, problem: 'all', candidates: all };
  if (count === 0) return { ok: false, problem: 'no-reminders', candidates: [] };
  if (ref.type === 'position') {
    const index = ref.position === 'last' ? count : ref.position;
    if (Number.isInteger(index) && index >= 1 && index <= count) return { ok: true, index };
    return { ok: false, problem: 'out-of-range', requested: index, candidates: all };
  }
  const query = words(ref.query);
  const wanted = query.filter((w) => !STOP_WORDS.has(w));
  const needles = wanted.length > 0 ? wanted : query;
  const exact = all.filter((c) => words(c.text).join(' ') === query.join(' '));
  const matches = exact.length === 1 ? exact : all.filter((c) => needles.every((w) => c.text.toLowerCase().includes(w)));
  const [only, ...more] = matches;
  if (only && more.length === 0) return { ok: true, index: only.index };
  return { ok: false, problem: matches.length === 0 ? 'no-match' : 'ambiguous', query: ref.query, candidates: matches.length === 0 ? all : matches };
}
