import type { StoreDriver } from '../driver';
import { StorageUnavailableError, StoreError } from '../errors';
import { loadSqlite } from './sqlite-module';
import { migrate } from './schema';
import { createSqliteDriver } from './sqlite-driver';

/** SQLite in memory: the same SQL as on OPFS, for tests and for building export files. */
export async function openSqliteMemoryDriver(): Promise<StoreDriver> {
  let sqlite3;
  try {
    sqlite3 = await loadSqlite();
  } catch (cause) {
    throw new StorageUnavailableError('SQLite could not be loaded in this browser.', { cause });
  }
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  try {
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error instanceof StoreError ? error : new StorageUnavailableError('The in-memory database could not be set up.', { cause: error });
  }
  return createSqliteDriver({ db, backend: 'sqlite-memory' });
}
