/**
 * Requests a Web Lock and holds it until the returned release is called; resolves to
 * null when `ifAvailable` is set and another context holds it. A closed or crashed tab
 * releases its locks by itself.
 */
export function holdLock(
  locks: LockManager,
  name: string,
  options: { ifAvailable: true } | { signal: AbortSignal },
): Promise<(() => void) | null> {
  return new Promise((resolve, reject) => {
    locks
      .request(name, options, (lock) => {
        if (!lock) {
          resolve(null);
          return undefined;
        }
        return new Promise<void>((release) => resolve(release));
      })
      .catch(reject);
  });
}
