// What the product promises: a committed write survives a killed browser, and memory
// survives a restart. Each back end is written to from a page, the whole browser is
// SIGKILLed mid-write, started again on the same profile, and the data is checked.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Harness } from '../harness/harness';
import { removeProfile, startBrowser, stopBrowser } from './browser-process';

const HARNESS_URL = 'http://127.0.0.1:4174/';

declare global {
  var hearth: Harness;
}

async function openHarness(browser: Browser): Promise<Page> {
  const context = browser.contexts()[0] ?? (await browser.newContext());
  const page = await context.newPage();
  await page.goto(HARNESS_URL);
  await page.waitForFunction(() => globalThis.hearth?.ready === true);
  return page;
}

for (const backend of ['sqlite-opfs', 'indexeddb'] as const) {
  test(`${backend}: every acknowledged append survives a SIGKILL of the browser mid-write`, async () => {
    const profile = await mkdtemp(join(tmpdir(), `hearth-kill-${backend}-`));
    try {
      let running = await startBrowser(profile);
      let page = await openHarness(running.browser);
      const acked: number[] = [];
      page.on('console', (message) => {
        const match = /^acked (\d+)$/.exec(message.text());
        if (match) acked.push(Number(match[1]));
      });
      // Append without end; each acknowledged append is reported at once.
      await page.evaluate(async (backendName) => {
        const store = await globalThis.hearth.store.openSessionService({ backend: backendName, name: 'durability' });
        const session = await store.createSession({ appName: 'hearth', userId: 'me', sessionId: 'chat' });
        void (async () => {
          for (let i = 1; ; i++) {
            await store.appendEvent({
              session,
              event: {
                id: `e${String(i).padStart(6, '0')}`,
                invocationId: `inv-${i}`,
                author: 'user',
                timestamp: 1_760_000_000_000 + i,
                content: { role: 'user', parts: [{ text: `message ${i} `.repeat(20) }] },
                actions: { stateDelta: { 'user:count': i, count: i } },
              },
            });
            console.log(`acked ${i}`);
          }
        })();
      }, backend);
      await expect.poll(() => acked.length, { timeout: 60_000 }).toBeGreaterThan(200);
      await running.kill();
      const lastAcked = Math.max(...acked);

      running = await startBrowser(profile);
      page = await openHarness(running.browser);
      const after = await page.evaluate(async (backendName) => {
        const store = await globalThis.hearth.store.openSessionService({ backend: backendName, name: 'durability' });
        const session = await store.getSession({ appName: 'hearth', userId: 'me', sessionId: 'chat' });
        const user = await store.getUserState({ appName: 'hearth', userId: 'me' });
        await store.close();
        return { ids: session?.events.map((e) => e.id) ?? [], state: session?.state, user, backend: store.backend };
      }, backend);
      await stopBrowser(running);

      expect(after.backend).toBe(backend);
      const stored = after.ids.length;
      // Nothing acknowledged is lost. More may be stored: acks still in flight to the test
      // when the browser died were committed all the same.
      expect(stored).toBeGreaterThanOrEqual(lastAcked);
      // No gaps and no torn writes: ids are contiguous, and state matches the last stored event.
      expect(after.ids).toEqual(Array.from({ length: stored }, (_, k) => `e${String(k + 1).padStart(6, '0')}`));
      expect(after.user).toEqual({ count: stored });
      expect(after.state).toEqual({ 'user:count': stored, count: stored });
    } finally {
      await removeProfile(profile);
    }
  });

  test(`${backend}: name, reminders and history survive a browser restart`, async () => {
    const profile = await mkdtemp(join(tmpdir(), `hearth-restart-${backend}-`));
    try {
      let running = await startBrowser(profile);
      let page = await openHarness(running.browser);
      await page.evaluate(async (backendName) => {
        const store = await globalThis.hearth.store.openSessionService({ backend: backendName, name: 'restart' });
        const session = await store.createSession({ appName: 'hearth', userId: 'me', sessionId: 'first-chat' });
        await store.appendEvent({
          session,
          event: {
            invocationId: 'inv-1',
            author: 'reminder_agent',
            content: { role: 'model', parts: [{ functionCall: { id: 'c1', name: 'update_user_name', args: { name: 'Arvind Mehta' } } }] },
            actions: { stateDelta: { 'user:name': 'Arvind Mehta', 'user:reminders': [{ id: 'r1', text: 'buy milk', createdAt: 1 }] } },
          },
        });
        await store.close();
      }, backend);
      await stopBrowser(running);

      running = await startBrowser(profile);
      page = await openHarness(running.browser);
      const after = await page.evaluate(async (backendName) => {
        const store = await globalThis.hearth.store.openSessionService({ backend: backendName, name: 'restart' });
        const old = await store.getSession({ appName: 'hearth', userId: 'me', sessionId: 'first-chat' });
        const fresh = await store.createSession({ appName: 'hearth', userId: 'me' });
        await store.close();
        return { events: old?.events.length, state: fresh.state };
      }, backend);
      await stopBrowser(running);
      expect(after.events).toBe(1);
      expect(after.state).toEqual({ 'user:name': 'Arvind Mehta', 'user:reminders': [{ id: 'r1', text: 'buy milk', createdAt: 1 }] });
    } finally {
      await removeProfile(profile);
    }
  });
}
