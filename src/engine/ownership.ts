import { holdLock } from '../shared/hold-lock';

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
  // Without Web Locks there is no other tab to share with: this engine owns the database.
  let owned = false;

  channel?.addEventListener('message', (message: MessageEvent) => {
    if ((message.data as { type?: string })?.type !== 'release' || !owned) return;
    void onReleaseRequested().finally(() => ownership.release());
  });

  const ownership: Ownership = {
    get owned() {
      return owned;
    },
    async tryAcquire() {
      if (locks) release = (await holdLock(locks, lockName, { ifAvailable: true })) ?? undefined;
      owned = !locks || release !== undefined;
      return owned;
    },
    async takeOver(timeoutMs = 10_000) {
      if (owned) return;
      if (locks) {
        channel?.postMessage({ type: 'release' });
        try {
          release = (await holdLock(locks, lockName, { signal: AbortSignal.timeout(timeoutMs) })) ?? undefined;
        } catch (error) {
          throw new Error('The other tab did not let go of the database. Close Hearth there and try again.', { cause: error });
        }
      }
      owned = true;
    },
    release() {
      release?.();
      release = undefined;
      owned = false;
    },
  };
  return ownership;
}
