import type { Database, SqlValue } from '@sqlite.org/sqlite-wasm';
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
import { AlreadyExistsError, SessionNotFoundError, StaleSessionError, StoreError, StorageUnavailableError } from '../errors';
import { existsMessage, fullMessage, missingMessage, staleMessage } from '../messages';
import { applyDelta, isEmpty } from '../state';
import type { BackendName, Event, ImportMode, ImportSummary, MessageStats, SearchHit, StateMap, StoreSnapshot } from '../types';
import { exportDatabaseBytes } from './export-bytes';
import { parseObject } from './parse-object';
import { messageStats, searchMessages } from './sqlite-search';
import { readSnapshot, writeSnapshot } from './sqlite-snapshot';
import { Statements } from './statements';

const SQLITE_FULL = 13;

const SESSION_COLUMNS = 'app_name, user_id, id, state, create_time, update_time';

export interface SqliteDriverOptions {
  db: Database;
  backend: Extract<BackendName, 'sqlite-opfs' | 'sqlite-memory'>;
  /** Runs after the connection is closed (release the VFS, the lock). */
  onClose?: () => Promise<void> | void;
}

/** The store on one SQLite connection; every method is one transaction. */
export function createSqliteDriver({ db, backend, onClose }: SqliteDriverOptions): StoreDriver {
  const sql = new Statements(db);

  /** A write transaction; BEGIN and COMMIT are prepared once like every other statement. */
  function tx<T>(work: () => T): Promise<T> {
    let open = false;
    try {
      sql.run('BEGIN IMMEDIATE');
      open = true;
      const result = work();
      sql.run('COMMIT');
      open = false;
      return Promise.resolve(result);
    } catch (error) {
      if (open) rollback();
      return Promise.reject(translate(error));
    }
  }

  function rollback(): void {
    try {
      sql.run('ROLLBACK');
    } catch {
      // SQLite already rolled back (it does so itself after some errors, e.g. SQLITE_FULL).
    }
  }

  /**
   * A read needs no transaction for a consistent view: this is the only connection (sahpool
   * allows one) and the statements run synchronously, so no write can come between them.
   */
  function read<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(translate(error));
    }
  }

  function readState(query: string, bind: SqlValue[]): StateMap {
    const row = sql.one(query, bind);
    return row ? parseObject(row[0]) : {};
  }

  const appState = (appName: string): StateMap =>
    readState('SELECT state FROM app_states WHERE app_name = ?', [appName]);
  const userState = (appName: string, userId: string): StateMap =>
    readState('SELECT state FROM user_states WHERE app_name = ? AND user_id = ?', [appName, userId]);

  function writeAppState(appName: string, state: StateMap, time: number): void {
    sql.run(
      `INSERT INTO app_states (app_name, state, update_time) VALUES (?, ?, ?)
       ON CONFLICT (app_name) DO UPDATE SET state = excluded.state, update_time = excluded.update_time`,
      [appName, JSON.stringify(state), time],
    );
  }

  function writeUserState(appName: string, userId: string, state: StateMap, time: number): void {
    sql.run(
      `INSERT INTO user_states (app_name, user_id, state, update_time) VALUES (?, ?, ?, ?)
       ON CONFLICT (app_name, user_id) DO UPDATE SET state = excluded.state, update_time = excluded.update_time`,
      [appName, userId, JSON.stringify(state), time],
    );
  }

  return {
    backend,

    createSession({ row, appDelta, userDelta }: CreateSessionInput): Promise<CreatedSession> {
      return tx(() => {
        // DO NOTHING rather than catching the constraint error, which sqlite-wasm also logs.
        sql.run(`INSERT INTO sessions (${SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, [
          row.appName,
          row.userId,
          row.id,
          JSON.stringify(row.state),
          row.createTime,
          row.updateTime,
        ]);
        if (db.changes() === 0) throw new AlreadyExistsError(existsMessage(row.id));
        let app = appState(row.appName);
        let user = userState(row.appName, row.userId);
        if (!isEmpty(appDelta)) writeAppState(row.appName, (app = applyDelta(app, appDelta)), row.createTime);
        if (!isEmpty(userDelta)) writeUserState(row.appName, row.userId, (user = applyDelta(user, userDelta)), row.createTime);
        return { appState: app, userState: user };
      });
    },

    getSession(key: SessionKey, query: EventQuery): Promise<StoredSession | undefined> {
      return read(() => {
        const bind = [key.appName, key.userId, key.sessionId];
        const found = sql.one(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE app_name = ? AND user_id = ? AND id = ?`, bind);
        if (!found) return undefined;
        return {
          row: toSessionRow(found),
          appState: appState(key.appName),
          userState: userState(key.appName, key.userId),
          events: readEvents(sql, key, query),
        };
      });
    },

    listSessions(appName: string, userId: string | undefined): Promise<ListedSessions> {
      return read(() => {
        // SQLite builds one JSON array of all rows: one string across the WASM boundary and
        // one parse, instead of six column reads and a parse per row (~3x faster at 1,000).
        const select = `SELECT json_group_array(json_array(app_name, user_id, id, json(state), create_time, update_time))
          FROM sessions WHERE app_name = ?`;
        const packed =
          userId === undefined ? sql.one(select, [appName]) : sql.one(`${select} AND user_id = ?`, [appName, userId]);
        const rows = (JSON.parse(String(packed?.[0] ?? '[]')) as [string, string, string, StateMap, number, number][]).map(
          ([app, user, id, state, createTime, updateTime]): SessionRow => ({ appName: app, userId: user, id, state, createTime, updateTime }),
        );
        const userStates = new Map<string, StateMap>();
        const users =
          userId === undefined
            ? sql.all(
                'SELECT user_id, state FROM user_states WHERE app_name = ? AND user_id IN (SELECT user_id FROM sessions WHERE app_name = ?)',
                [appName, appName],
              )
            : sql.all('SELECT user_id, state FROM user_states WHERE app_name = ? AND user_id = ?', [appName, userId]);
        for (const [user, state] of users) userStates.set(String(user), parseObject(state));
        return { rows, appState: appState(appName), userStates };
      });
    },

    deleteSession(key: SessionKey): Promise<void> {
      // Events go with it through ON DELETE CASCADE (foreign_keys is on).
      return tx(() => {
        sql.run('DELETE FROM sessions WHERE app_name = ? AND user_id = ? AND id = ?', [key.appName, key.userId, key.sessionId]);
      });
    },

    appendEvent({ key, event, delta, expectedUpdateTime }: AppendEventInput): Promise<AppendOutcome> {
      return tx(() => {
        const bind = [key.appName, key.userId, key.sessionId];
        const found = sql.one('SELECT update_time, state FROM sessions WHERE app_name = ? AND user_id = ? AND id = ?', bind);
        if (!found) throw new SessionNotFoundError(missingMessage(key.sessionId));
        const time = event.timestamp;
        // Insert first (a duplicate id inserts nothing), then check staleness: a stale
        // write throws and the transaction rolls the insert back. One statement fewer
        // than looking the id up first.
        sql.run(
          `INSERT INTO events (id, app_name, user_id, session_id, invocation_id, timestamp, event_data)
           VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
          [event.id, ...bind, typeof event.invocationId === 'string' ? event.invocationId : null, time, JSON.stringify(event)],
        );
        if (db.changes() === 0) return 'duplicate';
        if (Number(found[0]) !== expectedUpdateTime) throw new StaleSessionError(staleMessage(key.sessionId));
        if (!isEmpty(delta.app)) writeAppState(key.appName, applyDelta(appState(key.appName), delta.app), time);
        if (!isEmpty(delta.user)) {
          writeUserState(key.appName, key.userId, applyDelta(userState(key.appName, key.userId), delta.user), time);
        }
        if (isEmpty(delta.session)) {
          sql.run('UPDATE sessions SET update_time = ? WHERE app_name = ? AND user_id = ? AND id = ?', [time, ...bind]);
        } else {
          const state = applyDelta(parseObject(found[1]), delta.session);
          sql.run('UPDATE sessions SET update_time = ?, state = ? WHERE app_name = ? AND user_id = ? AND id = ?', [
            time,
            JSON.stringify(state),
            ...bind,
          ]);
        }
        return 'appended';
      });
    },

    getUserState(appName: string, userId: string): Promise<StateMap> {
      return read(() => userState(appName, userId));
    },

    searchMessages(query: SearchQuery): Promise<SearchHit[]> {
      return read(() => searchMessages(sql, query));
    },

    messageStats(query: StatsQuery): Promise<MessageStats> {
      return read(() => messageStats(sql, query));
    },

    exportSnapshot(): Promise<StoreSnapshot> {
      return read(() => readSnapshot(sql));
    },

    importSnapshot(snapshot: StoreSnapshot, mode: ImportMode): Promise<ImportSummary> {
      return tx(() => writeSnapshot(sql, (script) => db.exec(script), snapshot, mode));
    },

    exportFile(): Promise<Uint8Array> {
      return exportDatabaseBytes(db).catch((error: unknown) => Promise.reject(translate(error)));
    },

    async close(): Promise<void> {
      sql.finalizeAll();
      db.close();
      await onClose?.();
    },
  };
}

function readEvents(sql: Statements, key: SessionKey, { limit, after }: EventQuery): Event[] {
  if (limit === 0) return [];
  const where = `app_name = ? AND user_id = ? AND session_id = ?${after === undefined ? '' : ' AND timestamp >= ?'}`;
  const bind: SqlValue[] = [key.appName, key.userId, key.sessionId];
  if (after !== undefined) bind.push(after);
  const texts =
    limit === undefined
      ? sql.column(`SELECT event_data FROM events WHERE ${where} ORDER BY timestamp, id`, bind)
      : sql.column(
          `SELECT event_data FROM (SELECT event_data, timestamp, id FROM events WHERE ${where}
           ORDER BY timestamp DESC, id DESC LIMIT ?) ORDER BY timestamp, id`,
          [...bind, limit],
        );
  // One parse of one array is cheaper than fifty parses.
  return JSON.parse(`[${texts.join(',')}]`) as Event[];
}

function toSessionRow(row: SqlValue[]): SessionRow {
  return {
    appName: String(row[0]),
    userId: String(row[1]),
    id: String(row[2]),
    state: parseObject(row[3]),
    createTime: Number(row[4]),
    updateTime: Number(row[5]),
  };
}

function resultCode(error: unknown): number | undefined {
  const code = (error as { resultCode?: unknown } | null)?.resultCode;
  // Extended result codes carry the primary code in the low byte.
  return typeof code === 'number' ? code & 0xff : undefined;
}

/** Store errors pass through; SQLite's own become named store errors. */
export function translate(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  if (resultCode(error) === SQLITE_FULL) return new StorageUnavailableError(fullMessage, { code: 'storage-full', cause: error });
  return new StoreError('internal', `The database reported an error: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error,
  });
}
