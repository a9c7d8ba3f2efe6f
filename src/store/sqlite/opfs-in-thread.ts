import type { Database, SAHPoolUtil } from '@sqlite.org/sqlite-wasm';
import type { StoreDriver } from '../driver';
import { StorageUnavailableError, StoreError } from '../errors';
import { loadSqlite } from './sqlite-module';
import { migrate } from './schema';
import { createSqliteDriver } from './sqlite-driver';
import { acquireLock } from './web-lock';

/** The database file inside the pool. */
export const OPFS_DB_FILE = '/hearth.sqlite3';

/** Each store name gets its own pool directory: sahpool allows one connection per directory. */
export const opfsDirectory = (name: string): string => `.hearth-${name}`;

const IN_USE =
  'Hearth is open in another tab or window, which holds the database. Close it there (or choose "Use here" in this tab) to continue.';

const pools = new Map<string, SAHPoolUtil>();

export interface OpfsConnection {
  db: Database;
  /** Closes the database, releases the pool's file handles and the lock. */
  close(): void;
}

/**
 * Opens the SQLite file of store `name` on the opfs-sahpool VFS in this thread, which
 * must be a dedicated worker (sync access handles exist nowhere else), holding the
 * pool directory's Web Lock for as long as it is open.
 */
export interface OpfsConnectionOptions {
  file?: string;
  /** Hearth uses 'wal'; 'delete' (SQLite's default rollback journal) exists for the benchmark's comparison. */
  journal?: 'wal' | 'delete';
}

export async function openOpfsConnection(
  name: string,
  { file = OPFS_DB_FILE, journal = 'wal' }: OpfsConnectionOptions = {},
): Promise<OpfsConnection> {
  const directory = opfsDirectory(name);
  // Named after the directory, not the file: the pool holds every file in it.
  const release = await acquireLock(`hearth:opfs-sahpool:${directory}`, IN_USE);
  try {
    const pool = await installPool(name, directory);
    // db + WAL + journal + temp files each take a slot; a full pool fails with a bare SQLITE_CANTOPEN.
    await pool.reserveMinimumCapacity(6);
    const db = new pool.OpfsSAHPoolDb(file);
    try {
      // Measured (README, "Durability"): WAL + EXCLUSIVE is ~10x cheaper per commit than the
      // rollback journal and still survives a killed tab. EXCLUSIVE must come first, before
      // any read: sahpool has no shared memory for a WAL index.
      db.exec('PRAGMA locking_mode = EXCLUSIVE');
      db.exec(journal === 'wal' ? 'PRAGMA journal_mode = WAL' : 'PRAGMA journal_mode = DELETE');
      // NORMAL is safe in WAL mode against a killed process (only power loss can undo the
      // last commits); with a rollback journal only FULL is, so the comparison uses that.
      db.exec(journal === 'wal' ? 'PRAGMA synchronous = NORMAL' : 'PRAGMA synchronous = FULL');
      db.exec('PRAGMA foreign_keys = ON');
    } catch (error) {
      db.close();
      pool.pauseVfs();
      throw error;
    }
    return {
      db,
      close: () => {
        if (db.isOpen()) db.close();
        pool.pauseVfs();
        release();
      },
    };
  } catch (error) {
    release();
    throw error instanceof StoreError
      ? error
      : new StorageUnavailableError('The on-device database (SQLite on OPFS) could not be opened in this browser.', {
          cause: error,
        });
  }
}

/** The store's driver on OPFS, in this (dedicated worker) thread. */
export async function openOpfsInThread(name: string): Promise<StoreDriver> {
  const connection = await openOpfsConnection(name);
  try {
    migrate(connection.db);
  } catch (error) {
    connection.close();
    throw error instanceof StoreError
      ? error
      : new StorageUnavailableError('The on-device database could not be prepared.', { cause: error });
  }
  return createSqliteDriver({ db: connection.db, backend: 'sqlite-opfs', onClose: connection.close });
}

async function installPool(name: string, directory: string): Promise<SAHPoolUtil> {
  const existing = pools.get(name);
  if (existing) {
    if (existing.isPaused()) await existing.unpauseVfs();
    return existing;
  }
  const sqlite3 = await loadSqlite();
  const options = {
    name: `hearth-sahpool-${name}`,
    directory,
    // By default a failed install deletes the pool directory: never do that to user data.
    preserveOnInitFailure: true,
    // A failure is otherwise cached for the worker's life, so "Use here" could never retry.
    forceReinitIfPreviouslyFailed: true,
  };
  const pool = await sqlite3.installOpfsSAHPoolVfs(options);
  pools.set(name, pool);
  return pool;
}
