// Seed 001's "Multi-Session Testing Scenarios" and seed 003's examples, end to end: each
// session 1 in one conversation, then a page reload, then session 2 in a new conversation.
// Once with a scripted OpenAI-compatible model, once with the built-in assistant.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startFakeModelServer, type FakeModelServer } from '../support/fake-model-server';
import { connectModel, lastReply, newChat, openApp, reminderTexts, reopen, say, useBuiltIn } from './app-page';

let server: FakeModelServer;

test.beforeEach(async () => {
  server = await startFakeModelServer();
});

test.afterEach(async () => {
  await server.close();
});

const call = (name: string, args: Record<string, unknown>) => ({ name, arguments: JSON.stringify(args) });

/** The system message and the tool results the model was sent in the last request. */
function lastRequest() {
  const messages = server.chatRequests().at(-1)?.body.messages as Array<{ role: string; content: string }>;
  return {
    system: messages.find((m) => m.role === 'system')?.content ?? '',
    users: messages.filter((m) => m.role === 'user').map((m) => m.content),
    tools: messages.filter((m) => m.role === 'tool').map((m) => m.content),
  };
}

/** The name as the memory panel shows it once saved. */
const memoryName = (page: Page) => page.getByRole('region', { name: 'Memory' }).getByTestId('user-name');

test.describe('with a connected model (scripted)', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await connectModel(page, server.baseURL);
  });

  test('name memory: "My name is John", then in a new session "What\'s my name?"', async ({ page }) => {
    server.enqueue({ text: ["I don't have your name stored yet. ", 'What would you like me to call you?'] });
    await say(page, "What's my name?");
    await expect(lastReply(page)).toContainText("I don't have your name stored yet.");
    expect(lastRequest().system).toContain("The user's name: unknown");

    server.enqueue({ toolCalls: [call('update_user_name', { name: 'John' })] }, { text: ['Nice to meet you, John! ', "I'll remember that."] });
    await say(page, 'My name is John');
    await expect(lastReply(page)).toContainText('Nice to meet you, John!');
    await expect(memoryName(page)).toHaveText('John');

    await reopen(page);
    await expect(memoryName(page)).toHaveText('John');
    await newChat(page);
    server.enqueue({ text: ['Your name is John.'] });
    await say(page, "What's my name?");
    await expect(lastReply(page)).toHaveText(/Your name is John\./);
    // The new session starts clean, but the model is told the name it learned before.
    expect(lastRequest().system).toContain("The user's name: John");
    expect(lastRequest().users).toEqual(["What's my name?"]);
    expect(server.remaining()).toBe(0);
  });

  test('reminder storage: "Add reminder: buy milk", then in a new session "What are my reminders?"', async ({ page }) => {
    server.enqueue({ toolCalls: [call('add_reminder', { reminder: 'buy milk' })] }, { text: ['Added reminder: buy milk'] });
    await say(page, 'Add reminder: buy milk');
    await expect(lastReply(page)).toContainText('Added reminder: buy milk');
    expect(await reminderTexts(page)).toEqual(['buy milk']);

    await reopen(page);
    await newChat(page);
    server.enqueue({ toolCalls: [call('view_reminders', {})] }, { text: ['Here are your reminders:\n\n1. buy milk'] });
    await say(page, 'What are my reminders?');
    await expect(lastReply(page).locator('.markdown li')).toHaveText(['buy milk']);
    // The tool read the reminder stored in the earlier session.
    expect(lastRequest().tools.join('\n')).toContain('buy milk');
    expect(await reminderTexts(page)).toEqual(['buy milk']);
  });

  test('data modification: add 3 reminders, then in a new session update the 2nd', async ({ page }) => {
    server.enqueue(
      {
        toolCalls: [
          call('add_reminder', { reminder: 'buy groceries' }),
          call('add_reminder', { reminder: 'finish the report' }),
          call('add_reminder', { reminder: 'call mom' }),
        ],
      },
      { text: ['Added 3 reminders.'] },
    );
    await say(page, 'Add reminders to buy groceries, finish the report and call mom');
    expect(await reminderTexts(page)).toEqual(['buy groceries', 'finish the report', 'call mom']);

    await reopen(page);
    await newChat(page);
    server.enqueue({ toolCalls: [call('update_reminder', { index: 2, updated_text: 'finish the quarterly report' })] }, { text: ['Updated reminder 2.'] });
    await say(page, 'Change my 2nd reminder to finish the quarterly report');
    await expect(lastReply(page)).toContainText('Updated reminder 2.');
    expect(await reminderTexts(page)).toEqual(['buy groceries', 'finish the quarterly report', 'call mom']);

    await reopen(page);
    expect(await reminderTexts(page)).toEqual(['buy groceries', 'finish the quarterly report', 'call mom']);
  });

  test('data deletion: add several reminders, then in a new session delete one', async ({ page }) => {
    server.enqueue(
      { toolCalls: [call('add_reminder', { reminder: 'buy groceries' }), call('add_reminder', { reminder: 'walk the dog' }), call('add_reminder', { reminder: 'pay rent' })] },
      { text: ['Added them.'] },
    );
    await say(page, 'Remind me to buy groceries, walk the dog and pay rent');
    await reopen(page);
    await newChat(page);
    server.enqueue({ toolCalls: [call('delete_reminder', { index: 2 })] }, { text: ['Deleted "walk the dog".'] });
    await say(page, 'Delete reminder 2');
    expect(await reminderTexts(page)).toEqual(['buy groceries', 'pay rent']);

    await reopen(page);
    expect(await reminderTexts(page)).toEqual(['buy groceries', 'pay rent']);
    // Both sessions are still there, newest first, titled by their first message.
    await expect(page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /^(Delete reminder 2|Remind me to)/ })).toHaveText([
      /Delete reminder 2/,
      /Remind me to buy groceries/,
    ]);
  });
});

test.describe('with the built-in assistant (no model, no network)', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await useBuiltIn(page);
  });

  test("seed 003's first session, then name and reminders remembered in a new session", async ({ page }) => {
    await say(page, "What's my name?");
    await expect(lastReply(page)).toContainText(/don't (know|have) your name/i);
    await say(page, 'My name is Sarah');
    await expect(lastReply(page)).toContainText('Sarah');
    await say(page, 'Add a reminder to buy groceries');
    await expect(lastReply(page)).toContainText('buy groceries');
    await say(page, 'Add another reminder to finish the report');
    await expect(lastReply(page)).toContainText('finish the report');
    await say(page, 'What are my reminders?');
    await expect(lastReply(page)).toContainText('buy groceries');
    await expect(lastReply(page)).toContainText('finish the report');

    await reopen(page);
    await newChat(page);
    await say(page, "What's my name?");
    await expect(lastReply(page)).toContainText('Sarah');
    await say(page, 'What are my reminders?');
    await expect(lastReply(page)).toContainText('buy groceries');
    expect(server.chatRequests()).toHaveLength(0);
  });

  test('modification and deletion across sessions', async ({ page }) => {
    await say(page, 'Remind me to buy groceries');
    await say(page, 'Remind me to finish the report');
    await say(page, 'Remind me to call mom');
    expect(await reminderTexts(page)).toEqual(['buy groceries', 'finish the report', 'call mom']);

    await reopen(page);
    await newChat(page);
    await say(page, 'Change reminder 2 to finish the quarterly report');
    expect(await reminderTexts(page)).toEqual(['buy groceries', 'finish the quarterly report', 'call mom']);

    await reopen(page);
    await newChat(page);
    await say(page, 'Delete reminder 1');
    expect(await reminderTexts(page)).toEqual(['finish the quarterly report', 'call mom']);

    await reopen(page);
    expect(await reminderTexts(page)).toEqual(['finish the quarterly report', 'call mom']);
  });
});
