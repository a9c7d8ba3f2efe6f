import { holdLock } from '../../shared/hold-lock';
import { StorageUnavailableError } from '../errors';

/** Takes a Web Lock without waiting, or fails with `storage-in-use`. */
export async function acquireLock(name: string, inUseMessage: string): Promise<() => void> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks) throw new StorageUnavailableError('This browser has no Web Locks, which Hearth needs to keep tabs from overwriting each other.');
  const release = await holdLock(locks, name, { ifAvailable: true });
  if (!release) throw new StorageUnavailableError(inUseMessage, { code: 'storage-in-use' });
  return release;
}
