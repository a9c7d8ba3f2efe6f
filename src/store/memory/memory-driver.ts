import type {
  AppendEventInput,
  AppendOutcome,
  CreateSessionInput,
  CreatedSession,
  EventQuery,
  ListedSessions,
  SessionKey,
  SessionRow,
  StoreDriver,
  StoredSession,
} from '../driver';
import { AlreadyExistsError, SessionNotFoundError, StaleSessionError } from '../errors';
import { applyDelta, isEmpty } from '../state';
import type { Event, StateMap } from '../types';
import { compareEvents } from '../event-order';
import { staleMessage, missingMessage, existsMessage } from '../messages';

interface MemorySession {
  row: SessionRow;
  events: Event[];
  eventIds: Set<string>;
}

/**
 * Keeps everything in this JavaScript realm: gone on reload. Only for tests and for an
 * explicit, visibly-warned choice in the UI. Every read returns a structured clone.
 */
export function createMemoryDriver(): StoreDriver {
  const sessions = new Map<string, MemorySession>();
  const appStates = new Map<string, StateMap>();
  const userStates = new Map<string, StateMap>();

  const sessionKey = (k: SessionKey): string => JSON.stringify([k.appName, k.userId, k.sessionId]);
  const userKey = (appName: string, userId: string): string => JSON.stringify([appName, userId]);

  return {
    backend: 'memory',

    createSession(input: CreateSessionInput): Promise<CreatedSession> {
      const { row } = input;
      const key = sessionKey({ appName: row.appName, userId: row.userId, sessionId: row.id });
      if (sessions.has(key)) return Promise.reject(new AlreadyExistsError(existsMessage(row.id)));
      sessions.set(key, { row: structuredClone(row), events: [], eventIds: new Set() });
      const appState = applyDelta(appStates.get(row.appName) ?? {}, input.appDelta);
      const userState = applyDelta(userStates.get(userKey(row.appName, row.userId)) ?? {}, input.userDelta);
      if (!isEmpty(input.appDelta)) appStates.set(row.appName, structuredClone(appState));
      if (!isEmpty(input.userDelta)) userStates.set(userKey(row.appName, row.userId), structuredClone(userState));
      return Promise.resolve(structuredClone({ appState, userState }));
    },

    getSession(key: SessionKey, query: EventQuery): Promise<StoredSession | undefined> {
      const found = sessions.get(sessionKey(key));
      if (!found) return Promise.resolve(undefined);
      let events = found.events;
      if (query.after !== undefined) {
        const after = query.after;
        events = events.filter((e) => e.timestamp >= after);
      }
      if (query.limit !== undefined) events = query.limit === 0 ? [] : events.slice(-query.limit);
      return Promise.resolve(
        structuredClone({
          row: found.row,
          appState: appStates.get(key.appName) ?? {},
          userState: userStates.get(userKey(key.appName, key.userId)) ?? {},
          events,
        }),
      );
    },

    listSessions(appName: string, userId: string | undefined): Promise<ListedSessions> {
      const rows: SessionRow[] = [];
      const users = new Map<string, StateMap>();
      for (const { row } of sessions.values()) {
        if (row.appName !== appName || (userId !== undefined && row.userId !== userId)) continue;
        rows.push(structuredClone(row));
        if (!users.has(row.userId)) {
          users.set(row.userId, structuredClone(userStates.get(userKey(appName, row.userId)) ?? {}));
        }
      }
      return Promise.resolve({ rows, appState: structuredClone(appStates.get(appName) ?? {}), userStates: users });
    },

    deleteSession(key: SessionKey): Promise<void> {
      sessions.delete(sessionKey(key));
      return Promise.resolve();
    },

    appendEvent(input: AppendEventInput): Promise<AppendOutcome> {
      const found = sessions.get(sessionKey(input.key));
      if (!found) return Promise.reject(new SessionNotFoundError(missingMessage(input.key.sessionId)));
      if (found.eventIds.has(input.event.id)) return Promise.resolve('duplicate');
      if (found.row.updateTime !== input.expectedUpdateTime) {
        return Promise.reject(new StaleSessionError(staleMessage(input.key.sessionId)));
      }
      const event = structuredClone(input.event);
      insertSorted(found.events, event);
      found.eventIds.add(event.id);
      const { app, user, session } = input.delta;
      if (!isEmpty(app)) appStates.set(input.key.appName, applyDelta(appStates.get(input.key.appName) ?? {}, structuredClone(app)));
      if (!isEmpty(user)) {
        const k = userKey(input.key.appName, input.key.userId);
        userStates.set(k, applyDelta(userStates.get(k) ?? {}, structuredClone(user)));
      }
      found.row.state = applyDelta(found.row.state, structuredClone(session));
      found.row.updateTime = event.timestamp;
      return Promise.resolve('appended');
    },

    getUserState(appName: string, userId: string): Promise<StateMap> {
      return Promise.resolve(structuredClone(userStates.get(userKey(appName, userId)) ?? {}));
    },

    close(): Promise<void> {
      return Promise.resolve();
    },
  };
}

function insertSorted(events: Event[], event: Event): void {
  let i = events.length;
  while (i > 0 && compareEvents(events[i - 1] as Event, event) > 0) i--;
  events.splice(i, 0, event);
}
