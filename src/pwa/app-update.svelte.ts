import { Workbox } from 'workbox-window';

/**
 * The service worker's registration and the "Update available" state. A new version
 * waits until the user accepts; the page then reloads onto it, never mid-reply.
 */
export class AppUpdate {
  /** A new version is installed and waiting. */
  available = $state(false);
  /** The user accepted; the reload waits for the running reply to finish. */
  accepted = $state(false);
  registration = $state.raw<ServiceWorkerRegistration | null>(null);
  error = $state<string | null>(null);

  #workbox: Workbox | null = null;

  /** Registers the service worker relative to the page, so a sub-path deployment works. */
  start(url = './sw.js'): void {
    if (!('serviceWorker' in navigator)) return;
    const workbox = new Workbox(url, { scope: './' });
    this.#workbox = workbox;
    workbox.addEventListener('waiting', () => (this.available = true));
    // Once the accepted version controls the page, load the page it belongs to. (Not
    // `event.isUpdate`: it only says whether a worker controlled the page at registration,
    // so it is false for an update found later in the same page's life.)
    workbox.addEventListener('controlling', () => {
      if (this.accepted) location.reload();
    });
    workbox.register().then(
      (registration) => {
        this.registration = registration ?? null;
        // Look for a new version when the user comes back to the app, and hourly.
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'visible') void this.check();
        });
        setInterval(() => void this.check(), 60 * 60 * 1000);
      },
      (error: unknown) => {
        this.error = `Offline use is not available: the service worker could not be registered (${error instanceof Error ? error.message : String(error)}).`;
      },
    );
  }

  async check(): Promise<void> {
    try {
      await this.#workbox?.update();
    } catch {
      // Offline or the server is away: the next check will try again.
    }
  }

  /** The user accepted the waiting version; UpdatePrompt activates it once no reply is running. */
  accept(): void {
    this.accepted = true;
  }

  activate(): void {
    this.#workbox?.messageSkipWaiting();
  }
}
