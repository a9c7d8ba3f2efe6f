import type { StoreDriver } from '../driver';
import { connectDriver } from '../driver-rpc';
import { StorageUnavailableError } from '../errors';

/**
 * SQLite on OPFS (opfs-sahpool). Inside a dedicated worker (Hearth's engine) it runs in
 * that thread; from a page it starts its own worker, since sync access handles exist
 * only in dedicated workers.
 */
export async function openSqliteOpfsDriver(name: string): Promise<StoreDriver> {
  const scope = globalThis as { FileSystemSyncAccessHandle?: unknown; navigator?: { storage?: StorageManager }; Worker?: unknown };
  if (typeof scope.navigator?.storage?.getDirectory !== 'function') {
    throw new StorageUnavailableError('This browser has no Origin Private File System (OPFS).');
  }
  if (typeof scope.FileSystemSyncAccessHandle === 'function' && !('document' in globalThis)) {
    const { openOpfsInThread } = await import('./opfs-in-thread');
    return openOpfsInThread(name);
  }
  if (typeof scope.Worker !== 'function') {
    throw new StorageUnavailableError('This browser cannot start the database worker that OPFS needs.');
  }
  const worker = new Worker(new URL('./opfs-worker.ts', import.meta.url), { type: 'module', name: `hearth-db-${name}` });
  return connectDriver(worker, name);
}
