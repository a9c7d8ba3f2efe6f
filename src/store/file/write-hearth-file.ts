import { loadSqlite } from '../sqlite/sqlite-module';
import { migrate } from '../sqlite/schema';
import { writeSnapshot } from '../sqlite/sqlite-snapshot';
import { Statements } from '../sqlite/statements';
import type { StoreSnapshot } from '../types';

/**
 * A SQLite database file holding `snapshot`, with the schema the SQLite back end uses:
 * how back ends that are not SQLite download the same file format, and how a backup
 * is kept before an import.
 */
export async function writeHearthFile(snapshot: StoreSnapshot): Promise<Uint8Array> {
  const sqlite3 = await loadSqlite();
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  const sql = new Statements(db);
  try {
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db);
    db.transaction(() => writeSnapshot(sql, (script) => db.exec(script), snapshot, 'replace'));
    return sqlite3.capi.sqlite3_js_db_export(db);
  } finally {
    sql.finalizeAll();
    db.close();
  }
}
