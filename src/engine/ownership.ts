/**
 * One tab owns the database: its engine holds a Web Lock. Another tab's engine does not
 * write; on "Use here" it asks the owner (over a BroadcastChannel) to let go, then waits
 * for the lock. A closed or crashed tab releases its lock by itself.
 */

export interface OwnershipDeps {
  /** null: no other tabs to coordinate with (tests, or a browser without Web Locks). */
  locks: LockManager | null;
  channel: BroadcastChannel | null;
  lockName: string;
  /** Called in the owner when another tab takes over; must close the store. */
  onReleaseRequested: () => Promise<void>;
}

export interface Ownership {
  /** Takes the lock if it is free. */
  tryAcquire(): Promise<boolean>;
  /** Asks the owner to let go and waits for the lock (rejects after `timeoutMs`). */
  takeOver(timeoutMs?: number): Promise<void>;
  release(): void;
  readonly owned: boolean;
}

export function createOwnership({ locks, channel, lockName, onReleaseRequested }: OwnershipDeps): Ownership {
  let release: (() => void) | undefined;
  let owned = false;

  const hold = (lock: Lock | null): Promise<void> | undefined => {
    if (!lock) return undefined;
    owned = true;
    return new Promise<void>((resolve) => {
      release = () => {
        owned = false;
        release = undefined;
        resolve();
      };
    });
  };

  channel?.addEventListener('message', (message: MessageEvent) => {
    if ((message.data as { type?: string })?.type !== 'release' || !owned) return;
    void onReleaseRequested().finally(() => release?.());
  });

  return {
    get owned() {
      return owned;
    },
    async tryAcquire() {
      if (!locks) {
        owned = true;
        return true;
      }
      let granted = false;
      await new Promise<void>((resolve, reject) => {
        locks
          .request(lockName, { ifAvailable: true }, (lock) => {
            granted = lock !== null;
            resolve();
            return hold(lock);
          })
          .catch(reject);
      });
      return granted;
    },
    async takeOver(timeoutMs = 10_000) {
      if (!locks || owned) {
        owned = true;
        return;
      }
      channel?.postMessage({ type: 'release' });
      await new Promise<void>((resolve, reject) => {
        locks
          .request(lockName, { signal: AbortSignal.timeout(timeoutMs) }, (lock) => {
            resolve();
            return hold(lock);
          })
          .catch((error: unknown) =>
            reject(
              new Error('The other tab did not let go of the database. Close Hearth there and try again.', { cause: error }),
            ),
          );
      });
    },
    release() {
      release?.();
      if (!locks) owned = false;
    },
  };
}
