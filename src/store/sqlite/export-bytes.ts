import type { Database } from '@sqlite.org/sqlite-wasm';
import { openImage } from './open-image';
import { loadSqlite } from './sqlite-module';

/** Offsets of the file format's write and read versions in the database header. */
const WRITE_VERSION = 18;
const READ_VERSION = 19;
const LEGACY = 1;

/**
 * The database as one SQLite 3 file image, read through SQLite's pager so it includes
 * what the write-ahead log holds. When the database has free pages (rows deleted since,
 * e.g. by "Delete everything" or a replacing import), the image is vacuumed in memory
 * first: a download never carries deleted data, nor the space it took. The image is
 * marked as a rollback-journal database: it has no -wal file beside it, and a file that
 * says WAL would make the sqlite3 CLI, and Hearth's own upload check, look for one.
 */
export async function exportDatabaseBytes(db: Database): Promise<Uint8Array> {
  const sqlite3 = await loadSqlite();
  let bytes = sqlite3.capi.sqlite3_js_db_export(db);
  if (Number(db.selectValue('PRAGMA freelist_count')) > 0) {
    const copy = openImage(sqlite3, bytes);
    try {
      copy.exec('VACUUM');
      bytes = sqlite3.capi.sqlite3_js_db_export(copy);
    } finally {
      copy.close();
    }
  }
  bytes[WRITE_VERSION] = LEGACY;
  bytes[READ_VERSION] = LEGACY;
  return bytes;
}
