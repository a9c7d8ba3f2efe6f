import type { Event } from '../../protocol/protocol';

/** Events in log order without duplicates (an event can arrive both in a page and live). */
export function mergeEvents(older: readonly Event[], newer: readonly Event[]): Event[] {
  const seen = new Set(older.map((e) => e.id));
  const merged = [...older];
  for (const event of newer) if (!seen.has(event.id)) merged.push(event);
  return merged;
}
