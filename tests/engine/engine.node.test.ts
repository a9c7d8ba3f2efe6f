// The engine in-thread over a MessageChannel with a scripted OpenAI-compatible fetch:
// the seed's reminder-agent scenarios across a store close and reopen, streaming, tools.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openSessionService, type Event } from '../../src/store';
import type { ModelSettings } from '../../src/protocol/protocol';
import { startEngine, type EngineHarness } from '../support/engine-harness';
import { fakeOpenAi, type Step } from '../support/fake-openai';

const remote: ModelSettings = { kind: 'openai-compatible', baseURL: 'http://127.0.0.1:9/v1', apiKey: 'sk-test', model: 'fake-model' };
const started: EngineHarness[] = [];

async function engineWith(script: Step[], indexedDB = new IDBFactory()) {
  const fake = fakeOpenAi(script);
  const engine = await startEngine(() => openSessionService({ backend: 'indexeddb', name: 'engine', indexedDB, IDBKeyRange }), {
    fetch: fake.fetch,
  });
  started.push(engine);
  await engine.client.call('configureModel', remote);
  return { engine, fake, indexedDB };
}

async function say(engine: EngineHarness, sessionId: string, text: string) {
  const { turnId } = await engine.client.call('sendMessage', { sessionId, text });
  return engine.finished(turnId);
}

const parts = (events: Event[]) => events.map((e) => e.content?.parts?.[0]).filter(Boolean);

afterEach(() => {
  for (const engine of started.splice(0)) engine.close();
});

describe('engine: ready handshake', () => {
  it('reports the protocol version, the storage back end and the model', async () => {
    const { engine } = await engineWith([]);
    expect(engine.ready).toMatchObject({ type: 'ready', protocolVersion: 1, backend: 'indexeddb', notices: [] });
    expect(engine.ready.model.kind).toBe('offline');
  });

  it('reports a storage failure as data instead of keeping anything in memory', async () => {
    const engine = await startEngine(() => openSessionService({ backend: 'auto' }));
    started.push(engine);
    expect(engine.ready.backend).toBeNull();
    expect(engine.ready.error).toMatchObject({ name: 'StorageUnavailableError', code: 'storage-unavailable' });
    await expect(engine.client.call('listConversations', {})).rejects.toMatchObject({ kind: 'StorageUnavailableError' });
  });
});

describe('engine: the seed reminder agent across sessions and a reopen', () => {
  it('learns the name, keeps reminders, and remembers both in a new chat after reopening', async () => {
    const { engine, fake, indexedDB } = await engineWith([
      { toolCalls: [{ name: 'update_user_name', arguments: '{"name":"Arvind Mehta"}' }] },
      { text: ['Nice to meet you, ', 'Arvind!'] },
      { text: ['Sure! '], toolCalls: [{ name: 'add_reminder', arguments: '{"reminder":"buy milk"}' }] },
      { text: ["Added 'buy milk'."] },
    ]);
    const chat = await engine.client.call('createConversation', {});
    expect((await say(engine, chat.id, 'Hi, my name is Arvind Mehta')).status).toBe('done');
    expect((await say(engine, chat.id, 'Remind me to buy milk')).status).toBe('done');
    expect(fake.remaining()).toBe(0);

    const conversation = await engine.client.call('openConversation', { sessionId: chat.id });
    expect(conversation.title).toBe('Hi, my name is Arvind Mehta');
    const authors = conversation.events.filter((e) => e.content).map((e) => e.author);
    expect(authors).toEqual(['user', 'hearth', 'hearth', 'hearth', 'user', 'hearth', 'hearth', 'hearth']);
    const [, call, response, answer] = conversation.events.filter((e) => e.content);
    expect(call?.content?.parts?.[0]?.functionCall).toMatchObject({ name: 'update_user_name', args: { name: 'Arvind Mehta' } });
    expect(response?.content?.parts?.[0]?.functionResponse).toMatchObject({ name: 'update_user_name', response: { status: 'success' } });
    expect(response?.actions.stateDelta).toEqual({ 'user:name': 'Arvind Mehta' });
    expect(answer?.content?.parts?.[0]?.text).toBe('Nice to meet you, Arvind!');
    // The second request carried the tool result back to the model.
    const second = fake.requests[1]?.body.messages as Array<{ role: string; tool_call_id?: string }>;
    expect(second.at(-1)).toMatchObject({ role: 'tool' });
    engine.close();

    // Reopen the same database in a new engine: a new chat knows the name and the reminder.
    const again = await engineWith([{ text: ['You are Arvind Mehta and you need to buy milk.'] }], indexedDB);
    expect(await again.engine.client.call('getMemory', {})).toMatchObject({ name: 'Arvind Mehta', reminders: [{ text: 'buy milk' }] });
    const next = await again.engine.client.call('createConversation', {});
    await say(again.engine, next.id, "What's my name and what do I need to do?");
    const system = (again.fake.requests[0]?.body.messages as Array<{ role: string; content: string }>)[0];
    expect(system?.role).toBe('system');
    expect(system?.content).toContain('Arvind Mehta');
    expect(system?.content).toContain('1. buy milk');
    const list = await again.engine.client.call('listConversations', {});
    expect(list.map((c) => c.id)).toEqual([next.id, chat.id]);
  });

  it('updates and deletes reminders by their 1-based number', async () => {
    const { engine } = await engineWith([
      { toolCalls: [{ name: 'add_reminder', arguments: '{"reminder":"buy milk"}' }, { name: 'add_reminder', arguments: '{"reminder":"call mum"}' }] },
      { text: ['Added both.'] },
      { toolCalls: [{ name: 'update_reminder', arguments: '{"index":2,"updated_text":"call mum on Sunday"}' }] },
      { text: ['Updated.'] },
      { toolCalls: [{ name: 'delete_reminder', arguments: '{"index":1}' }] },
      { text: ['Deleted.'] },
    ]);
    const chat = await engine.client.call('createConversation', {});
    await say(engine, chat.id, 'Remind me to buy milk and to call mum');
    await say(engine, chat.id, 'Change the second one to call mum on Sunday');
    await say(engine, chat.id, 'Delete the first reminder');
    const memory = await engine.client.call('getMemory', {});
    expect(memory.reminders.map((r) => r.text)).toEqual(['call mum on Sunday']);
    expect(memory.reminders[0]).toMatchObject({ id: expect.any(String), createdAt: expect.any(Number) });
    expect(engine.events.filter((e) => e.type === 'memory-changed').length).toBeGreaterThanOrEqual(3);
  });
});

describe('engine: streaming and tools', () => {
  it('streams text deltas in order before the turn finishes, and stores only the whole message', async () => {
    const { engine } = await engineWith([{ text: ['Hel', 'lo ', 'there'] }]);
    const chat = await engine.client.call('createConversation', {});
    const { turnId } = await engine.client.call('sendMessage', { sessionId: chat.id, text: 'hi' });
    await engine.finished(turnId);
    const mine = engine.events.filter((e) => 'turnId' in e && e.turnId === turnId);
    const deltas = mine.filter((e) => e.type === 'text-delta').map((e) => (e.type === 'text-delta' ? e.text : ''));
    expect(deltas.join('')).toBe('Hello there');
    expect(mine.at(-1)?.type).toBe('turn-finished');
    const stored = mine.filter((e) => e.type === 'event-appended');
    expect(stored).toHaveLength(2);
    expect(parts(stored.map((e) => (e.type === 'event-appended' ? e.event : ({} as Event))))[1]).toEqual({ text: 'Hello there' });
  });

  it('returns bad arguments, malformed JSON and unknown tools to the model as error results', async () => {
    const { engine, fake } = await engineWith([
      {
        toolCalls: [
          { name: 'delete_reminder', arguments: '{"index":5}' },
          { name: 'add_reminder', arguments: '{"reminder":' },
          { name: 'launch_rockets', arguments: '{}' },
          { name: 'add_reminder', arguments: '{"reminder":"   "}' },
        ],
      },
      { text: ['Sorry, something went wrong.'] },
    ]);
    const chat = await engine.client.call('createConversation', {});
    expect((await say(engine, chat.id, 'do things')).status).toBe('done');
    const results = (fake.requests[1]?.body.messages as Array<{ role: string; content: string }>)
      .filter((m) => m.role === 'tool')
      .map((m) => JSON.parse(m.content) as { status: string; message: string });
    expect(results.map((r) => r.status)).toEqual(['error', 'error', 'error', 'error']);
    expect(results[0]?.message).toMatch(/no reminder 5|no reminders/i);
    expect(results[1]?.message).toMatch(/not valid JSON/);
    expect(results[2]?.message).toMatch(/Unknown tool "launch_rockets"/);
    expect((await engine.client.call('getMemory', {})).reminders).toEqual([]);
  });

  it('stops after 8 tool rounds in one turn', async () => {
    const looping: Step[] = Array.from({ length: 9 }, () => ({ toolCalls: [{ name: 'view_reminders', arguments: '{}' }] }));
    const { engine, fake } = await engineWith(looping);
    const chat = await engine.client.call('createConversation', {});
    expect((await say(engine, chat.id, 'loop')).status).toBe('done');
    expect(fake.requests).toHaveLength(9);
    const last = (await engine.client.call('openConversation', { sessionId: chat.id })).events.at(-1);
    expect(last?.content?.parts?.[0]?.text).toMatch(/stopped after 8 rounds/);
  });

  it("applies the UI's own reminder edits through the same tools, as events", async () => {
    const { engine } = await engineWith([]);
    const chat = await engine.client.call('createConversation', {});
    expect(await engine.client.call('runTool', { sessionId: chat.id, name: 'add_reminder', args: { reminder: 'water plants' } })).toMatchObject({ status: 'success' });
    expect(await engine.client.call('runTool', { sessionId: chat.id, name: 'update_reminder', args: { index: 1, updated_text: 'water plants', done: true } })).toMatchObject({ status: 'success' });
    expect(await engine.client.call('runTool', { sessionId: chat.id, name: 'delete_reminder', args: { index: 3 } })).toMatchObject({ status: 'error' });
    expect((await engine.client.call('getMemory', {})).reminders).toMatchObject([{ text: 'water plants', done: true }]);
    const events = (await engine.client.call('openConversation', { sessionId: chat.id })).events;
    expect(events.filter((e) => e.content?.parts?.[0]?.functionCall)).toHaveLength(3);
  });
});

describe('engine: paging a long conversation', () => {
  it('sends the newest events first, then older pages before a given event, without gaps or overlap', async () => {
    const { engine } = await engineWith([]);
    const chat = await engine.client.call('createConversation', {});
    for (let i = 1; i <= 5; i++) await engine.client.call('runTool', { sessionId: chat.id, name: 'add_reminder', args: { reminder: `r${i}` } });
    const all = (await engine.client.call('openConversation', { sessionId: chat.id, limit: 100 })).events.map((e) => e.id);
    expect(all).toHaveLength(10);

    const newest = await engine.client.call('openConversation', { sessionId: chat.id, limit: 4 });
    expect(newest.events.map((e) => e.id)).toEqual(all.slice(6));
    expect(newest.hasOlder).toBe(true);
    const older = await engine.client.call('openConversation', { sessionId: chat.id, limit: 4, beforeId: all[6] });
    expect(older.events.map((e) => e.id)).toEqual(all.slice(2, 6));
    const oldest = await engine.client.call('openConversation', { sessionId: chat.id, limit: 4, beforeId: all[2] });
    expect(oldest.events.map((e) => e.id)).toEqual(all.slice(0, 2));
    expect(oldest.hasOlder).toBe(false);
    await expect(engine.client.call('openConversation', { sessionId: chat.id, beforeId: 'nope' })).rejects.toMatchObject({ kind: 'SessionNotFoundError' });
  });
});
