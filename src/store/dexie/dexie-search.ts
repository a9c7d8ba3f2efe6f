import Dexie from 'dexie';
import type { SearchQuery, StatsQuery } from '../driver';
import { compareIds } from '../event-order';
import { snippetOf } from '../search/snippet';
import type { MessageStats, SearchHit } from '../types';
import { MESSAGE_TIME_INDEX } from './dexie-schema';
import type { EventPk, HearthDexie } from './dexie-schema';

interface Candidate {
  sessionId: string;
  id: string;
  timestamp: number;
}

/**
 * Every term is a key-range scan of the terms table (its prefix range, within the app and
 * user), reading keys only; the message sets are intersected, and only the `limit`
 * newest messages are loaded, for their snippets.
 */
export function searchIndex(db: HearthDexie, query: SearchQuery): Promise<SearchHit[]> {
  const { appName, userId, terms, from = -Infinity, to = Infinity } = query;
  return db.transaction('r', [db.terms, db.messages], async () => {
    let found: Map<string, Candidate> | undefined;
    for (const term of terms) {
      // Folded words never contain U+FFFF (a noncharacter), so this bounds every word starting with `term`.
      const keys = await db.terms.where(':id').between([appName, userId, term], [appName, userId, `${term}\uffff`]).primaryKeys();
      const next = new Map<string, Candidate>();
      for (const [, , , timestamp, sessionId, id] of keys) {
        if (timestamp < from || timestamp >= to) continue;
        const key = JSON.stringify([sessionId, id]);
        if (!found || found.has(key)) next.set(key, { sessionId, id, timestamp });
      }
      found = next;
      if (found.size === 0) return [];
    }
    const newest = [...(found?.values() ?? [])]
      .sort((a, b) => b.timestamp - a.timestamp || compareIds(b.id, a.id) || compareIds(b.sessionId, a.sessionId))
      .slice(0, query.limit);
    const rows = await db.messages.bulkGet(newest.map((c): EventPk => [appName, userId, c.sessionId, c.id]));
    const hits: SearchHit[] = [];
    for (const row of rows) {
      if (!row) continue;
      hits.push({ sessionId: row.sessionId, eventId: row.id, timestamp: row.timestamp, author: row.author, snippet: snippetOf(row.text, terms) });
    }
    return hits;
  });
}

export function indexStats(db: HearthDexie, query: StatsQuery): Promise<MessageStats> {
  const { appName, userId, boundaries } = query;
  const count = (lower: unknown, upper: unknown, includeUpper: boolean): Promise<number> =>
    db.messages.where(MESSAGE_TIME_INDEX).between([appName, userId, lower], [appName, userId, upper], true, includeUpper).count();
  return db.transaction('r', [db.sessions, db.messages], async () => {
    const [sessions, messages, perInterval] = await Promise.all([
      db.sessions.where('[appName+userId]').equals([appName, userId]).count(),
      count(Dexie.minKey, Dexie.maxKey, true),
      Promise.all(boundaries.slice(1).map((upper, i) => count(boundaries[i], upper, false))),
    ]);
    return { sessions, messages, perInterval };
  });
}
