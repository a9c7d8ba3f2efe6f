import type { SqlValue } from '@sqlite.org/sqlite-wasm';
import type { SearchQuery, StatsQuery } from '../driver';
import { toFtsQuery } from '../search/search-terms';
import { ELLIPSIS, MATCH_CLOSE, MATCH_OPEN, SNIPPET_TOKENS, parseMarkedSnippet } from '../search/snippet';
import type { MessageStats, SearchHit } from '../types';
import { FTS_ROWID_SHIFT } from './schema';
import type { Statements } from './statements';

/**
 * FTS rowids exceed 2^53 (milliseconds shifted 16 bits), so they are computed and
 * compared in SQL only, never carried through JavaScript numbers. These bounds (in ms,
 * about ±2,200 years from 1970) stand in for "no limit".
 */
const NO_FROM = -(2 ** 46);
const NO_TO = 2 ** 46;
const clamp = (time: number): number => Math.min(NO_TO, Math.max(NO_FROM, time));
const rowidLow = (param: string): string => `(CAST(${param} AS INTEGER) << ${FTS_ROWID_SHIFT})`;
const rowidHigh = (param: string): string => `((CAST(${param} AS INTEGER) << ${FTS_ROWID_SHIFT}) + ${2 ** FTS_ROWID_SHIFT - 1})`;
const JOIN_EVENTS = `JOIN events AS e
  ON e.app_name = f.app_name AND e.user_id = f.user_id AND e.session_id = f.session_id AND e.id = f.event_id`;

/**
 * Newest first in two steps, both served by FTS5 in rowid order: the newest `limit`
 * matches give the oldest millisecond that can be in the answer; then every match from
 * that millisecond on is ordered exactly (timestamp, then id), so ties within one
 * millisecond break by id as on every other back end.
 */
export function searchMessages(sql: Statements, query: SearchQuery): SearchHit[] {
  const from = clamp(query.from ?? NO_FROM);
  const to = clamp(query.to ?? NO_TO);
  const rows = sql.all(
    `WITH newest AS (
       SELECT rowid FROM events_fts AS f
       WHERE events_fts MATCH ?1 AND rowid BETWEEN ${rowidLow('?2')} AND ${rowidHigh('?3')} AND app_name = ?4 AND user_id = ?5
       ORDER BY rowid DESC LIMIT ?6
     )
     SELECT f.session_id, f.event_id, e.timestamp, f.author,
       snippet(events_fts, 0, '${MATCH_OPEN}', '${MATCH_CLOSE}', '${ELLIPSIS}', ${SNIPPET_TOKENS})
     FROM events_fts AS f ${JOIN_EVENTS}
     WHERE events_fts MATCH ?1
       AND f.rowid BETWEEN (((SELECT min(rowid) FROM newest) >> ${FTS_ROWID_SHIFT}) << ${FTS_ROWID_SHIFT}) AND ${rowidHigh('?3')}
       AND f.app_name = ?4 AND f.user_id = ?5 AND e.timestamp >= ?2 AND e.timestamp < ?3
     ORDER BY e.timestamp DESC, f.event_id DESC, f.session_id DESC LIMIT ?6`,
    [toFtsQuery(query.terms), from, to, query.appName, query.userId, query.limit],
  );
  return rows.map(([sessionId, eventId, timestamp, author, snippet]) => ({
    sessionId: String(sessionId),
    eventId: String(eventId),
    timestamp: Number(timestamp),
    author: String(author ?? ''),
    snippet: parseMarkedSnippet(String(snippet ?? '')),
  }));
}

export function messageStats(sql: Statements, { appName, userId, boundaries }: StatsQuery): MessageStats {
  const scope: SqlValue[] = [appName, userId];
  const count = (query: string, bind?: SqlValue[]): number => Number(sql.one(query, bind)?.[0] ?? 0);
  const perInterval = boundaries.slice(1).map(() => 0);
  if (boundaries.length > 1) {
    const first = boundaries[0] as number;
    const last = boundaries[boundaries.length - 1] as number;
    const times = sql.column(
      `SELECT e.timestamp FROM events_fts AS f ${JOIN_EVENTS}
       WHERE f.rowid BETWEEN ${rowidLow('?1')} AND ${rowidHigh('?2')} AND f.app_name = ?3 AND f.user_id = ?4`,
      [clamp(first), clamp(last), ...scope],
    );
    for (const value of times) {
      const time = Number(value);
      if (time < first || time >= last) continue;
      perInterval[intervalOf(boundaries, time)]! += 1;
    }
  }
  return {
    sessions: count('SELECT count(*) FROM sessions WHERE app_name = ? AND user_id = ?', scope),
    messages: count('SELECT count(*) FROM events_fts WHERE app_name = ? AND user_id = ?', scope),
    perInterval,
    bytes: count('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()'),
  };
}

/** The i with boundaries[i] <= time < boundaries[i + 1], for a time inside the range. */
function intervalOf(boundaries: readonly number[], time: number): number {
  let low = 0;
  let high = boundaries.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((boundaries[mid] as number) <= time) low = mid;
    else high = mid - 1;
  }
  return low;
}
