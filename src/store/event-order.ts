import type { Event } from './types';

/** Code-unit order, the order IndexedDB compares keys in, so every back end breaks ties alike. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Events are ordered by timestamp, then id. */
export function compareEvents(a: Pick<Event, 'timestamp' | 'id'>, b: Pick<Event, 'timestamp' | 'id'>): number {
  return a.timestamp - b.timestamp || compareIds(a.id, b.id);
}
