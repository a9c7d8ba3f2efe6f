// Hearth's service worker: precaches everything the app needs to start (shell, engine
// worker, SQLite's WASM) so it starts with no network, and opens Hearth from a reminder
// notification. A new version waits until the page asks it to take over (the update prompt).
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Any navigation inside the scope gets the app shell (works under a sub-path: URLs are relative).
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

// The first install controls the open page at once; later versions only when accepted.
clientsClaim();

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('notificationclick', (event: NotificationEvent) => {
  event.notification.close();
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((w) => w.url.startsWith(self.registration.scope));
      if (open) await open.focus();
      else await self.clients.openWindow(self.registration.scope);
    })(),
  );
});
