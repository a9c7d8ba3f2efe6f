// The seed's scenarios with the built-in assistant: no network, the same tools and events.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openSessionService } from '../../src/store';
import { startEngine, type EngineHarness } from '../support/engine-harness';

const started: EngineHarness[] = [];
afterEach(() => {
  for (const engine of started.splice(0)) engine.close();
});

async function open(indexedDB: IDBFactory) {
  const engine = await startEngine(() => openSessionService({ backend: 'indexeddb', name: 'offline', indexedDB, IDBKeyRange }), {
    fetch: () => Promise.reject(new Error('the built-in assistant must not touch the network')),
  });
  started.push(engine);
  return engine;
}

async function say(engine: EngineHarness, sessionId: string, text: string): Promise<string> {
  const { turnId } = await engine.client.call('sendMessage', { sessionId, text });
  expect((await engine.finished(turnId)).status).toBe('done');
  const events = (await engine.client.call('openConversation', { sessionId })).events;
  return events.at(-1)?.content?.parts?.[0]?.text ?? '';
}

describe('engine with the built-in assistant', () => {
  it('name, add, view, update and delete, remembered across a reopen and a new chat', async () => {
    const indexedDB = new IDBFactory();
    const engine = await open(indexedDB);
    expect(engine.ready.model).toEqual({ kind: 'offline', label: 'Built-in assistant (basic, offline)' });
    const first = await engine.client.call('createConversation', {});
    expect(await say(engine, first.id, 'My name is Arvind Mehta')).toMatch(/Arvind Mehta/);
    expect(await say(engine, first.id, 'Remind me to buy milk')).toMatch(/buy milk/);
    expect(await say(engine, first.id, 'add a reminder to call mum')).toMatch(/call mum/);
    engine.close();

    const again = await open(indexedDB);
    const second = await again.client.call('createConversation', {});
    expect(await say(again, second.id, "what's my name?")).toMatch(/Arvind Mehta/);
    expect(await say(again, second.id, 'what are my reminders?')).toMatch(/1\. buy milk[\s\S]*2\. call mum/);
    await say(again, second.id, 'update my second reminder to call mum on Sunday');
    await say(again, second.id, 'delete the first reminder');
    expect((await again.client.call('getMemory', {})).reminders.map((r) => r.text)).toEqual(['call mum on Sunday']);
    const events = (await again.client.call('openConversation', { sessionId: second.id })).events;
    expect(events.some((e) => e.content?.parts?.[0]?.functionCall?.name === 'delete_reminder')).toBe(true);
  });
});
