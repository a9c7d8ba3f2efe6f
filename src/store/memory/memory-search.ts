import type { SearchQuery, StatsQuery } from '../driver';
import { compareIds } from '../event-order';
import { messageText } from '../search/message-text';
import { snippetOf } from '../search/snippet';
import { tokenize } from '../search/tokenize';
import type { Event, MessageStats, SearchHit } from '../types';
import type { MemoryData } from './memory-data';

interface Found {
  sessionId: string;
  event: Event;
  text: string;
}

/** A full scan: the memory back end holds one tab's worth of data, too little to index. */
export function searchMemory(data: MemoryData, query: SearchQuery): SearchHit[] {
  const found: Found[] = [];
  for (const { row, events } of data.sessions.values()) {
    if (row.appName !== query.appName || row.userId !== query.userId) continue;
    for (const event of events) {
      if (query.from !== undefined && event.timestamp < query.from) continue;
      if (query.to !== undefined && event.timestamp >= query.to) continue;
      const text = messageText(event);
      if (text === undefined) continue;
      const words = tokenize(text);
      if (query.terms.every((term) => words.some((word) => word.startsWith(term)))) found.push({ sessionId: row.id, event, text });
    }
  }
  return found
    .sort(
      (a, b) =>
        b.event.timestamp - a.event.timestamp || compareIds(b.event.id, a.event.id) || compareIds(b.sessionId, a.sessionId),
    )
    .slice(0, query.limit)
    .map(({ sessionId, event, text }) => ({
      sessionId,
      eventId: event.id,
      timestamp: event.timestamp,
      author: event.author,
      snippet: snippetOf(text, query.terms),
    }));
}

export function memoryStats(data: MemoryData, query: StatsQuery): MessageStats {
  const { boundaries } = query;
  const perInterval: number[] = new Array<number>(Math.max(0, boundaries.length - 1)).fill(0);
  let sessions = 0;
  let messages = 0;
  for (const { row, events } of data.sessions.values()) {
    if (row.appName !== query.appName || row.userId !== query.userId) continue;
    sessions++;
    for (const event of events) {
      if (messageText(event) === undefined) continue;
      messages++;
      const i = intervalOf(event.timestamp, boundaries);
      if (i !== undefined) perInterval[i] = (perInterval[i] ?? 0) + 1;
    }
  }
  return { sessions, messages, perInterval };
}

/** The i with boundaries[i] <= time < boundaries[i + 1], by binary search. */
function intervalOf(time: number, boundaries: readonly number[]): number | undefined {
  let low = 0;
  let high = boundaries.length - 1;
  if (high < 1 || time < (boundaries[0] as number) || time >= (boundaries[high] as number)) return undefined;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if ((boundaries[mid] as number) <= time) low = mid;
    else high = mid;
  }
  return low;
}
