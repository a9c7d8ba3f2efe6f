// The production app: its engine worker opens SQLite on OPFS, and a second tab does not
// write behind the first one's back until the user chooses "Use here".
import { expect, test } from './fixtures';

const APP_URL = 'http://127.0.0.1:4173/';

test('the engine starts on SQLite/OPFS; a second tab offers "Use here" and takes over cleanly', async ({ context }) => {
  const first = await context.newPage();
  await first.goto(APP_URL);
  await expect(first.getByRole('status', { name: 'Status' })).toContainText('Storage: SQLite · OPFS');
  await expect(first.getByRole('status', { name: 'Status' })).toContainText('Built-in assistant');

  const second = await context.newPage();
  await second.goto(APP_URL);
  await expect(second.getByRole('alert')).toContainText('open in another tab');
  await second.getByRole('button', { name: 'Use here' }).click();
  await expect(second.getByRole('status', { name: 'Status' })).toContainText('Storage: SQLite · OPFS');
  await expect(first.getByRole('alert')).toContainText('open in another tab');
  await expect(first.getByRole('button', { name: 'Use here' })).toBeVisible();
});
