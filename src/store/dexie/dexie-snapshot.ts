import type { SessionRow } from '../driver';
import { mergeRow } from '../snapshot/merge-snapshot';
import type { ImportMode, ImportSummary, SnapshotEvent, StoreSnapshot } from '../types';
import { addToIndex } from './dexie-index';
import { EVENT_ORDER_INDEX } from './dexie-schema';
import type { AppStateRow, EventPk, EventRow, HearthDexie, SessionPk, UserPk, UserStateRow } from './dexie-schema';

/** Every table in one read transaction; rows are rebuilt field by field, so only snapshot fields leave. */
export function exportTables(db: HearthDexie): Promise<StoreSnapshot> {
  return db.transaction('r', [db.sessions, db.events, db.appStates, db.userStates], async () => {
    const [sessions, events, appStates, userStates] = await Promise.all([
      db.sessions.toArray(),
      db.events.orderBy(EVENT_ORDER_INDEX).toArray(),
      db.appStates.toArray(),
      db.userStates.toArray(),
    ]);
    return {
      sessions: sessions.map(sessionRow),
      events: events.map(({ appName, userId, sessionId, event }): SnapshotEvent => ({ appName, userId, sessionId, event })),
      appStates: appStates.map(appStateRow),
      userStates: userStates.map(userStateRow),
    };
  });
}

/** One read-write transaction over every table but meta: the import lands whole or not at all. */
export function importTables(db: HearthDexie, snapshot: StoreSnapshot, mode: ImportMode): Promise<ImportSummary> {
  const { sessions, events, appStates, userStates, messageIndex } = db;
  return db.transaction('rw', [sessions, events, appStates, userStates, messageIndex], async (): Promise<ImportSummary> => {
    const incomingEvents = snapshot.events.map(eventRow);
    if (mode === 'replace') {
      await Promise.all([sessions, events, appStates, userStates, messageIndex].map((t) => t.clear()));
      await sessions.bulkAdd(snapshot.sessions.map(sessionRow));
      await events.bulkAdd(incomingEvents);
      await addToIndex(messageIndex, incomingEvents);
      await appStates.bulkAdd(snapshot.appStates.map(appStateRow));
      await userStates.bulkAdd(snapshot.userStates.map(userStateRow));
      return { sessions: snapshot.sessions.length, events: incomingEvents.length };
    }

    const incomingSessions = snapshot.sessions.map(sessionRow);
    const localSessions = await sessions.bulkGet(incomingSessions.map((s): SessionPk => [s.appName, s.userId, s.id]));
    await sessions.bulkPut(incomingSessions.map((row, i) => withLocal(localSessions[i], row)));

    const stored = await events.where(':id').anyOf(incomingEvents.map(eventPk)).primaryKeys();
    const storedKeys = new Set(stored.map((k) => JSON.stringify(k)));
    const newEvents = incomingEvents.filter((e) => !storedKeys.has(JSON.stringify(eventPk(e))));
    await events.bulkAdd(newEvents);
    await addToIndex(messageIndex, newEvents);

    const incomingApps = snapshot.appStates.map(appStateRow);
    const localApps = await appStates.bulkGet(incomingApps.map((a) => a.appName));
    await appStates.bulkPut(incomingApps.map((row, i) => withLocal(localApps[i], row)));
    const incomingUsers = snapshot.userStates.map(userStateRow);
    const localUsers = await userStates.bulkGet(incomingUsers.map((u): UserPk => [u.appName, u.userId]));
    await userStates.bulkPut(incomingUsers.map((row, i) => withLocal(localUsers[i], row)));
    return { sessions: localSessions.filter((row) => !row).length, events: newEvents.length };
  });
}

const withLocal = <T extends SessionRow | AppStateRow | UserStateRow>(local: T | undefined, incoming: T): T =>
  local ? mergeRow(local, incoming) : incoming;

const eventPk = (e: EventRow): EventPk => [e.appName, e.userId, e.sessionId, e.id];

const sessionRow = ({ appName, userId, id, state, createTime, updateTime }: SessionRow): SessionRow => ({
  appName,
  userId,
  id,
  state,
  createTime,
  updateTime,
});

const eventRow = ({ appName, userId, sessionId, event }: SnapshotEvent): EventRow => ({
  appName,
  userId,
  sessionId,
  id: event.id,
  timestamp: event.timestamp,
  event,
});

const appStateRow = ({ appName, state, updateTime }: AppStateRow): AppStateRow => ({ appName, state, updateTime });

const userStateRow = ({ appName, userId, state, updateTime }: UserStateRow): UserStateRow => ({ appName, userId, state, updateTime });
