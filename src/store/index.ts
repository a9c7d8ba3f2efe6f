import type { StoreDriver } from './driver';
import { InvalidArgumentError, StorageUnavailableError, StoreError } from './errors';
import { createSessionService } from './session-service';
import type { OpenSessionServiceOptions, SessionService, StoreSnapshot } from './types';

export * from './types';
export * from './errors';
export { APP_PREFIX, USER_PREFIX, TEMP_PREFIX } from './state';
export { emptySnapshot } from './snapshot/empty-snapshot';
export { validateSnapshot } from './snapshot/validate-snapshot';
export { messageText } from './search/message-text';

/** Checks an uploaded database file in a temporary database and reads it (loads SQLite on first use). */
export async function readHearthFile(bytes: Uint8Array, options: { maxBytes: number }): Promise<StoreSnapshot> {
  const { readHearthFile: read } = await import('./file/read-hearth-file');
  return read(bytes, options);
}

export const DEFAULT_STORE_NAME = 'hearth';

/**
 * Opens the session store. `auto` prefers SQLite on OPFS, then IndexedDB, and says why
 * in `notices`; if neither works it rejects with StorageUnavailableError rather than
 * keeping anyone's history in memory without telling them.
 */
export async function openSessionService(options: OpenSessionServiceOptions): Promise<SessionService> {
  const name = options.name ?? DEFAULT_STORE_NAME;
  if (!/^[\w-]{1,64}$/.test(name)) {
    throw new InvalidArgumentError('The store name may use letters, digits, "-" and "_" (at most 64).');
  }
  if (options.backend !== 'auto') return createSessionService({ driver: await openDriver(options.backend, name, options) });

  const notices: string[] = [];
  try {
    return createSessionService({ driver: await openDriver('sqlite-opfs', name, options) });
  } catch (error) {
    // Another tab holding the database is not a reason to write somewhere else:
    // that would split the user's history in two.
    if (!(error instanceof StorageUnavailableError) || error.code === 'storage-in-use') throw error;
    notices.push(`SQLite on OPFS is not available (${error.message}); using IndexedDB instead.`);
  }
  try {
    return createSessionService({ driver: await openDriver('indexeddb', name, options), notices });
  } catch (error) {
    if (error instanceof StoreError && error.code !== 'storage-unavailable') throw error;
    throw new StorageUnavailableError(
      'Hearth cannot store data in this browser: neither OPFS nor IndexedDB is available (private windows and some ' +
        'browser settings block them). You can continue with memory only, which is lost when the tab closes.',
      { cause: error },
    );
  }
}

async function openDriver(
  backend: Exclude<OpenSessionServiceOptions['backend'], 'auto'>,
  name: string,
  options: OpenSessionServiceOptions,
): Promise<StoreDriver> {
  switch (backend) {
    case 'memory': {
      const { createMemoryDriver } = await import('./memory/memory-driver');
      return createMemoryDriver();
    }
    case 'sqlite-memory': {
      const { openSqliteMemoryDriver } = await import('./sqlite/open-sqlite-memory');
      return openSqliteMemoryDriver();
    }
    case 'sqlite-opfs': {
      const { openSqliteOpfsDriver } = await import('./sqlite/open-sqlite-opfs');
      return openSqliteOpfsDriver(name);
    }
    case 'indexeddb': {
      const indexedDB = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
      const IDBKeyRange = options.IDBKeyRange ?? (globalThis as { IDBKeyRange?: typeof globalThis.IDBKeyRange }).IDBKeyRange;
      if (!indexedDB || !IDBKeyRange) throw new StorageUnavailableError('This browser has no IndexedDB.');
      const { openDexieDriver } = await import('./dexie/dexie-driver');
      return openDexieDriver({ name, indexedDB, IDBKeyRange });
    }
    default: {
      const unreachable: never = backend;
      throw new InvalidArgumentError(`Unknown storage back end "${String(unreachable)}".`);
    }
  }
}
