// The installable, offline app against the production build: manifest, service worker,
// offline start with history and reminders, the update prompt (never mid-reply), due-time
// notifications, and no request to anyone but the app and the chosen model endpoint.
import { fileURLToPath } from 'node:url';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server';
import { serveStatic, type StaticServer } from '../support/static-server';
import { APP_URL, connectModel, lastReply, log, openApp, reminderTexts, say, useBuiltIn } from './app-page';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

async function controlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('the manifest is valid and installable, and the service worker controls the page after the first load', async ({ page, request }) => {
  await openApp(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(href!, APP_URL);
  const manifest = (await (await request.get(manifestUrl.href)).json()) as Record<string, unknown> & {
    icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
  };
  expect(manifest).toMatchObject({ name: 'Hearth', short_name: 'Hearth', display: 'standalone', start_url: './', scope: './' });
  expect(manifest.description).toMatch(/remembers you/);
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  const icons = manifest.icons;
  expect(icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of icons) {
    const response = await request.get(new URL(icon.src, manifestUrl).href);
    expect(response.headers()['content-type']).toBe('image/png');
    const png = await response.body();
    // A PNG's width and height sit at bytes 16–23 of its IHDR chunk.
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
  }
  await controlled(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
  expect(scope).toBe(APP_URL);
});

test('offline: a reload starts the app with its history and reminders, and the built-in assistant keeps working', async ({ page, context }) => {
  await openApp(page);
  await useBuiltIn(page);
  await say(page, 'Remind me to buy milk');
  await controlled(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('status', { name: 'Status' })).toContainText('Offline');
  await expect(log(page)).toContainText('Remind me to buy milk');
  expect(await reminderTexts(page)).toEqual(['buy milk']);
  await say(page, 'Remind me to call mom');
  await expect(lastReply(page)).toContainText('call mom');

  await context.setOffline(false);
  await page.reload();
  await expect(page.getByRole('status', { name: 'Status' })).toContainText('Online');
  await expect.poll(() => reminderTexts(page)).toEqual(['buy milk', 'call mom']);
});

test('offline with a remote model: the composer says the endpoint is unreachable, keeps the draft, and the built-in assistant answers', async ({ page, context }) => {
  const server = await startFakeModelServer();
  try {
    await openApp(page);
    await connectModel(page, server.baseURL);
    await controlled(page);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: 'model endpoint is unreachable' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Message' }).fill('Remind me to charge the phone');
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('Remind me to charge the phone');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(lastReply(page)).toContainText('charge the phone');
    expect(server.chatRequests()).toHaveLength(0);
  } finally {
    await server.close();
  }
});

test.describe('a new version', () => {
  let site: StaticServer;
  let model: FakeModelServer;
  test.beforeEach(async () => {
    site = await serveStatic(DIST, '/hearth/');
    model = await startFakeModelServer();
  });
  test.afterEach(async () => {
    await site.close();
    await model.close();
  });

  /** Stages build 2: a changed index.html, and a service worker whose precache knows it. */
  function deployBuild2(): void {
    site.transform = (path, body) => {
      if (path === 'index.html') return Buffer.from(body.toString().replace('</head>', '<meta name="hearth-build" content="2"></head>'));
      if (path === 'sw.js') {
        const text = body.toString();
        const next = text.replace(/("revision":")[0-9a-f]+(","url":"index\.html")/, '$1build2$2');
        if (next === text) throw new Error('sw.js has no index.html precache entry to change');
        return Buffer.from(next);
      }
      return body;
    };
  }

  const checkForUpdate = (page: Page) => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

  test('waits behind an "Update available — Reload" prompt, served from a sub-path, and reloads onto it with data intact', async ({ page }) => {
    await page.goto(site.url);
    await useBuiltIn(page);
    await say(page, 'Remind me to water the plants');
    await controlled(page);

    deployBuild2();
    await checkForUpdate(page);
    const prompt = page.getByRole('alert').filter({ hasText: 'Update available' });
    await expect(prompt).toBeVisible();
    // Nothing changed under the user's feet while the prompt waits.
    await expect(page.locator('meta[name="hearth-build"]')).toHaveCount(0);

    await prompt.getByRole('button', { name: 'Reload' }).click();
    await expect(page.locator('meta[name="hearth-build"]')).toHaveAttribute('content', '2');
    await expect.poll(() => reminderTexts(page)).toEqual(['water the plants']);
    await expect(log(page)).toContainText('Remind me to water the plants');
  });

  test('accepted during a reply, the reload waits until the reply is stored', async ({ page }) => {
    await page.goto(site.url);
    await connectModel(page, model.baseURL);
    await controlled(page);
    let release!: () => void;
    model.enqueue({ text: ['Working on it', ' — done.'], hold: new Promise<void>((resolve) => (release = resolve)) });
    await page.getByRole('textbox', { name: 'Message' }).fill('Tell me something');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(log(page)).toContainText('Working on it');

    deployBuild2();
    await checkForUpdate(page);
    await page.getByRole('alert').filter({ hasText: 'Update available' }).getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'reloads when this reply finishes' })).toBeVisible();
    await expect(page.locator('meta[name="hearth-build"]')).toHaveCount(0);

    release();
    await expect(page.locator('meta[name="hearth-build"]')).toHaveAttribute('content', '2');
    await expect(log(page)).toContainText('Working on it — done.');
  });
});

test('a reminder due in a few seconds produces a notification through the service worker', async ({ page, context }) => {
  const server = await startFakeModelServer();
  try {
    await context.grantPermissions(['notifications'], { origin: new URL(APP_URL).origin });
    // Record what reaches the registration (headless Chromium has no notification centre to read back).
    await context.addInitScript(() => {
      const shown: Array<{ title: string; body?: string }> = [];
      (window as unknown as { __shown: typeof shown }).__shown = shown;
      const original = ServiceWorkerRegistration.prototype.showNotification;
      ServiceWorkerRegistration.prototype.showNotification = function (title, options) {
        shown.push({ title, ...(options?.body ? { body: options.body } : {}) });
        return original.call(this, title, options);
      };
    });
    await openApp(page);
    await connectModel(page, server.baseURL);
    await controlled(page);
    const due = new Date(Date.now() + 4000).toISOString();
    server.enqueue({ toolCalls: [{ name: 'add_reminder', arguments: JSON.stringify({ reminder: 'stretch', due }) }] }, { text: ['I will remind you.'] });
    await say(page, 'Remind me to stretch in a few seconds');
    expect(await reminderTexts(page)).toEqual(['stretch']);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __shown: unknown[] }).__shown), { timeout: 15_000 }).toEqual([
      { title: 'Hearth reminder', body: 'stretch' },
    ]);
    await expect(page.getByRole('alert', { name: 'Due reminders' })).toContainText('Due now: stretch');
    await expect(page.getByRole('region', { name: 'Reminders' })).toContainText('overdue');
  } finally {
    await server.close();
  }
});

test('reminders that fell due while Hearth was closed are shown as overdue when it opens', async ({ page, context }) => {
  const server = await startFakeModelServer();
  try {
    await openApp(page);
    await connectModel(page, server.baseURL);
    const due = new Date(Date.now() + 1500).toISOString();
    server.enqueue({ toolCalls: [{ name: 'add_reminder', arguments: JSON.stringify({ reminder: 'take the bins out', due }) }] }, { text: ['Noted.'] });
    await say(page, 'Remind me to take the bins out shortly');
    await page.close();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const again = await context.newPage();
    await again.goto(APP_URL);
    await expect(again.getByRole('alert', { name: 'Due reminders' })).toContainText('while Hearth was closed');
    await expect(again.getByRole('alert', { name: 'Due reminders' })).toContainText('take the bins out');
  } finally {
    await server.close();
  }
});

test('across a whole session, every request goes to the app or the chosen model endpoint', async ({ page, context }) => {
  const server = await startFakeModelServer({ models: ['fake-model', 'other-model'] });
  const origins = new Set<string>();
  context.on('request', (request) => void origins.add(new URL(request.url()).origin));
  try {
    await openApp(page);
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByLabel('Provider').selectOption({ label: 'Custom' });
    await dialog.getByLabel('Base URL').fill(server.baseURL);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByRole('status')).toContainText('other-model');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await connectModel(page, server.baseURL);
    server.enqueue({ toolCalls: [{ name: 'update_user_name', arguments: '{"name":"Ada"}' }] }, { text: ['Hello Ada! See [the docs](https://example.org/docs) and ![x](https://example.org/x.png).'] });
    await say(page, 'I am Ada');
    await page.reload();
    await expect(lastReply(page)).toContainText('Hello Ada!');
    await controlled(page);
    expect([...origins].sort()).toEqual([new URL(APP_URL).origin, server.origin].sort());
  } finally {
    await server.close();
  }
});
