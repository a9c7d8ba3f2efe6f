// The floors: the cheapest raw operation on each storage, on a second database with the
// same VFS and pragmas, sampled in turn with the store's operation so both see the same
// machine. Plus the common chat-app pattern: one JSON blob holding the whole history,
// rewritten on every message.
import { openOpfsConnection } from '../../src/store/sqlite/opfs-in-thread';

export interface FloorEvent {
  key: [string, string, string];
  id: string;
  timestamp: number;
  json: string;
}

export interface Floor {
  /** A single-row insert in its own transaction. */
  write(payload: string): Promise<void> | void;
  /** Keeps a copy of an event, untimed, so lastFifty has the same rows to read. */
  copyEvent(event: FloorEvent): Promise<void> | void;
  /** The newest 50 copied events, without any decoding beyond what the storage returns. */
  lastFifty(key: [string, string, string]): Promise<unknown[]> | unknown[];
  rewriteBlob(history: unknown[]): Promise<void> | void;
  close(): Promise<void> | void;
}

export async function rawSqliteFloor(name: string, journal: 'wal' | 'delete' = 'wal'): Promise<Floor> {
  const { db, close } = await openOpfsConnection(name, { journal });
  db.exec(`
    CREATE TABLE IF NOT EXISTS floor (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS blob (id INTEGER PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS events (
      app_name TEXT, user_id TEXT, session_id TEXT, timestamp REAL, id TEXT, event_data TEXT,
      PRIMARY KEY (app_name, user_id, session_id, timestamp, id)) WITHOUT ROWID;`);
  const insert = db.prepare('INSERT INTO floor (payload) VALUES (?)');
  const upsert = db.prepare('INSERT OR REPLACE INTO blob (id, data) VALUES (1, ?)');
  const copy = db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)');
  const select = db.prepare(
    'SELECT event_data FROM events WHERE app_name = ? AND user_id = ? AND session_id = ? ORDER BY timestamp DESC, id DESC LIMIT 50',
  );
  const inTransaction = (stmt: typeof insert, values: (string | number)[]): void => {
    db.exec('BEGIN IMMEDIATE');
    stmt.bind(values).step();
    stmt.reset();
    db.exec('COMMIT');
  };
  return {
    write: (payload) => inTransaction(insert, [payload]),
    copyEvent: (e) => inTransaction(copy, [...e.key, e.timestamp, e.id, e.json]),
    lastFifty: (key) => {
      select.bind(key);
      const rows: string[] = [];
      while (select.step()) rows.push(select.getString(0) ?? '');
      select.reset();
      return rows;
    },
    rewriteBlob: (history) => inTransaction(upsert, [JSON.stringify(history)]),
    close: () => {
      for (const stmt of [insert, upsert, copy, select]) stmt.finalize();
      close();
    },
  };
}

export async function rawIndexedDbFloor(name: string): Promise<Floor> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('floor', { autoIncrement: true });
      request.result.createObjectStore('blob');
      request.result.createObjectStore('events', { keyPath: ['key', 'timestamp', 'id'] });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  const put = (store: string, value: unknown, key?: IDBValidKey): Promise<void> =>
    new Promise((resolve, reject) => {
      const tx = db.transaction(store, 'readwrite');
      tx.objectStore(store).put(value, key);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('put failed'));
    });
  return {
    write: (payload) => put('floor', { payload }),
    copyEvent: (e) => put('events', { key: e.key.join('\u0000'), timestamp: e.timestamp, id: e.id, event: JSON.parse(e.json) as unknown }),
    lastFifty: (key) =>
      new Promise<unknown[]>((resolve, reject) => {
        const prefix = key.join('\u0000');
        const range = IDBKeyRange.bound([prefix, -Infinity, ''], [prefix, Infinity, '\uffff']);
        const rows: unknown[] = [];
        const cursor = db.transaction('events', 'readonly').objectStore('events').openCursor(range, 'prev');
        cursor.onsuccess = () => {
          const current = cursor.result;
          if (!current || rows.length === 50) return resolve(rows);
          rows.push(current.value);
          current.continue();
        };
        cursor.onerror = () => reject(cursor.error ?? new Error('cursor failed'));
      }),
    rewriteBlob: (history) => put('blob', { history }, 1),
    close: () => db.close(),
  };
}
