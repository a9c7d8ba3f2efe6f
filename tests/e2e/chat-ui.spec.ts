// The chat screen as a user drives it: stopping a reply, the composer's keys, the
// conversation list, the memory panel and the model settings.
import {
  APP_URL,
  connectModel,
  conversationLog,
  conversationNav,
  expect,
  fillCustomProvider,
  openFreshApp,
  sendMessage,
  settingsDialog,
  startBuiltIn,
  statusLine,
  test,
} from './hearth-ui';

test.use({ actionTimeout: 15_000 });

test.describe('stopping a reply', () => {
  for (const how of ['the Stop button', 'Escape'] as const) {
    test(`${how} stops a streaming reply and keeps the partial text`, async ({ page, model }) => {
      let release = (): void => undefined;
      model.enqueue({ text: ['The first half ', 'of a long answer'], hold: new Promise<void>((resolve) => (release = resolve)) });
      await openFreshApp(page);
      await connectModel(page, model);
      await sendMessage(page, 'Tell me a long story', { waitForReply: false });

      const log = conversationLog(page);
      await expect(log).toHaveAttribute('aria-busy', 'true');
      await expect(log).toContainText('The first half of a long answer');
      if (how === 'Escape') {
        // With the event log open beside the chat (a panel, not a drawer, on a desktop), Esc still stops.
        await page.getByRole('button', { name: 'Events' }).click();
        await expect(page.getByRole('region', { name: 'Events' })).toBeVisible();
        await page.keyboard.press('Escape');
      } else {
        await page.getByRole('button', { name: 'Stop' }).click();
      }

      await expect(log).toHaveAttribute('aria-busy', 'false');
      const reply = log.getByRole('article', { name: 'Hearth said' });
      await expect(reply).toContainText('The first half of a long answer');
      await expect(reply).toContainText('Stopped before the end.');
      await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
      release();
    });
  }
});

test('Enter sends; Shift+Enter adds a line and sends nothing', async ({ page, model }) => {
  model.enqueue({ text: ['Hello back.'] });
  await openFreshApp(page);
  await connectModel(page, model);

  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill('Hello there');
  await box.press('Enter');
  const log = conversationLog(page);
  await expect(log.getByRole('article', { name: 'Hearth said' })).toContainText('Hello back.');
  await expect(box).toHaveValue('');

  await box.pressSequentially('line one');
  await box.press('Shift+Enter');
  await box.pressSequentially('line two');
  await expect(box).toHaveValue('line one\nline two');
  await expect(log.getByRole('article', { name: 'You said' })).toHaveCount(1);
  expect(model.chatRequests()).toHaveLength(1);
});

test('conversations: titled, newest first, renamed, filtered, deleted — and it all persists', async ({ page }) => {
  await openFreshApp(page);
  await startBuiltIn(page);
  const nav = conversationNav(page);
  await sendMessage(page, 'Plan the garden party');
  await nav.getByRole('button', { name: 'New chat' }).click();
  await sendMessage(page, 'Book a dentist appointment');
  await expect(nav.getByRole('listitem')).toHaveText([/^Book a dentist appointment/, /^Plan the garden party/]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Book a dentist appointment');

  await nav.getByRole('button', { name: 'Rename Plan the garden party', exact: true }).click();
  const title = nav.getByRole('textbox', { name: 'Conversation title' });
  await expect(title).toBeFocused();
  await title.fill('Garden party');
  await title.press('Enter');
  // A rename is an update, so the renamed conversation moves to the top — before and after a reload.
  await expect(nav.getByRole('listitem')).toHaveText([/^Garden party/, /^Book a dentist appointment/]);

  await page.reload();
  await expect(nav.getByRole('listitem')).toHaveText([/^Garden party/, /^Book a dentist appointment/]);

  await page.getByRole('textbox', { name: 'Message' }).focus();
  await page.keyboard.press('Control+k');
  const filter = nav.getByRole('searchbox', { name: 'Filter conversations' });
  await expect(filter).toBeFocused();
  await page.keyboard.type('garden');
  await expect(nav.getByRole('listitem')).toHaveText([/^Garden party/]);
  await filter.fill('nothing like this');
  await expect(nav.getByRole('listitem')).toHaveText(['No conversation matches “nothing like this”.']);
  await filter.fill('');

  await nav.getByRole('button', { name: 'Delete Book a dentist appointment', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this conversation?' });
  await expect(confirm).toContainText('“Book a dentist appointment” and its messages will be deleted');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  await expect(nav.getByRole('listitem')).toHaveText([/^Garden party/]);

  await page.reload();
  await expect(nav.getByRole('listitem')).toHaveText([/^Garden party/]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Garden party');
});

test('the memory panel edits name and reminders offline, and they persist as events', async ({ page, context }) => {
  await openFreshApp(page);
  await startBuiltIn(page);
  await context.setOffline(true);
  await expect(statusLine(page)).toContainText('Offline');

  const memory = page.getByRole('region', { name: 'Memory' });
  await memory.getByRole('textbox', { name: 'Your name' }).fill('Ada');
  await memory.getByRole('button', { name: 'Save name' }).click();
  await expect(memory.getByRole('button', { name: 'Edit name' })).toBeVisible();

  const reminders = memory.getByRole('region', { name: 'Reminders' });
  for (const text of ['buy milk', 'call mum', 'water the plants']) {
    await reminders.getByRole('textbox', { name: 'New reminder' }).fill(text);
    await reminders.getByRole('button', { name: 'Add reminder' }).click();
    await expect(reminders.getByRole('checkbox', { name: text })).toBeVisible();
  }
  await reminders.getByRole('checkbox', { name: 'water the plants' }).check();
  await expect(reminders.getByRole('checkbox', { name: 'water the plants' })).toBeChecked();
  await reminders.getByRole('button', { name: 'Edit call mum', exact: true }).click();
  await reminders.getByRole('textbox', { name: 'Reminder text' }).fill('call mum tonight');
  await reminders.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(reminders.getByRole('checkbox', { name: 'call mum tonight' })).toBeVisible();
  await reminders.getByRole('button', { name: 'Delete reminder buy milk', exact: true }).click();
  await expect(reminders.getByRole('listitem')).toHaveCount(2);

  await context.setOffline(false);
  await page.reload();
  await expect(memory.getByText('Ada', { exact: true })).toBeVisible();
  await expect(reminders.getByRole('listitem')).toHaveText([/^\s*call mum tonight\s/, /^\s*water the plants\s+done\s/]);
  await expect(reminders.getByRole('checkbox', { name: 'call mum tonight' })).not.toBeChecked();
  await expect(reminders.getByRole('checkbox', { name: 'water the plants' })).toBeChecked();
  await expect(reminders).toContainText('1 open of 2');

  await page.getByRole('button', { name: 'Events', exact: true }).click();
  const events = page.getByRole('region', { name: 'Events' });
  await expect(events).toContainText('update_user_name');
  await expect(events).toContainText('add_reminder');
  await expect(events).toContainText('update_reminder');
  await expect(events).toContainText('delete_reminder');
  await expect(events).toContainText('"user:reminders"');
  await expect(events).toContainText('"user:name": "Ada"');
});

test.describe('settings', () => {
  const KEY = 'sk-test-0123456789-secret';
  test.use({ modelOptions: { apiKey: KEY, models: ['fake-model', 'fake-model-large'] } });

  test('test connection lists models, a wrong key is explained, and the saved key stays out of sight', async ({ page, model }) => {
    await openFreshApp(page);
    await page.getByRole('button', { name: 'Connect a model' }).click();
    const dialog = await fillCustomProvider(page, { baseURL: model.baseURL, apiKey: 'sk-wrong-key' });
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByRole('alert')).toContainText('API key');

    await dialog.getByLabel('API key').fill(KEY);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByRole('status')).toContainText('fake-model, fake-model-large');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(statusLine(page)).toContainText(`Model: fake-model · ${new URL(model.origin).host}`);

    model.enqueue({ text: ['All ', 'good.'] });
    await sendMessage(page, 'Are you there?');
    await expect(conversationLog(page).getByRole('article', { name: 'Hearth said' })).toContainText('All good.');
    expect(model.chatRequests()[0]?.headers.authorization).toBe(`Bearer ${KEY}`);

    await page.getByRole('button', { name: 'Events', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Events' })).toContainText('All good.');
    expect(await page.locator('body').innerText()).not.toContain(KEY);
    expect(await page.content()).not.toContain(KEY);

    // Reopened, the dialog shows the key masked.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect(settingsDialog(page).getByLabel('API key')).toHaveAttribute('type', 'password');
    expect(await page.locator('body').innerText()).not.toContain(KEY);
  });

  for (const kind of ['HTTP 500', 'network error'] as const) {
    test(`a failed reply (${kind}) offers Retry and the built-in assistant`, async ({ page, model }) => {
      // Chromium retries a POST once when a reused keep-alive socket dies, so a network
      // failure needs both attempts to fail.
      if (kind === 'HTTP 500') model.enqueue({ status: 500 });
      else model.enqueue({ networkError: true }, { networkError: true });
      await openFreshApp(page);
      await connectModel(page, model, KEY);
      await sendMessage(page, 'what are my reminders?');

      const alert = page.getByRole('alert').filter({ hasText: 'The reply failed.' });
      await expect(alert).toContainText(kind === 'HTTP 500' ? 'server error (HTTP 500)' : 'Could not reach');
      await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
      await alert.getByRole('button', { name: 'Use built-in assistant' }).click();
      await expect(alert).toBeHidden();
      await expect(conversationLog(page).getByRole('article', { name: 'Hearth said' }).last()).toContainText('You have no reminders.');
      expect(model.remaining()).toBe(0);
      expect(model.chatRequests()).toHaveLength(kind === 'HTTP 500' ? 1 : 2);
    });
  }
});

// Repeated because it is a race: App.svelte's start-up `settings.apply()` sends the settings saved
// so far, and a Save still in flight (its `saved` not yet assigned) is overwritten in the engine.
test('a model saved while the app is still starting is the one that answers', async ({ browser, model }) => {
  for (let attempt = 1; attempt <= 6; attempt++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    model.enqueue({ text: [`Answer ${attempt} from the connected model.`] });
    await page.goto(APP_URL);
    const dialog = await fillCustomProvider(page, { baseURL: model.baseURL, apiKey: 'sk-early' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await sendMessage(page, 'Hello');
    await expect(conversationLog(page), `attempt ${attempt}`).toContainText(`Answer ${attempt} from the connected model.`);
    await expect(statusLine(page)).toContainText('Model: fake-model');
    await context.close();
  }
});
