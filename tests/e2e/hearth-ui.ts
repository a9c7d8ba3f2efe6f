// Shared steps for the UI specs: the app's address, a scripted model server per test, and
// the few actions every spec repeats (connect a model, start offline, send a message).
import type { Locator, Page } from '@playwright/test';
import { test as base, expect } from './fixtures';
import { startFakeModelServer, type FakeModelServer, type FakeModelServerOptions } from '../support/fake-model-server';

import { APP_URL, connectModel as connectTo, log, useBuiltIn } from './app-page';

export { APP_URL };
/** First run: choose the built-in assistant on the welcome screen. */
export const startBuiltIn = useBuiltIn;
export const APP_ORIGIN = new URL(APP_URL).origin;

/** `test` with a fresh scripted model server per test; `test.use({ modelOptions })` configures it. */
export const test = base.extend<{ modelOptions: FakeModelServerOptions; model: FakeModelServer }>({
  modelOptions: [{}, { option: true }],
  model: async ({ modelOptions }, use) => {
    const server = await startFakeModelServer(modelOptions);
    await use(server);
    await server.close();
  },
});

export { expect };

export const conversationLog = log;
export const settingsDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Settings' });
export const statusLine = (page: Page): Locator => page.getByRole('status', { name: 'Status' });
export const conversationNav = (page: Page): Locator => page.getByRole('navigation', { name: 'Conversations' });

/**
 * Opens the app on a fresh profile and waits until it has loaded (the welcome screen shows).
 * Saving settings before then races with the start-up's own apply (see chat-ui.spec.ts).
 */
export async function openFreshApp(page: Page): Promise<void> {
  await page.goto(APP_URL);
  await expect(page.getByRole('heading', { name: 'Welcome to Hearth' })).toBeVisible();
}

/** Fills the Settings dialog with a Custom provider; leaves it open. */
export async function fillCustomProvider(page: Page, options: { baseURL: string; apiKey: string; model?: string }): Promise<Locator> {
  const dialog = settingsDialog(page);
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'Custom' });
  await dialog.getByRole('textbox', { name: 'Base URL' }).fill(options.baseURL);
  // A password input has no ARIA role, so find it by its label.
  await dialog.getByLabel('API key').fill(options.apiKey);
  // The model field suggests the listed models (a datalist), so it is a combobox.
  await dialog.getByRole('combobox', { name: 'Model' }).fill(options.model ?? 'fake-model');
  return dialog;
}

/** Points the app at the scripted server through the Settings dialog and saves. */
export async function connectModel(page: Page, server: FakeModelServer, apiKey = 'sk-fake-key'): Promise<void> {
  await connectTo(page, server.baseURL, { apiKey });
  await expect(statusLine(page)).toContainText(`Model: fake-model · ${new URL(server.origin).host}`);
}

/** Types a message and presses Send; waits until the reply has finished. */
export async function sendMessage(page: Page, text: string, options: { waitForReply?: boolean } = {}): Promise<void> {
  const log = conversationLog(page);
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(log.getByRole('article', { name: 'You said' }).last()).toContainText(text);
  if (options.waitForReply ?? true) await expect(log).toHaveAttribute('aria-busy', 'false');
}
