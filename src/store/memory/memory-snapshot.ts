import { compareEvents } from '../event-order';
import { mergeRow } from '../snapshot/merge-snapshot';
import type { ImportMode, ImportSummary, SnapshotEvent, StoreSnapshot } from '../types';
import { sessionKey, userKey } from './memory-data';
import type { MemoryData, MemorySession } from './memory-data';

export function exportMemory(data: MemoryData): StoreSnapshot {
  const events: SnapshotEvent[] = [];
  for (const { row, events: list } of data.sessions.values()) {
    for (const event of list) events.push({ appName: row.appName, userId: row.userId, sessionId: row.id, event });
  }
  return structuredClone({
    sessions: [...data.sessions.values()].map((s) => s.row),
    events,
    appStates: [...data.appStates.values()],
    userStates: [...data.userStates.values()],
  });
}

/** Synchronous from start to end, so no other call sees it half done: the memory back end's transaction. */
export function importMemory(data: MemoryData, input: StoreSnapshot, mode: ImportMode): ImportSummary {
  const snapshot = structuredClone(input);
  if (mode === 'replace') {
    data.sessions.clear();
    data.appStates.clear();
    data.userStates.clear();
  }
  const summary: ImportSummary = { sessions: 0, events: 0 };

  for (const { appName, userId, id, state, createTime, updateTime } of snapshot.sessions) {
    const key = sessionKey({ appName, userId, sessionId: id });
    const row = { appName, userId, id, state, createTime, updateTime };
    const local = data.sessions.get(key);
    if (local) {
      local.row = mergeRow(local.row, row);
    } else {
      data.sessions.set(key, { row, events: [], eventIds: new Set() });
      summary.sessions++;
    }
  }

  const touched = new Set<MemorySession>();
  for (const { appName, userId, sessionId, event } of snapshot.events) {
    const session = data.sessions.get(sessionKey({ appName, userId, sessionId }));
    if (!session || session.eventIds.has(event.id)) continue;
    session.events.push(event);
    session.eventIds.add(event.id);
    touched.add(session);
    summary.events++;
  }
  for (const session of touched) session.events.sort(compareEvents);

  for (const { appName, state, updateTime } of snapshot.appStates) {
    const row = { appName, state, updateTime };
    const local = data.appStates.get(appName);
    data.appStates.set(appName, local ? mergeRow(local, row) : row);
  }
  for (const { appName, userId, state, updateTime } of snapshot.userStates) {
    const key = userKey(appName, userId);
    const row = { appName, userId, state, updateTime };
    const local = data.userStates.get(key);
    data.userStates.set(key, local ? mergeRow(local, row) : row);
  }
  return summary;
}
