// "Your data" end to end, against the production build: the database file (download,
// upload into a new browser profile, undo, six kinds of bad file), conversation exports
// (JSON round trip, Markdown, CSV), search across conversations, stats, delete everything.
import { readFile, writeFile, truncate, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3InitModule from '@sqlite.org/sqlite-wasm';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { MAX_DATABASE_FILE_BYTES } from '../../src/protocol/protocol';
import { log, newChat, openApp, reminderTexts, reopen, say, useBuiltIn } from './app-page';

const yourData = (page: Page): Locator => page.getByRole('dialog', { name: 'Your data' });
const memoryName = (page: Page): Locator => page.getByRole('region', { name: 'Memory' }).getByTestId('user-name');
const conversationTitles = (page: Page): Promise<string[]> =>
  page.getByRole('navigation', { name: 'Conversations' }).getByRole('listitem').locator('.title').allInnerTexts();

async function openYourData(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Your data' }).first().click();
  await expect(yourData(page)).toBeVisible();
  return yourData(page);
}

/** Clicks something that downloads a file; returns its name and bytes. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

async function downloadDatabase(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const dialog = await openYourData(page);
  const file = await download(page, () => dialog.getByRole('button', { name: 'Download database' }).click());
  await dialog.getByRole('button', { name: 'Close' }).click();
  return file;
}

/** Uploads a file (a path, or bytes written to a temporary file) and returns the dialog. */
async function upload(page: Page, file: string | Buffer, mode: 'Replace my data' | 'Merge with my data' = 'Replace my data'): Promise<Locator> {
  const dialog = await openYourData(page);
  await dialog.getByRole('radio', { name: mode }).check();
  const path = typeof file === 'string' ? file : join(await mkdtemp(join(tmpdir(), 'hearth-upload-')), 'upload.sqlite3');
  if (typeof file !== 'string') await writeFile(path, file);
  await dialog.getByLabel('Upload database').setInputFiles(path);
  return dialog;
}

/** Name, reminders and conversations: what a user checks after moving their data. */
async function snapshot(page: Page) {
  return { name: await memoryName(page).innerText(), reminders: await reminderTexts(page), titles: (await conversationTitles(page)).sort() };
}

/** Two conversations with the built-in assistant: a name, a reminder, and tea. */
async function makeHistory(page: Page): Promise<void> {
  await openApp(page);
  await useBuiltIn(page);
  await say(page, 'My name is Ada');
  await say(page, 'Remind me to buy oat milk');
  await newChat(page);
  await say(page, 'I would love some jasmine tea');
  await expect(memoryName(page)).toHaveText('Ada');
}

test('download, then upload into a new browser profile: name, reminders and history are back', async ({ page, browser }) => {
  await makeHistory(page);
  // A key saved in Settings must never reach the file.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Provider').selectOption({ label: 'Custom' });
  await settings.getByLabel('Base URL').fill('http://127.0.0.1:9/v1');
  await settings.getByLabel(/^API key/).fill('sk-e2e-secret-4711');
  await settings.getByLabel('Model').fill('fake-model');
  await settings.getByRole('button', { name: 'Save' }).click();
  const before = await snapshot(page);

  const file = await downloadDatabase(page);
  expect(file.name).toMatch(/^hearth-\d{4}-\d{2}-\d{2}\.sqlite3$/);
  expect(file.bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
  expect(file.bytes.includes('sk-e2e-secret-4711')).toBe(false);
  expect(file.bytes.includes('jasmine tea')).toBe(true);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openApp(other);
  await expect(other.getByRole('heading', { name: 'Welcome to Hearth' })).toBeVisible();
  const path = join(await mkdtemp(join(tmpdir(), 'hearth-download-')), file.name);
  await writeFile(path, file.bytes);
  const dialog = await upload(other, path);
  await expect(dialog.getByRole('status')).toContainText(/Imported 2 conversations/);
  await expect(dialog.getByRole('button', { name: 'Undo import' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(memoryName(other)).toHaveText('Ada');
  expect(await snapshot(other)).toEqual(before);

  await reopen(other);
  expect(await snapshot(other)).toEqual(before);
  await other.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /^My name is Ada/ }).click();
  await expect(log(other).getByRole('article', { name: 'You said' })).toHaveText([/My name is Ada$/, /Remind me to buy oat milk$/]);
  await fresh.close();
});

test('upload replaces, Undo import restores, and merging the same file adds nothing', async ({ page }) => {
  await makeHistory(page);
  const file = await downloadDatabase(page);
  await say(page, 'Remind me to call mum');
  const withCall = await snapshot(page);
  expect(withCall.reminders).toEqual(['buy oat milk', 'call mum']);

  const dialog = await upload(page, file.bytes);
  await expect(dialog.getByRole('status')).toContainText(/Imported 2 conversations/);
  await expect.poll(() => reminderTexts(page)).toEqual(['buy oat milk']);
  await dialog.getByRole('button', { name: 'Undo import' }).click();
  await expect(dialog.getByRole('status')).toContainText(/Restored/);
  await expect.poll(() => reminderTexts(page)).toEqual(['buy oat milk', 'call mum']);

  await dialog.getByRole('radio', { name: 'Merge with my data' }).check();
  await dialog.getByLabel('Upload database').setInputFiles({ name: 'again.sqlite3', mimeType: 'application/vnd.sqlite3', buffer: file.bytes });
  await expect(dialog.getByRole('status')).toContainText(/Imported 0 conversations/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  expect(await snapshot(page)).toEqual(withCall);
});

test('six bad files are refused with a message, and nothing changes', async ({ page }) => {
  await makeHistory(page);
  const good = (await downloadDatabase(page)).bytes;
  const before = await snapshot(page);
  const pageSize = good.readUInt16BE(16);

  const corrupted = Buffer.from(good);
  corrupted.fill(0x5a, pageSize + 8, pageSize * 3);
  const wal = Buffer.from(good);
  wal[18] = 2;
  wal[19] = 2;
  const sqlite3 = await sqlite3InitModule();
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)');
  const foreign = Buffer.from(sqlite3.capi.sqlite3_js_db_export(db));
  db.close();
  // Sparse: over the limit on disk without writing half a gigabyte.
  const huge = join(await mkdtemp(join(tmpdir(), 'hearth-huge-')), 'huge.sqlite3');
  await writeFile(huge, good.subarray(0, 100));
  await truncate(huge, MAX_DATABASE_FILE_BYTES + 4096);

  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['random bytes', Buffer.from(crypto.getRandomValues(new Uint8Array(16_384))), /not a SQLite database/],
    ['a truncated file', good.subarray(0, good.length - pageSize), /incomplete/],
    ['corrupted pages', corrupted, /damaged/],
    ['a WAL-mode database', wal, /WAL mode/],
    ["someone else's SQLite database", foreign, /not one of Hearth's/],
    ['a file over the size limit', huge, /accepts database files up to/],
  ];
  for (const [label, file, message] of cases) {
    const dialog = await upload(page, file);
    await expect(dialog.getByRole('alert'), label).toContainText(message);
    await expect(dialog.getByRole('button', { name: 'Undo import' }), label).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await snapshot(page), label).toEqual(before);
  }
  await reopen(page);
  expect(await snapshot(page)).toEqual(before);
});

test('JSON export imports into a new profile and exports the same; Markdown and CSV read right', async ({ page, browser }) => {
  await makeHistory(page);
  let dialog = await openYourData(page);
  await dialog.getByRole('radio', { name: 'All conversations' }).check();
  const json = await download(page, () => dialog.getByRole('button', { name: 'Export JSON' }).click());
  expect(json.name).toMatch(/^hearth-conversations-\d{4}-\d{2}-\d{2}\.json$/);
  const csv = await download(page, () => dialog.getByRole('button', { name: 'Export CSV' }).click());
  const rows = csv.bytes.toString('utf8').replace(/^\ufeff/, '').split('\r\n');
  expect(rows[0]).toBe('conversation_id,conversation_title,message_id,time,author,role,text');
  expect(rows.some((row) => row.includes('Remind me to buy oat milk'))).toBe(true);
  expect(rows.some((row) => row.includes('jasmine tea'))).toBe(true);
  await dialog.getByRole('radio', { name: 'This conversation' }).check();
  const markdown = (await download(page, () => dialog.getByRole('button', { name: 'Export Markdown' }).click())).bytes.toString('utf8');
  expect(markdown).toMatch(/^# I would love some jasmine tea/m);
  expect(markdown).not.toMatch(/oat milk/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openApp(other);
  dialog = await openYourData(other);
  await dialog.getByLabel('Import conversations (JSON)').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: json.bytes });
  await expect(dialog.getByRole('status')).toContainText(/Imported 2 conversations/);
  await dialog.getByRole('radio', { name: 'All conversations' }).check();
  const again = await download(other, () => dialog.getByRole('button', { name: 'Export JSON' }).click());
  const content = (bytes: Buffer) => ({ ...(JSON.parse(bytes.toString('utf8')) as object), exportedAt: null });
  expect(content(again.bytes)).toEqual(content(json.bytes));
  await fresh.close();

  // The first conversation's Markdown shows the tool call the reminder came from.
  await yourData(page).getByRole('button', { name: 'Close' }).click();
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /^My name is Ada/ }).click();
  dialog = await openYourData(page);
  await dialog.getByRole('radio', { name: 'This conversation' }).check();
  const first = (await download(page, () => dialog.getByRole('button', { name: 'Export Markdown' }).click())).bytes.toString('utf8');
  expect(first).toMatch(/add_reminder/);
  expect(first).toMatch(/\*\*You\*\*/);
});

test('search finds a word from another conversation and opens it at that message', async ({ page }) => {
  await openApp(page);
  await useBuiltIn(page);
  await say(page, 'My saxophone lesson is on Friday');
  for (let i = 0; i < 30; i++) await say(page, `Remind me to practise scale ${i}`);
  await newChat(page);
  await say(page, 'Something else entirely');

  const search = page.getByRole('searchbox', { name: 'Search messages' });
  await search.fill('SAXO');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.getByRole('listitem').first()).toContainText('My saxophone lesson is on Friday');
  await expect(results.locator('mark')).toHaveText(['saxophone']);
  await results.getByRole('button').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My saxophone lesson is on Friday');
  const hit = log(page).getByRole('article', { name: 'You said' }).filter({ hasText: 'saxophone' });
  await expect(hit).toBeInViewport();

  // A date range that excludes today finds nothing.
  await search.fill('saxophone');
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('From').fill(tomorrow);
  await expect(page.getByText('No messages match')).toBeVisible();
});

test('stats, and delete everything after offering the download first', async ({ page }) => {
  await makeHistory(page);
  // Headless Chromium does not grant persistent storage: the warning points to the download.
  const status = page.getByRole('status', { name: 'Status' });
  await expect(status).toContainText('may clear');
  await status.getByRole('button', { name: 'Download database' }).click();
  const dialog = yourData(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Download database' })).toBeFocused();
  const stats = dialog.getByRole('region', { name: 'Stats' });
  await expect(stats).toContainText(/Conversations\s*2/);
  await expect(stats).toContainText(/Reminders\s*1/);
  await expect(stats).toContainText('Storage used');
  await expect(stats.getByRole('img', { name: /^Messages per day/ })).toBeVisible();

  await dialog.getByRole('button', { name: 'Delete everything…' }).click();
  const saved = await download(page, () => page.getByRole('button', { name: 'Download database first' }).click());
  expect(saved.bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
  await page.getByRole('button', { name: 'Delete everything', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Hearth' })).toBeVisible();
  await reopen(page);
  expect(await conversationTitles(page)).toEqual([]);
  expect(await reminderTexts(page)).toEqual([]);
});
