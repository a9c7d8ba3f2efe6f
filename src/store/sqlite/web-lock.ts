import { StorageUnavailableError } from '../errors';

/**
 * Takes a Web Lock without waiting and holds it until the returned release is called.
 * A closed or crashed tab releases its locks by itself.
 */
export async function acquireLock(name: string, inUseMessage: string): Promise<() => void> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks) throw new StorageUnavailableError('This browser has no Web Locks, which Hearth needs to keep tabs from overwriting each other.');
  return new Promise<() => void>((resolve, reject) => {
    locks
      .request(name, { ifAvailable: true }, (lock) => {
        if (!lock) {
          reject(new StorageUnavailableError(inUseMessage, { code: 'storage-in-use' }));
          return undefined;
        }
        return new Promise<void>((release) => resolve(release));
      })
      .catch(reject);
  });
}
