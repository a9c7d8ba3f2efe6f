// Two engines in one browser, as two tabs would have: real Web Locks, a real
// BroadcastChannel, and SQLite on OPFS, whose pool allows one connection.
import { afterEach, describe, expect, it } from 'vitest';
import { openSessionService } from '../../src/store';
import { startEngine, type EngineHarness } from '../support/engine-harness';

const started: EngineHarness[] = [];
afterEach(() => {
  for (const engine of started.splice(0)) engine.close();
});

async function tab(name: string, channelName: string): Promise<EngineHarness> {
  const engine = await startEngine(() => openSessionService({ backend: 'sqlite-opfs', name }), {
    locks: navigator.locks,
    channel: new BroadcastChannel(channelName),
    lockName: `hearth:engine:${name}`,
  });
  started.push(engine);
  return engine;
}

describe('engine: one tab owns the database', () => {
  it('a second tab does not write; "Use here" takes over cleanly and the first tab is told', async () => {
    const name = `tabs-${Date.now()}`;
    const first = await tab(name, name);
    expect(first.ready.backend).toBe('sqlite-opfs');
    const chat = await first.client.call('createConversation', {});
    await first.client.call('runTool', { sessionId: chat.id, name: 'add_reminder', args: { reminder: 'from tab one' } });

    const second = await tab(name, name);
    expect(second.ready.backend).toBeNull();
    expect(second.ready.error).toMatchObject({ code: 'storage-in-use' });
    await expect(second.client.call('listConversations', {})).rejects.toMatchObject({ code: 'storage-in-use' });

    expect(await second.client.call('takeOver', {})).toEqual({ backend: 'sqlite-opfs' });
    await expect.poll(() => first.events.some((e) => e.type === 'ownership' && !e.owner)).toBe(true);
    await expect(first.client.call('getMemory', {})).rejects.toMatchObject({ code: 'storage-in-use' });
    expect((await second.client.call('getMemory', {})).reminders.map((r) => r.text)).toEqual(['from tab one']);
    expect((await second.client.call('listConversations', {})).map((c) => c.id)).toEqual([chat.id]);

    // And back again.
    expect(await first.client.call('takeOver', {})).toEqual({ backend: 'sqlite-opfs' });
    await expect.poll(() => second.events.some((e) => e.type === 'ownership' && !e.owner)).toBe(true);
    expect((await first.client.call('getMemory', {})).reminders).toHaveLength(1);
  });
});
