import type { Database } from '@sqlite.org/sqlite-wasm';
import { loadSqlite } from './sqlite-module';

/** Offsets of the file format's write and read versions in the database header. */
const WRITE_VERSION = 18;
const READ_VERSION = 19;
const LEGACY = 1;

/**
 * The database as one SQLite 3 file image, read through SQLite's pager so it includes
 * what the write-ahead log holds. The image is marked as a rollback-journal database:
 * it has no -wal file beside it, and a file that says WAL would make the sqlite3 CLI,
 * and Hearth's own upload check, look for one.
 */
export async function exportDatabaseBytes(db: Database): Promise<Uint8Array> {
  const sqlite3 = await loadSqlite();
  const bytes = sqlite3.capi.sqlite3_js_db_export(db);
  bytes[WRITE_VERSION] = LEGACY;
  bytes[READ_VERSION] = LEGACY;
  return bytes;
}
