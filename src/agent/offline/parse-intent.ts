import type { ModelContext } from '../model-client';
import { extractDue, toLocalIso } from './parse-time';
import { parseRef, resolveRef, type Candidate } from './reference';

/**
 * What a plain-English message asks of the offline assistant. Pure: the text, what the
 * agent knows (to turn "the last reminder" or "the one about milk" into an index) and the
 * time (for "tomorrow at 9") in, an intent out.
 */

export type { Candidate } from './reference';

export type Intent =
  | { kind: 'add'; text: string; /** ISO 8601, local time with offset. */ due?: string }
  | { kind: 'view' }
  | { kind: 'update'; /** 1-based. */ index: number; text: string }
  | { kind: 'delete'; /** 1-based. */ index: number }
  | { kind: 'set-name'; name: string }
  | { kind: 'ask-name' }
  | { kind: 'greet' }
  | { kind: 'thanks' }
  | { kind: 'help' }
  | { kind: 'unknown' }
  /** A reminder request that cannot go to a tool as it is: ask the user instead. */
  | { kind: 'unclear'; action: 'add' | 'update' | 'delete'; problem: Problem; count: number; requested?: number; query?: string; candidates: Candidate[] };

export type Problem = 'missing-text' | 'no-reminders' | 'out-of-range' | 'no-match' | 'ambiguous' | 'all';

/** Lower case, curly quotes straightened, punctuation (but ' and #) as spaces. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[^\p{L}\p{N}#' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const GREETING = /^(?:hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day))(?: there)?(?: hearth)?$/;
const THANKS = /^(?:thanks|thank you|thx|ty|cheers)(?: (?:so|very) much)?(?: hearth)?$/;
const HELP = /^(?:help|what can you do|what can i (?:say|ask|do)|what do you do|how does this work|how do i use (?:this|you)|who are you|what are you|commands)$/;
const ASK_NAME = [
  /^(?:what's|whats|what is|what was) my name(?: again)?$/,
  /^(?:do|did) you (?:know|remember) (?:my name|who i am)$/,
  /^who am i$/,
  /^what do you call me$/,
  /^(?:tell me|say) my name$/,
];
const VIEW = [
  /^(?:show|list|view|see|display|read|get|check|give|tell|open|print|recap)\b.*\b(?:reminders?|to ?do list|todos?|tasks|list)(?: list)?(?: again)?$/,
  /^(?:my |all |all my )?(?:reminders|list)$/,
  /^(?:what|which)(?:'s| is| are| r)? (?:are )?(?:my|the|all my|all the) (?:current )?(?:reminders?|tasks|todos?)\b/,
  /^what reminders\b/,
  /^what (?:do|did|should) i (?:need|have|ask you) to (?:do|remember|remind me)/,
  /^what(?:'s| is) (?:on|in) (?:my|the) (?:list|agenda|plate|reminders|to ?do list|schedule)/,
  /^(?:do|have) i (?:have|got) any (?:reminders|tasks|things to do)/,
  /^(?:any|how many) reminders\b/,
  /^remind me (?:of )?what\b/,
];

const LEADING =
  /^(?:hey|hi|hello|hiya|ok|okay|oh|so|um+|uh+|yo|please|pls|plz|kindly|hearth|(?:can|could|would|will) you(?: please)?|would you mind|i (?:want|need|would like) you to|i['’]d like you to|i (?:want|would like) to|i['’]d like to)\b[\s,!.:;-]*/i;
const TRAILING = /(?:[\s,]*\b(?:please|pls|plz|thanks|thank you|thx|for me|hearth))?[\s.!?]*$/i;

/** Takes "hey", "can you", "please", "thanks" and end punctuation off a message. */
export function stripPoliteness(text: string): string {
  let t = text.trim();
  for (;;) {
    const next = t.replace(LEADING, '').replace(TRAILING, '').trim();
    if (next === t) return t;
    t = next;
  }
}

export function parseIntent(text: string, context: ModelContext, now: Date): Intent {
  const whole = normalise(text);
  if (GREETING.test(whole)) return { kind: 'greet' };
  if (THANKS.test(whole)) return { kind: 'thanks' };
  const cleaned = stripPoliteness(text);
  const n = normalise(cleaned);
  if (!n) return { kind: 'unknown' };
  if (HELP.test(n)) return { kind: 'help' };
  if (ASK_NAME.some((re) => re.test(n))) return { kind: 'ask-name' };
  const name = parseName(cleaned);
  if (name) return { kind: 'set-name', name };
  if (VIEW.some((re) => re.test(n))) return { kind: 'view' };
  return parseDelete(cleaned, context) ?? parseUpdate(cleaned, context) ?? parseAdd(cleaned, context, now) ?? { kind: 'unknown' };
}

const NAME_TRIGGER =
  /^(?:my name is|my name['’]s|name['’]s|i am called|i['’]m called|(?:you can |please )?call me|(?:change|set|update) my name to|my name should be|i go by)\s+(.+)$/i;
const I_AM = /^(?:i['’]m|i am|im)\s+(.+)$/i;
const NAME_WORD = /^\p{L}[\p{L}'’.-]*$/u;
const CAPITALISED = /^\p{Lu}/u;
const NOT_NAMES = new Set(['back', 'later', 'tomorrow', 'tonight', 'today', 'now', 'soon', 'when', 'if', 'at', 'in', 'on', 'again', 'asap', 'maybe', 'please']);

function parseName(cleaned: string): string | undefined {
  const trigger = NAME_TRIGGER.exec(cleaned);
  const loose = I_AM.exec(cleaned);
  const candidate = (trigger?.[1] ?? loose?.[1])?.replace(/^["'“‘]+|["'”’.!?,]+$/g, '').trim();
  if (!candidate) return undefined;
  const parts = candidate.split(/\s+/);
  if (!parts.every((w) => NAME_WORD.test(w)) || parts.some((w) => NOT_NAMES.has(w.toLowerCase()))) return undefined;
  // "I'm Bob" is a name; "I'm tired" is not.
  if (!trigger && (parts.length > 3 || !parts.every((w) => CAPITALISED.test(w)))) return undefined;
  return parts.length <= 5 ? parts.join(' ') : undefined;
}

type Unresolved = { problem: Problem; candidates: Candidate[]; requested?: number; query?: string };

function unclear(action: 'add' | 'update' | 'delete', r: Unresolved, context: ModelContext): Intent {
  const { problem, candidates, requested, query } = r;
  return {
    kind: 'unclear',
    action,
    problem,
    count: context.reminders.length,
    candidates,
    ...(requested === undefined ? {} : { requested }),
    ...(query === undefined ? {} : { query }),
  };
}

const DELETE =
  /^(?:delete|remove|cancel|clear|erase|drop|scrap|discard|dismiss|get rid of|forget about|cross off|cross out|tick off|strike)\b(.*)$/i;
const FROM_LIST = / (?:from|off|in|on) (?:my |the )?(?:reminders?|reminder list|list|to ?do list|todos?)$/;

function parseDelete(cleaned: string, context: ModelContext): Intent | undefined {
  const m = DELETE.exec(cleaned);
  if (!m) return undefined;
  const rest = normalise(m[1] ?? '').replace(FROM_LIST, '');
  const all = context.reminders.map((r, i) => ({ index: i + 1, text: r.text }));
  const ref = parseRef(rest, true);
  if (!ref) return unclear('delete', { problem: 'missing-text', candidates: all }, context);
  const r = resolveRef(ref, context.reminders);
  return r.ok ? { kind: 'delete', index: r.index } : unclear('delete', r, context);
}

const UPDATE = /^(update|change|edit|modify|replace|rewrite|amend|rename|alter|correct|fix|set)\s+(.+)$/i;
const CONNECTOR = /\s+(?:to say|to read|so (?:that )?it (?:says|reads)|to|with|as|into)(?:\s*:)?\s+|\s*:\s*|\s*(?:->|=>|=|—|–)\s*|\s+-\s+/gi;

function parseUpdate(cleaned: string, context: ModelContext): Intent | undefined {
  const m = UPDATE.exec(cleaned);
  const rest = m?.[2];
  if (!rest) return undefined;
  // "set reminder 2 to …" updates; "set reminder for 5pm to …" adds.
  const positionsOnly = m[1]?.toLowerCase() === 'set';
  let found: { index: number; text: string; queryLength: number } | undefined;
  let failed: Intent | undefined;
  for (const split of rest.matchAll(CONNECTOR)) {
    const left = normalise(rest.slice(0, split.index));
    const ref = parseRef(left);
    const updated = cleanText(rest.slice(split.index + split[0].length));
    if (!ref || !updated || (positionsOnly && ref.type !== 'position')) continue;
    const r = resolveRef(ref, context.reminders);
    // A position cannot hold a connector: the first split that names one is the answer.
    if (ref.type !== 'query') return r.ok ? { kind: 'update', index: r.index, text: updated } : unclear('update', r, context);
    // "the reminder about going to the gym to go swimming": the longest query that fits.
    if (r.ok && (!found || left.length > found.queryLength)) found = { index: r.index, text: updated, queryLength: left.length };
    if (!r.ok) failed ??= unclear('update', r, context);
  }
  if (found) return { kind: 'update', index: found.index, text: found.text };
  if (failed) return failed;
  const ref = parseRef(normalise(rest));
  if (ref?.type !== 'position') return undefined;
  const r = resolveRef(ref, context.reminders);
  // "change reminder 2" without the new text.
  return r.ok ? unclear('update', { problem: 'missing-text', candidates: [], requested: r.index }, context) : unclear('update', r, context);
}

const ADD_TRIGGERS = [
  /^remind(?:ing)?\s+me\b/i,
  /^(?:add|create|make|set(?:\s+up)?|put|save|schedule)\s+(?:me\s+)?(?:a\s+|an\s+|one\s+)?(?:new\s+)?reminder\b/i,
  /^new\s+reminder\b/i,
  /^(?:reminder|todo|to-do|to do)\s*:/i,
  /^(?:don['’]?t|do\s+not)\s+(?:let\s+me\s+)?forget\b/i,
  /^remember\s+(?=to\b)/i,
];
const ADD_TO_LIST = /^(?:add|put)\s+(.+?)\s+(?:to|on|onto)\s+(?:my\s+|the\s+)?(?:reminders?|reminder\s+list|list|to-?do\s+list|todo\s+list|to-?dos?)$/i;
const ADD_ANYTHING = /^add\s+/i;

function parseAdd(cleaned: string, context: ModelContext, now: Date): Intent | undefined {
  const listed = ADD_TO_LIST.exec(cleaned);
  let body = listed?.[1];
  if (body === undefined) {
    const trigger = [...ADD_TRIGGERS, ADD_ANYTHING].map((re) => re.exec(cleaned)).find((m) => m !== null);
    if (!trigger) return undefined;
    body = cleaned.slice(trigger[0].length);
  }
  const { text, due } = extractDue(body, now);
  const reminder = cleanText(text.replace(/^[\s,:;-]*(?:(?:to|that|about|of|for)\b)?[\s,:;-]*/i, ''));
  if (!reminder) return unclear('add', { problem: 'missing-text', candidates: [] }, context);
  return due ? { kind: 'add', text: reminder, due: toLocalIso(due) } : { kind: 'add', text: reminder };
}

/** The user's words, without surrounding quotes, spaces or end punctuation. */
function cleanText(text: string): string {
  let t = text.trim().replace(/^[\s:;,-]+/, '').replace(/[\s.!?,;:]+$/, '');
  if (/^["'“‘]/.test(t) && /["'”’]$/.test(t)) t = t.slice(1, -1).trim();
  return t;
}
