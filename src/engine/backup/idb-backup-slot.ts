import type { BackupSlot } from './backup-slot';

const STORE = 'backup';
const KEY = 'before-import';

interface Kept {
  bytes: Uint8Array;
  createdAt: number;
}

/** The backup in its own small IndexedDB database, for browsers without OPFS. */
export function idbBackupSlot(name: string, factory: IDBFactory): BackupSlot {
  const open = (): Promise<IDBDatabase> =>
    new Promise((resolve, reject) => {
      const request = factory.open(`hearth-${name}-backup`, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
    });

  async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | undefined): Promise<T | undefined> {
    const db = await open();
    try {
      return await new Promise<T | undefined>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = work(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(request?.result);
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      });
    } finally {
      db.close();
    }
  }

  const load = (): Promise<Kept | undefined> => run<Kept | undefined>('readonly', (store) => store.get(KEY) as IDBRequest<Kept | undefined>);

  return {
    save: async (bytes, createdAt) => {
      await run('readwrite', (store) => store.put({ bytes, createdAt } satisfies Kept, KEY));
    },
    load,
    info: async () => {
      const kept = await load();
      return kept ? { createdAt: kept.createdAt, bytes: kept.bytes.length } : null;
    },
    clear: async () => {
      await run('readwrite', (store) => store.delete(KEY));
    },
  };
}
