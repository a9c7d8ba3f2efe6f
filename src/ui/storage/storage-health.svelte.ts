/**
 * Whether the browser may evict Hearth's data, and how much space it uses. Persistence is
 * requested once, at the first write, from the page (browsers grant it to pages, and
 * more readily to installed apps).
 */
export class StorageHealth {
  persisted = $state<boolean | null>(null);
  usage = $state<number | null>(null);
  quota = $state<number | null>(null);
  readonly supported = typeof navigator !== 'undefined' && 'storage' in navigator && typeof navigator.storage.persist === 'function';

  #asked = false;

  async refresh(): Promise<void> {
    if (!this.supported) return;
    this.persisted = await navigator.storage.persisted();
    const estimate = await navigator.storage.estimate();
    this.usage = estimate.usage ?? null;
    this.quota = estimate.quota ?? null;
  }

  /** Asks once per page; the browser remembers a grant. */
  async requestPersistence(): Promise<void> {
    if (!this.supported || this.#asked) return;
    this.#asked = true;
    if (!(await navigator.storage.persisted())) await navigator.storage.persist();
    await this.refresh();
  }
}
