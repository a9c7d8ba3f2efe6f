// The floors: the cheapest raw write on each storage, and the common chat-app pattern of
// one JSON blob holding the whole history, rewritten on every message.
import { openOpfsConnection } from '../../src/store/sqlite/opfs-in-thread';

export interface Floor {
  write(payload: string): Promise<void> | void;
  rewriteBlob(history: unknown[]): Promise<void> | void;
  close(): Promise<void> | void;
}

/** A raw single-row INSERT transaction on a second database of the same VFS and pragmas. */
export async function rawSqliteFloor(name: string): Promise<Floor> {
  const { db, close } = await openOpfsConnection(name);
  db.exec('CREATE TABLE IF NOT EXISTS floor (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)');
  db.exec('CREATE TABLE IF NOT EXISTS blob (id INTEGER PRIMARY KEY, data TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO floor (payload) VALUES (?)');
  const upsert = db.prepare('INSERT OR REPLACE INTO blob (id, data) VALUES (1, ?)');
  const inTransaction = (stmt: typeof insert, value: string): void => {
    db.exec('BEGIN IMMEDIATE');
    stmt.bind([value]).step();
    stmt.reset();
    db.exec('COMMIT');
  };
  return {
    write: (payload) => inTransaction(insert, payload),
    rewriteBlob: (history) => inTransaction(upsert, JSON.stringify(history)),
    close: () => {
      insert.finalize();
      upsert.finalize();
      close();
    },
  };
}

/** A raw IndexedDB put in its own transaction, waiting for it to commit. */
export async function rawIndexedDbFloor(name: string): Promise<Floor> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('floor', { autoIncrement: true });
      request.result.createObjectStore('blob');
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
    rewriteBlob: (history) => put('blob', { history }, 1),
    close: () => db.close(),
  };
}
