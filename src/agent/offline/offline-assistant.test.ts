import { describe, expect, it } from 'vitest';
import { readReminders, reminderTools } from '../tools/reminder-tools';
import { runToolCall } from '../tools/run-tool';
import { ToolContext } from '../tools/tool-context';
import { ModelError, type ChatMessage, type ModelContext, type ModelRequest } from '../model-client';
import { createOfflineAssistant, OFFLINE_LABEL, pieces } from './offline-assistant';
import { toLocalIso } from './parse-time';

// Friday 20 November 2026, 10:00 local time, whatever the machine's time zone.
const now = new Date(2026, 10, 20, 10, 0);
const assistant = createOfflineAssistant({ now: () => now });
const tools = reminderTools.map((t) => t.spec);
const noReminders: ModelContext = { reminders: [] };
const two: ModelContext = { userName: 'Ann', reminders: [{ id: 'a', text: 'buy milk', createdAt: 0 }, { id: 'b', text: 'call mum', createdAt: 0 }] };

function request(messages: ChatMessage[], context: ModelContext = noReminders, extra: Partial<ModelRequest> = {}): ModelRequest {
  return { messages, context, tools, signal: new AbortController().signal, ...extra };
}
const user = (content: string): ChatMessage[] => [{ role: 'system', content: 'You are Hearth.' }, { role: 'user', content }];

async function ask(text: string, context: ModelContext = noReminders) {
  const deltas: string[] = [];
  const response = await assistant.complete(request(user(text), context, { onTextDelta: (d) => deltas.push(d) }));
  return { ...response, deltas };
}

/** Round 1, then round 2 with the given tool result content. */
async function roundTrip(text: string, result: unknown, context: ModelContext = noReminders) {
  const first = await assistant.complete(request(user(text), context));
  const call = first.toolCalls[0];
  if (!call) throw new Error(`no tool call for ${text}`);
  const messages: ChatMessage[] = [
    ...user(text),
    { role: 'assistant', content: '', toolCalls: [call] },
    { role: 'tool', toolCallId: call.id, name: call.name, content: typeof result === 'string' ? result : JSON.stringify(result) },
  ];
  const deltas: string[] = [];
  const second = await assistant.complete(request(messages, context, { onTextDelta: (d) => deltas.push(d) }));
  return { call, second, deltas };
}

describe('the offline assistant', () => {
  it('is labelled honestly', () => {
    expect(assistant.kind).toBe('offline');
    expect(assistant.label).toBe(OFFLINE_LABEL);
    expect(OFFLINE_LABEL).toBe('Built-in assistant (basic, offline)');
  });

  it.each([
    ['remind me to buy milk', 'add_reminder', { reminder: 'buy milk' }],
    ['remind me to call the dentist at 5pm', 'add_reminder', { reminder: 'call the dentist', due: toLocalIso(new Date(2026, 10, 20, 17)) }],
    ['what are my reminders?', 'view_reminders', {}],
    ['update my second reminder to buy oat milk', 'update_reminder', { index: 2, updated_text: 'buy oat milk' }],
    ['delete the first reminder', 'delete_reminder', { index: 1 }],
    ['delete the reminder about milk', 'delete_reminder', { index: 1 }],
    ['my name is Arvind Mehta', 'update_user_name', { name: 'Arvind Mehta' }],
  ])('round 1: "%s" calls %s', async (text, name, args) => {
    const response = await ask(text, two);
    expect(response.text).toBe('');
    expect(response.deltas).toEqual([]);
    expect(response.toolCalls).toHaveLength(1);
    expect(response.toolCalls[0]).toMatchObject({ name });
    expect(JSON.parse(response.toolCalls[0]?.arguments ?? '')).toEqual(args);
    expect(response.toolCalls[0]?.id).toMatch(/^offline_/);
  });

  it('gives each tool call its own id', async () => {
    const a = await ask('remind me to buy milk');
    const b = await ask('remind me to buy milk');
    expect(a.toolCalls[0]?.id).not.toBe(b.toolCalls[0]?.id);
  });

  it('round 2: sums up an added reminder, with its due time', async () => {
    const { second, deltas } = await roundTrip('remind me to call the dentist on friday at 5pm', { status: 'success', message: 'Added reminder: call the dentist' });
    expect(second.toolCalls).toEqual([]);
    expect(second.text).toBe('Added “call the dentist” (due Fri 27 Nov 17:00).');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(second.text);
  });

  it('round 2: lists reminders, as objects or strings', async () => {
    const objects = await roundTrip('show my reminders', {
      status: 'success',
      reminders: [{ index: 1, text: 'buy milk' }, { index: 2, text: 'call mum', done: true, due: new Date(2026, 10, 21, 9).toISOString() }],
    });
    expect(objects.second.text).toBe('Your reminders:\n1. buy milk\n2. call mum ✓ done (due tomorrow 09:00)');
    const strings = await roundTrip('list reminders', { status: 'success', reminders: ['buy milk', 'call mum'] });
    expect(strings.second.text).toBe('Your reminders:\n1. buy milk\n2. call mum');
    const none = await roundTrip('list reminders', { status: 'success', reminders: [] });
    expect(none.second.text).toBe('You have no reminders.');
  });

  it('round 2: relays the message of update and delete, or the raw content', async () => {
    const updated = await roundTrip('change reminder 2 to call dad', { status: 'success', message: 'Updated reminder 2 to: call dad' }, two);
    expect(updated.second.text).toBe('Updated reminder 2 to: call dad');
    const deleted = await roundTrip('delete reminder 1', 'Deleted.', two);
    expect(deleted.second.text).toBe('Deleted.');
  });

  it('round 2: greets a new name', async () => {
    const { second } = await roundTrip('my name is Arvind Mehta', { status: 'success', message: 'Updated your name to: Arvind Mehta' });
    expect(second.text).toBe("Nice to meet you, Arvind Mehta! I'll remember your name.");
  });

  it('round 2: relays a tool error', async () => {
    const { second } = await roundTrip('delete reminder 2', { status: 'error', message: 'There is no reminder 2; there is 1 reminder (1–1).' }, two);
    expect(second.text).toBe('There is no reminder 2; there is 1 reminder (1–1).');
  });

  it('works with the real tools end to end', async () => {
    const state: Record<string, unknown> = {};
    async function turn(text: string): Promise<string> {
      const context = new ToolContext(state, { now: () => now.getTime(), newId: () => 'id' });
      const first = await assistant.complete(request(user(text), { reminders: readReminders(state['user:reminders']) }));
      const results: ChatMessage[] = first.toolCalls.map((c) => ({
        role: 'tool', toolCallId: c.id, name: c.name, content: JSON.stringify(runToolCall(reminderTools, c.name, c.arguments, context)),
      }));
      Object.assign(state, context.delta);
      const messages: ChatMessage[] = [...user(text), { role: 'assistant', content: '', toolCalls: first.toolCalls }, ...results];
      return (await assistant.complete(request(messages, { reminders: readReminders(state['user:reminders']) }))).text;
    }
    expect(await turn('remind me to buy milk tomorrow')).toBe('Added “buy milk” (due tomorrow 09:00).');
    expect(await turn('add reminder: call mum')).toBe('Added “call mum”.');
    expect(await turn('what are my reminders?')).toBe('Your reminders:\n1. buy milk (due tomorrow 09:00)\n2. call mum');
    expect(await turn('change the first reminder to buy oat milk')).toBe('Updated reminder 1 to: buy oat milk');
    expect(await turn('delete the reminder about mum')).toBe('Deleted reminder 2: call mum');
    expect(state['user:reminders']).toMatchObject([{ text: 'buy oat milk', due: new Date(2026, 10, 21, 9).toISOString() }]);
  });

  it('answers instead of calling a tool for a reminder that does not exist', async () => {
    const response = await ask('delete the fifth reminder', two);
    expect(response.toolCalls).toEqual([]);
    expect(response.text).toBe("You have 2 reminders, so there's no reminder 5.\nYour reminders:\n1. buy milk\n2. call mum");
  });

  it('asks which one when several reminders match', async () => {
    const context: ModelContext = { reminders: [...two.reminders, { id: 'c', text: 'milk the cow', createdAt: 0 }] };
    const response = await ask('delete the reminder about milk', context);
    expect(response.toolCalls).toEqual([]);
    expect(response.text).toContain('which one?\n1. buy milk\n3. milk the cow');
  });

  it('knows the name from the context, or says how to tell it', async () => {
    expect((await ask("what's my name?", two)).text).toBe('Your name is Ann.');
    expect((await ask("what's my name?")).text).toBe("I don't know your name yet. Tell me “my name is …” and I'll remember it.");
  });

  it('greets by name', async () => {
    expect((await ask('hello', two)).text).toMatch(/^Hi Ann! I'm the basic built-in assistant\./);
  });

  it('is honest about what it cannot do', async () => {
    const response = await ask('write me a poem about the sea');
    expect(response.toolCalls).toEqual([]);
    expect(response.text).toContain('basic built-in assistant');
    expect(response.text).toContain('offline');
    expect(response.text).toContain('only handle reminders and your name');
    expect(response.text).toContain('connect a model in Settings');
    expect(response.text.match(/^• /gm)).toHaveLength(3);
    expect(response.deltas.join('')).toBe(response.text);
  });

  it('stops when aborted, before or while streaming', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(assistant.complete(request(user('hi'), noReminders, { signal: controller.signal }))).rejects.toMatchObject({ code: 'aborted', message: 'Stopped.' });

    const midway = new AbortController();
    const seen: string[] = [];
    const pending = assistant.complete(request(user('tell me a joke'), noReminders, { signal: midway.signal, onTextDelta: (d) => { seen.push(d); midway.abort(); } }));
    await expect(pending).rejects.toBeInstanceOf(ModelError);
    expect(seen).toHaveLength(1);
  });

  it('splits text into word-sized pieces that join back exactly', () => {
    const text = 'Your reminders:\n1. buy  milk\n2. call mum ';
    expect(pieces(text).join('')).toBe(text);
    expect(pieces('one two three')).toEqual(['one ', 'two ', 'three']);
  });
});
