import Dexie from 'dexie';
import type { SearchQuery, StatsQuery } from '../driver';
import { compareIds } from '../event-order';
import { snippetOf } from '../search/snippet';
import type { MessageStats, SearchHit } from '../types';
import { TERMS_INDEX } from './dexie-schema';
import type { HearthDexie, MessagePk, MessageRow } from './dexie-schema';

/**
 * Relative costs of reading from IndexedDB, measured in Chromium 156 over 20,000 messages:
 * a primary key from the word index ≈ 4.5 µs, a row read in key order ≈ 20 µs, a row read
 * by its key ≈ 55 µs. Counting a range is nearly free next to them (≈ 0.1 µs an entry).
 */
const KEY_COST = 1;
const SCAN_ROW_COST = 4;
const GET_ROW_COST = 12;
/** Words a one-term query may match to be answered word by word (see newestPerWord). */
const MAX_WORDS = 32;
const PER_WORD_MIN = 4;

interface Search {
  db: HearthDexie;
  query: SearchQuery;
  /** Word-index entries per term: about the messages that match, and counting every user's. */
  counts: number[];
}

/**
 * Plans like a small query planner. A common term is answered by reading the user's
 * newest messages in key order (timestamp first) and testing their words, which stops after
 * `limit` hits whatever the history's size; a rarer one by reading the primary keys its
 * word-index range holds (rarest term first), narrowing them by the other terms' keys while
 * that is cheaper than testing rows, then loading rows newest first until `limit` pass.
 */
export function searchIndex(db: HearthDexie, query: SearchQuery): Promise<SearchHit[]> {
  const { appName, userId, terms, limit } = query;
  return db.transaction('r', db.messageIndex, async () => {
    const counts = await Promise.all(terms.map((term) => termRange(db, term).count()));
    const rarest = Math.min(...counts);
    if (rarest === 0) return [];
    const search: Search = { db, query, counts };
    let found: MessageRow[] = [];
    let before: MessagePk | undefined;
    // A scan reads at least `limit` rows; below that cost the keys win without asking.
    if (rarest * KEY_COST > limit * SCAN_ROW_COST) {
      const total = await db.messageIndex.where(':id').between([appName, userId, Dexie.minKey], [appName, userId, Dexie.maxKey]).count();
      // Taking the terms as independent: how many newest messages hold `limit` hits.
      const selectivity = counts.reduce((product, count) => product * Math.min(1, count / Math.max(total, 1)), 1);
      const expectedRows = Math.ceil(limit / selectivity);
      if (expectedRows * SCAN_ROW_COST < rarest * KEY_COST) {
        // Past twice what the keys would cost, the terms are rarer together than they looked.
        const scanned = await scanNewest(search, expectedRows, Math.ceil((2 * rarest * KEY_COST) / SCAN_ROW_COST));
        if (!scanned.before) return toHits(scanned.found, terms);
        ({ found, before } = scanned);
      }
    }
    return toHits([...found, ...(await lookUp(search, limit - found.length, before))], terms);
  });
}

/** Folded words never contain U+FFFF (a noncharacter), so this bounds every word starting with `term`. */
const termRange = (db: HearthDexie, term: string) => db.messageIndex.where(TERMS_INDEX).between(term, `${term}\uffff`);

/**
 * Reads messages newest first in pages (the first sized to hold `limit` hits, then doubling),
 * keeping those that match. Stops at `limit` hits or the start of the time range; otherwise,
 * after about `budget` rows, returns with `before`: the oldest message read.
 */
async function scanNewest({ db, query }: Search, firstPage: number, budget: number): Promise<{ found: MessageRow[]; before?: MessagePk }> {
  const { appName, userId, terms, limit, from = -Infinity, to = Infinity } = query;
  const found: MessageRow[] = [];
  let upper: MessagePk | [string, string, number] = [appName, userId, to];
  let page = Math.max(limit, Math.min(firstPage, budget));
  let read = 0;
  for (;;) {
    const rows = await db.messageIndex.where(':id').between([appName, userId, from], upper, true, false).reverse().limit(page).toArray();
    for (const row of rows) {
      if (matchesAll(row, terms) && found.push(row) === limit) return { found };
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < page) return { found };
    upper = primaryKey(last);
    read += rows.length;
    if (read >= budget) return { found, before: upper };
    page = Math.min(page * 2, budget - read);
  }
}

/** Up to `want` matching messages older than `before`, newest first, found through the word index. */
async function lookUp(search: Search, want: number, before: MessagePk | undefined): Promise<MessageRow[]> {
  const { db, query, counts } = search;
  const { terms } = query;
  const [first = 0, ...rest] = [...terms.keys()].sort((a, b) => (counts[a] ?? 0) - (counts[b] ?? 0));
  const keysOf = (i: number) => termRange(db, terms[i] as string).primaryKeys();
  // Below a few keys per hit, reading them all costs less than the round trips per word.
  const perWord = rest.length === 0 && !before && (counts[first] ?? 0) > PER_WORD_MIN * want;
  let candidates = (perWord && (await newestPerWord(search, want))) || newestFirst(await keysOf(first), query, before);
  // Narrow by the next term's keys while that costs less than testing (at worst) every candidate's row.
  while (rest[0] !== undefined && candidates.length > 0) {
    if (candidates.length * GET_ROW_COST < (counts[rest[0]] ?? 0) * KEY_COST) break;
    candidates = intersect(candidates, await keysOf(rest[0]));
    rest.shift();
  }
  const untested = rest.map((i) => terms[i] as string);
  const found: MessageRow[] = [];
  for (let start = 0, batch = want; start < candidates.length && found.length < want; start += batch, batch *= 2) {
    for (const row of await db.messageIndex.bulkGet(candidates.slice(start, start + batch))) {
      if (row && matchesAll(row, untested) && found.push(row) === want) break;
    }
  }
  return found;
}

/**
 * The `want` newest messages of a one-term query over the whole history, read as each
 * matching word's newest `want` index entries (the index orders a word's entries by
 * primary key, i.e. by time for one app and user), when few words match. Undefined when
 * that cannot answer: too many words, a time range, or a full list holding another app's
 * or user's entries, which may have taken the places of ours.
 */
async function newestPerWord({ db, query }: Search, want: number): Promise<MessagePk[] | undefined> {
  const { appName, userId, terms, from, to } = query;
  const [term] = terms;
  if (term === undefined || terms.length > 1 || from !== undefined || to !== undefined) return undefined;
  const words = await termRange(db, term).limit(MAX_WORDS + 1).uniqueKeys();
  if (words.length > MAX_WORDS) return undefined;
  const lists = await Promise.all(words.map((word) => db.messageIndex.where(TERMS_INDEX).equals(word).reverse().limit(want).primaryKeys()));
  if (lists.some((list) => list.length === want && list.some((k) => k[0] !== appName || k[1] !== userId))) return undefined;
  return newestFirst(lists.flat(), query, undefined).slice(0, want);
}

const matchesAll = (row: MessageRow, terms: readonly string[]): boolean =>
  terms.every((term) => row.terms.some((word) => word.startsWith(term)));

const primaryKey = (row: MessageRow): MessagePk => [row.appName, row.userId, row.timestamp, row.id, row.sessionId];

const toHits = (rows: readonly MessageRow[], terms: readonly string[]): SearchHit[] =>
  rows.map((row) => ({ sessionId: row.sessionId, eventId: row.id, timestamp: row.timestamp, author: row.author, snippet: snippetOf(row.text, terms) }));

/** Search order: timestamp, then id, then session id, all descending; i.e. primary keys descending. */
const byNewest = (a: MessagePk, b: MessagePk): number => b[2] - a[2] || compareIds(b[3], a[3]) || compareIds(b[4], a[4]);

/**
 * The distinct keys of the app and user, within [from, to) and older than `before`, newest
 * first. The word index lists a message once per word that matched, so a key may repeat.
 */
function newestFirst(keys: MessagePk[], query: SearchQuery, before: MessagePk | undefined): MessagePk[] {
  const { appName, userId, from = -Infinity, to = Infinity } = query;
  const wanted = (k: MessagePk): boolean =>
    k[0] === appName && k[1] === userId && k[2] >= from && k[2] < to && (!before || byNewest(before, k) < 0);
  const sorted = keys.filter(wanted).sort(byNewest);
  return sorted.filter((k, i) => i === 0 || byNewest(sorted[i - 1] as MessagePk, k) !== 0);
}

/** The candidates (kept in their order) that are among `keys`, which may hold any app's and user's. */
function intersect(candidates: MessagePk[], keys: MessagePk[]): MessagePk[] {
  const byTime = new Map<number, MessagePk[]>();
  for (const c of candidates) {
    const same = byTime.get(c[2]);
    if (same) same.push(c);
    else byTime.set(c[2], [c]);
  }
  const kept = new Set<MessagePk>();
  for (const k of keys) {
    for (const c of byTime.get(k[2]) ?? []) if (c[3] === k[3] && c[4] === k[4] && c[1] === k[1] && c[0] === k[0]) kept.add(c);
  }
  return candidates.filter((c) => kept.has(c));
}

export function indexStats(db: HearthDexie, query: StatsQuery): Promise<MessageStats> {
  const { appName, userId, boundaries } = query;
  // The primary key starts with app, user and timestamp: [app, user, t] sorts before every key at time t.
  const count = (lower: unknown, upper: unknown, includeUpper: boolean): Promise<number> =>
    db.messageIndex.where(':id').between([appName, userId, lower], [appName, userId, upper], true, includeUpper).count();
  return db.transaction('r', [db.sessions, db.messageIndex], async () => {
    const [sessions, messages, perInterval] = await Promise.all([
      db.sessions.where('[appName+userId]').equals([appName, userId]).count(),
      count(Dexie.minKey, Dexie.maxKey, true),
      Promise.all(boundaries.slice(1).map((upper, i) => count(boundaries[i], upper, false))),
    ]);
    return { sessions, messages, perInterval };
  });
}
