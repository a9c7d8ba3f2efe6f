// How end-to-end tests drive Hearth: through the accessible names a screen-reader or
// keyboard user has, against the production build served by `vite preview`.
import { expect, type Locator, type Page } from '@playwright/test';

export const APP_URL = 'http://127.0.0.1:4173/';

export async function openApp(page: Page): Promise<void> {
  await page.goto(APP_URL);
  await expect(page.getByRole('status', { name: 'Status' })).toContainText('Storage: SQLite · OPFS');
}

export async function useBuiltIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start with the built-in assistant' }).click();
  await expect(page.getByRole('status', { name: 'Status' })).toContainText('Model: Built-in assistant');
}

/** Settings → Custom provider → the given OpenAI-compatible server. */
export async function connectModel(page: Page, baseURL: string, { apiKey = 'sk-test', model = 'fake-model' } = {}): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Provider').selectOption({ label: 'Custom' });
  await dialog.getByLabel('Base URL').fill(baseURL);
  await dialog.getByLabel(/^API key/).fill(apiKey);
  await dialog.getByLabel('Model').fill(model);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status', { name: 'Status' })).toContainText(`Model: ${model}`);
}

export const log = (page: Page): Locator => page.getByRole('log', { name: 'Conversation' });

/** Sends a message with Enter and waits until the whole reply is stored and shown. */
export async function say(page: Page, text: string): Promise<void> {
  const before = await log(page).getByRole('article', { name: 'Hearth said' }).count();
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(log(page).getByRole('article', { name: 'You said' }).last()).toHaveText(new RegExp(escape(text)));
  await expect(log(page)).toHaveAttribute('aria-busy', 'false');
  await expect(log(page).getByRole('article', { name: 'Hearth said' })).toHaveCount(before + 1);
}

export const lastReply = (page: Page): Locator => log(page).getByRole('article', { name: 'Hearth said' }).last();

export const reminders = (page: Page): Locator => page.getByRole('region', { name: 'Reminders' }).getByRole('listitem');

/** The reminder texts in the memory panel, in order. */
export async function reminderTexts(page: Page): Promise<string[]> {
  return reminders(page).locator('.text').allInnerTexts();
}

export async function newChat(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'New chat' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New chat');
}

/** Reload, as a user closing and reopening the app; waits for the store to be open again. */
export async function reopen(page: Page): Promise<void> {
  await page.reload();
  await expect(page.getByRole('status', { name: 'Status' })).toContainText('Storage: SQLite · OPFS');
  await expect(page.getByRole('navigation', { name: 'Conversations' }).getByRole('listitem').first()).not.toHaveText('Loading…');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
