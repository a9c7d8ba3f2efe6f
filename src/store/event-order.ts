import type { Event } from './types';

/** Events are ordered by timestamp, then id (code-unit order, as IndexedDB compares keys). */
export function compareEvents(a: Pick<Event, 'timestamp' | 'id'>, b: Pick<Event, 'timestamp' | 'id'>): number {
  return a.timestamp - b.timestamp || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
