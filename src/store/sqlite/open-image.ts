import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';

/**
 * A private, writable in-memory database holding a copy of a database file's bytes
 * (sqlite3_deserialize). Throws SQLite's error when the bytes cannot be opened.
 */
export function openImage(sqlite3: Sqlite3Static, bytes: Uint8Array): Database {
  const { capi, wasm } = sqlite3;
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  const pointer = wasm.allocFromTypedArray(bytes);
  const flags = capi.SQLITE_DESERIALIZE_FREEONCLOSE | capi.SQLITE_DESERIALIZE_RESIZEABLE;
  const rc = capi.sqlite3_deserialize(db, 'main', pointer, bytes.length, bytes.length, flags);
  if (rc !== 0) {
    db.close();
    throw new Error(`SQLite could not open the file image (${capi.sqlite3_js_rc_str(rc) ?? rc}).`);
  }
  return db;
}
