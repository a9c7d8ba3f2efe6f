import type { SessionKey, SessionRow } from '../driver';
import { compareEvents } from '../event-order';
import type { Event, SnapshotAppState, SnapshotUserState } from '../types';

export interface MemorySession {
  row: SessionRow;
  /** Ordered by timestamp, then id. */
  events: Event[];
  eventIds: Set<string>;
}

/** Everything the memory back end holds, each map keyed by the JSON of its rows' key. */
export interface MemoryData {
  sessions: Map<string, MemorySession>;
  appStates: Map<string, SnapshotAppState>;
  userStates: Map<string, SnapshotUserState>;
}

export const sessionKey = (k: SessionKey): string => JSON.stringify([k.appName, k.userId, k.sessionId]);

export const userKey = (appName: string, userId: string): string => JSON.stringify([appName, userId]);

export function insertSorted(events: Event[], event: Event): void {
  let i = events.length;
  while (i > 0 && compareEvents(events[i - 1] as Event, event) > 0) i--;
  events.splice(i, 0, event);
}
