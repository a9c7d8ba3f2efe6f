// Full-page screenshots of the main screens at desktop and phone sizes, light and dark, for a
// person to review (test-results/screenshots/). Each screen is checked before it is shot.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { FakeModelServer } from '../support/fake-model-server';
import { connectModel, conversationLog, conversationNav, expect, openFreshApp, sendMessage, settingsDialog, test } from './hearth-ui';

test.use({ actionTimeout: 15_000 });

const DIR = 'test-results/screenshots';
const SIZES = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

const ANSWER = `Here is a plan for **Saturday** in the garden:

1. Buy tomato seeds
2. Prepare the beds
   - dig in compost
   - cover with mulch
3. Water in the evening

\`\`\`ts
function water(plants: string[]): void {
  for (const plant of plants) console.log(\`watering \${plant}\`);
}
\`\`\`

> Tip: water at the roots, not the leaves.

| Bed | Crop |
| --- | --- |
| North | Tomatoes |
| South | Beans |

More ideas at https://example.org — and \`inline code\` works too.`;

/** A conversation whose answer used the tools (name, two reminders) and wrote rich markdown. */
async function setUpChat(page: Page, model: FakeModelServer): Promise<void> {
  model.enqueue(
    {
      toolCalls: [
        { id: 'call_name', name: 'update_user_name', arguments: JSON.stringify({ name: 'Ada' }) },
        { id: 'call_seeds', name: 'add_reminder', arguments: JSON.stringify({ reminder: 'Buy tomato seeds', due: '2030-05-04T09:00:00' }) },
        { id: 'call_beds', name: 'add_reminder', arguments: JSON.stringify({ reminder: 'Prepare the raised beds with compost and mulch' }) },
      ],
    },
    { text: ANSWER.match(/[\s\S]{1,12}/g) ?? [] },
  );
  await openFreshApp(page);
  await connectModel(page, model);
  await sendMessage(page, "I'm Ada. Help me plan Saturday in the garden and remind me about the seeds and the beds.");
  const reply = conversationLog(page).getByRole('article', { name: 'Hearth said' });
  await expect(reply).toContainText('Here is a plan for Saturday');
  await expect(reply.getByRole('button', { name: 'Copy code' })).toBeVisible();
  await expect(reply.getByRole('table')).toBeVisible();
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  // Drawers slide in; shoot where they come to rest.
  await page.screenshot({ path: `${DIR}/${name}.png`, fullPage: true, animations: 'disabled' });
}

for (const [size, viewport] of Object.entries(SIZES)) {
  test.describe(`${size} ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('welcome', async ({ page }) => {
      await openFreshApp(page);
      await expect(page.getByRole('button', { name: 'Connect a model' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Start with the built-in assistant' })).toBeVisible();
      await shoot(page, `${size}-01-welcome`);
    });

    test('chat, light and dark', async ({ page, model }) => {
      await setUpChat(page, model);
      if (size === 'desktop') {
        const reminders = page.getByRole('region', { name: 'Reminders' });
        await expect(reminders.getByRole('checkbox', { name: 'Buy tomato seeds' })).toBeVisible();
        await expect(page.getByRole('region', { name: 'Memory' })).toContainText('Ada');
      }
      await shoot(page, `${size}-02-chat`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect(page.locator('html')).toHaveCSS('background-color', 'rgb(23, 20, 17)');
      await shoot(page, `${size}-03-chat-dark`);
    });

    test('events panel', async ({ page, model }) => {
      await setUpChat(page, model);
      await page.getByRole('button', { name: 'Events', exact: true }).click();
      const events = page.getByRole('region', { name: 'Events' });
      await expect(events).toBeVisible();
      await expect(events).toContainText('add_reminder');
      await shoot(page, `${size}-04-events`);
    });

    test('settings dialog', async ({ page, model }) => {
      await setUpChat(page, model);
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      const dialog = settingsDialog(page);
      await expect(dialog.getByRole('heading', { name: 'Settings' })).toBeVisible();
      await expect(dialog.getByRole('combobox', { name: 'Provider' })).toHaveValue('custom');
      await shoot(page, `${size}-05-settings`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await shoot(page, `${size}-05-settings-dark`);
    });

    test('delete confirmation', async ({ page, model }) => {
      await setUpChat(page, model);
      if (size === 'phone') await page.getByRole('button', { name: 'Show conversations' }).click();
      const title = "I'm Ada. Help me plan Saturday in the garden and remind me…";
      await conversationNav(page).getByRole('button', { name: `Delete ${title}`, exact: true }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete this conversation?' });
      await expect(confirm.getByRole('button', { name: 'Delete' })).toBeVisible();
      await expect(confirm).toContainText(title);
      await shoot(page, `${size}-06-delete`);
    });

    test('your data, and search results', async ({ page, model }) => {
      await setUpChat(page, model);
      await page.getByRole('button', { name: 'Your data' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Your data' });
      const stats = dialog.getByRole('region', { name: 'Stats' });
      await expect(stats).toContainText(/Conversations\s*1/);
      await expect(stats.getByRole('img', { name: /^Messages per day/ })).toBeVisible();
      await shoot(page, `${size}-09-your-data`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await shoot(page, `${size}-09-your-data-dark`);
      await page.emulateMedia({ colorScheme: 'light' });
      await dialog.getByRole('button', { name: 'Close' }).click();

      if (size === 'phone') await page.getByRole('button', { name: 'Show conversations' }).click();
      await page.getByRole('searchbox', { name: 'Search messages' }).fill('garden');
      const results = page.getByRole('list', { name: 'Search results' });
      await expect(results.getByRole('listitem')).toHaveCount(2);
      await expect(results.locator('mark').first()).toHaveText(/garden/i);
      await shoot(page, `${size}-10-search`);
    });

    if (size === 'phone') {
      test('drawers', async ({ page, model }) => {
        await setUpChat(page, model);
        await page.getByRole('button', { name: 'Show conversations' }).click();
        const nav = conversationNav(page);
        await expect(nav).toBeInViewport({ ratio: 1 });
        await expect(nav.getByRole('listitem')).toHaveCount(1);
        await shoot(page, `${size}-07-conversations-drawer`);

        await nav.getByRole('listitem').getByRole('button').first().click();
        await expect(nav.getByRole('button', { name: 'New chat' })).not.toBeInViewport();
        await page.getByRole('button', { name: 'Memory', exact: true }).click();
        const memory = page.getByRole('region', { name: 'Memory' });
        await expect(memory).toBeInViewport({ ratio: 1 });
        await expect(memory.getByRole('checkbox', { name: 'Buy tomato seeds' })).toBeVisible();
        // The click left the pointer where the scrim now is; a hovered scrim turns opaque (a reported bug).
        await page.mouse.move(viewport.width - 20, viewport.height / 2);
        await shoot(page, `${size}-08-memory-drawer`);
        await page.emulateMedia({ colorScheme: 'dark' });
        await shoot(page, `${size}-08-memory-drawer-dark`);
      });
    }
  });
}
