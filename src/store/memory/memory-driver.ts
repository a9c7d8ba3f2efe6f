import type {
  AppendEventInput,
  AppendOutcome,
  CreateSessionInput,
  CreatedSession,
  EventQuery,
  ListedSessions,
  SearchQuery,
  SessionKey,
  SessionRow,
  StatsQuery,
  StoreDriver,
  StoredSession,
} from '../driver';
import { AlreadyExistsError, SessionNotFoundError, StaleSessionError } from '../errors';
import { applyDelta, isEmpty } from '../state';
import type { ImportMode, ImportSummary, MessageStats, SearchHit, StateMap, StoreSnapshot } from '../types';
import { staleMessage, missingMessage, existsMessage } from '../messages';
import { insertSorted, sessionKey, userKey } from './memory-data';
import type { MemoryData } from './memory-data';
import { memoryStats, searchMemory } from './memory-search';
import { exportMemory, importMemory } from './memory-snapshot';

/**
 * Keeps everything in this JavaScript realm: gone on reload. Only for tests and for an
 * explicit, visibly-warned choice in the UI. Every read returns a structured clone.
 */
export function createMemoryDriver(): StoreDriver {
  const data: MemoryData = { sessions: new Map(), appStates: new Map(), userStates: new Map() };
  const { sessions, appStates, userStates } = data;
  const appState = (appName: string): StateMap => appStates.get(appName)?.state ?? {};
  const userState = (appName: string, userId: string): StateMap => userStates.get(userKey(appName, userId))?.state ?? {};
  const writeApp = (appName: string, state: StateMap, updateTime: number): void => {
    appStates.set(appName, structuredClone({ appName, state, updateTime }));
  };
  const writeUser = (appName: string, userId: string, state: StateMap, updateTime: number): void => {
    userStates.set(userKey(appName, userId), structuredClone({ appName, userId, state, updateTime }));
  };

  return {
    backend: 'memory',

    createSession(input: CreateSessionInput): Promise<CreatedSession> {
      const { row } = input;
      const key = sessionKey({ appName: row.appName, userId: row.userId, sessionId: row.id });
      if (sessions.has(key)) return Promise.reject(new AlreadyExistsError(existsMessage(row.id)));
      sessions.set(key, { row: structuredClone(row), events: [], eventIds: new Set() });
      const app = applyDelta(appState(row.appName), input.appDelta);
      const user = applyDelta(userState(row.appName, row.userId), input.userDelta);
      if (!isEmpty(input.appDelta)) writeApp(row.appName, app, row.createTime);
      if (!isEmpty(input.userDelta)) writeUser(row.appName, row.userId, user, row.createTime);
      return Promise.resolve(structuredClone({ appState: app, userState: user }));
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
          appState: appState(key.appName),
          userState: userState(key.appName, key.userId),
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
        if (!users.has(row.userId)) users.set(row.userId, structuredClone(userState(appName, row.userId)));
      }
      return Promise.resolve({ rows, appState: structuredClone(appState(appName)), userStates: users });
    },

    deleteSession(key: SessionKey): Promise<void> {
      sessions.delete(sessionKey(key));
      return Promise.resolve();
    },

    appendEvent(input: AppendEventInput): Promise<AppendOutcome> {
      const { key } = input;
      const found = sessions.get(sessionKey(key));
      if (!found) return Promise.reject(new SessionNotFoundError(missingMessage(key.sessionId)));
      if (found.eventIds.has(input.event.id)) return Promise.resolve('duplicate');
      if (found.row.updateTime !== input.expectedUpdateTime) {
        return Promise.reject(new StaleSessionError(staleMessage(key.sessionId)));
      }
      const event = structuredClone(input.event);
      const updateTime = event.timestamp;
      insertSorted(found.events, event);
      found.eventIds.add(event.id);
      const { app, user, session } = input.delta;
      if (!isEmpty(app)) writeApp(key.appName, applyDelta(appState(key.appName), app), updateTime);
      if (!isEmpty(user)) writeUser(key.appName, key.userId, applyDelta(userState(key.appName, key.userId), user), updateTime);
      found.row.state = applyDelta(found.row.state, structuredClone(session));
      found.row.updateTime = updateTime;
      return Promise.resolve('appended');
    },

    getUserState(appName: string, userId: string): Promise<StateMap> {
      return Promise.resolve(structuredClone(userState(appName, userId)));
    },

    searchMessages(query: SearchQuery): Promise<SearchHit[]> {
      return Promise.resolve(searchMemory(data, query));
    },

    messageStats(query: StatsQuery): Promise<MessageStats> {
      return Promise.resolve(memoryStats(data, query));
    },

    exportSnapshot(): Promise<StoreSnapshot> {
      return Promise.resolve(exportMemory(data));
    },

    importSnapshot(snapshot: StoreSnapshot, mode: ImportMode): Promise<ImportSummary> {
      return Promise.resolve(importMemory(data, snapshot, mode));
    },

    close(): Promise<void> {
      return Promise.resolve();
    },
  };
}
