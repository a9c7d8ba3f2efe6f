import type { SqlValue } from '@sqlite.org/sqlite-wasm';
import { mergeRow } from '../snapshot/merge-snapshot';
import type { Event, ImportMode, ImportSummary, StateMap, StoreSnapshot } from '../types';
import { parseObject } from './parse-object';
import { RESET_FTS } from './schema';
import type { Statements } from './statements';

/**
 * Whole-store reads and writes in SQL, shared by the SQLite driver (export, import) and
 * the database-file reader (a checked upload becomes a snapshot the same way).
 * The caller runs writeSnapshot inside a transaction.
 */

export function readSnapshot(sql: Statements): StoreSnapshot {
  // One JSON document per table: one string across the WASM boundary and one parse,
  // instead of a column read per field per row.
  const table = <T>(select: string): T[] => JSON.parse(String(sql.one(select)?.[0] ?? '[]')) as T[];
  const sessions = table<[string, string, string, StateMap, number, number]>(
    `SELECT json_group_array(json_array(app_name, user_id, id, json(state), create_time, update_time))
     FROM (SELECT * FROM sessions ORDER BY app_name, user_id, id)`,
  );
  const appStates = table<[string, StateMap, number]>(
    'SELECT json_group_array(json_array(app_name, json(state), update_time)) FROM (SELECT * FROM app_states ORDER BY app_name)',
  );
  const userStates = table<[string, string, StateMap, number]>(
    `SELECT json_group_array(json_array(app_name, user_id, json(state), update_time))
     FROM (SELECT * FROM user_states ORDER BY app_name, user_id)`,
  );
  // Events row by row: one document of every event could outgrow what a string may hold.
  const events = sql
    .all('SELECT app_name, user_id, session_id, event_data FROM events ORDER BY app_name, user_id, session_id, timestamp, id')
    .map(([appName, userId, sessionId, data]) => ({
      appName: String(appName),
      userId: String(userId),
      sessionId: String(sessionId),
      event: JSON.parse(String(data)) as Event,
    }));
  return {
    sessions: sessions.map(([appName, userId, id, state, createTime, updateTime]) => ({ appName, userId, id, state, createTime, updateTime })),
    events,
    appStates: appStates.map(([appName, state, updateTime]) => ({ appName, state, updateTime })),
    userStates: userStates.map(([appName, userId, state, updateTime]) => ({ appName, userId, state, updateTime })),
  };
}

/** Writes a (validated) snapshot; see StoreDriver.importSnapshot for what each mode means. */
export function writeSnapshot(sql: Statements, exec: (script: string) => void, snapshot: StoreSnapshot, mode: ImportMode): ImportSummary {
  if (mode === 'replace') {
    // Emptying the index first keeps the delete trigger from removing rows one by one.
    exec(RESET_FTS);
    for (const table of ['events', 'sessions', 'app_states', 'user_states']) sql.run(`DELETE FROM ${table}`);
  }
  const summary: ImportSummary = { sessions: 0, events: 0 };

  for (const row of snapshot.sessions) {
    const key = [row.appName, row.userId, row.id];
    const stored = storedRow(sql, 'SELECT state, update_time FROM sessions WHERE app_name = ? AND user_id = ? AND id = ?', key);
    if (!stored) {
      sql.run('INSERT INTO sessions (app_name, user_id, id, state, create_time, update_time) VALUES (?, ?, ?, ?, ?, ?)', [
        ...key,
        JSON.stringify(row.state),
        row.createTime,
        row.updateTime,
      ]);
      summary.sessions++;
      continue;
    }
    const merged = mergeRow(stored, row);
    sql.run('UPDATE sessions SET state = ?, update_time = ? WHERE app_name = ? AND user_id = ? AND id = ?', [
      JSON.stringify(merged.state),
      merged.updateTime,
      ...key,
    ]);
  }

  for (const { appName, userId, sessionId, event } of snapshot.events) {
    sql.run(
      `INSERT INTO events (id, app_name, user_id, session_id, invocation_id, timestamp, event_data)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [event.id, appName, userId, sessionId, event.invocationId, event.timestamp, JSON.stringify(event)],
    );
    if (sql.changes() > 0) summary.events++;
  }

  for (const row of snapshot.appStates) {
    const stored = storedRow(sql, 'SELECT state, update_time FROM app_states WHERE app_name = ?', [row.appName]);
    const { state, updateTime } = stored ? mergeRow(stored, row) : row;
    sql.run(
      `INSERT INTO app_states (app_name, state, update_time) VALUES (?, ?, ?)
       ON CONFLICT (app_name) DO UPDATE SET state = excluded.state, update_time = excluded.update_time`,
      [row.appName, JSON.stringify(state), updateTime],
    );
  }

  for (const row of snapshot.userStates) {
    const key = [row.appName, row.userId];
    const stored = storedRow(sql, 'SELECT state, update_time FROM user_states WHERE app_name = ? AND user_id = ?', key);
    const { state, updateTime } = stored ? mergeRow(stored, row) : row;
    sql.run(
      `INSERT INTO user_states (app_name, user_id, state, update_time) VALUES (?, ?, ?, ?)
       ON CONFLICT (app_name, user_id) DO UPDATE SET state = excluded.state, update_time = excluded.update_time`,
      [...key, JSON.stringify(state), updateTime],
    );
  }
  return summary;
}

/** A stored row's state and update time, for a merge (mergeRow, shared with every back end). */
function storedRow(sql: Statements, query: string, key: SqlValue[]): { state: StateMap; updateTime: number } | undefined {
  const found = sql.one(query, key);
  return found && { state: parseObject(found[0]), updateTime: Number(found[1]) };
}

