// The real engine worker entry in Chromium: it opens SQLite on OPFS in its own thread,
// runs a turn with the built-in assistant, and its death rejects pending calls.
import { describe, expect, it } from 'vitest';
import { connectEngineWorker } from '../../src/protocol/connect-worker';

describe('engine worker', () => {
  it('starts, opens SQLite on OPFS, and runs a turn with the built-in assistant', async () => {
    const worker = new Worker(new URL('../../src/engine/engine-worker.ts', import.meta.url), { type: 'module' });
    const client = connectEngineWorker(worker);
    try {
      const ready = await client.ready;
      expect(ready).toMatchObject({ protocolVersion: 1, backend: 'sqlite-opfs', model: { kind: 'offline' } });
      const chat = await client.call('createConversation', {});
      const finished = new Promise((resolve) => {
        client.onEvent((event) => {
          if (event.type === 'turn-finished') resolve(event.status);
        });
      });
      await client.call('sendMessage', { sessionId: chat.id, text: 'remind me to water the plants' });
      expect(await finished).toBe('done');
      const memory = await client.call('getMemory', {});
      expect(memory.reminders.map((r) => r.text)).toContain('water the plants');
      await client.call('runTool', { sessionId: chat.id, name: 'delete_reminder', args: { index: memory.reminders.length } });
    } finally {
      worker.terminate();
    }
  });

  it('rejects every pending call when the engine dies', async () => {
    const worker = new Worker(new URL('../../src/engine/engine-worker.ts', import.meta.url), { type: 'module' });
    const client = connectEngineWorker(worker);
    await client.ready;
    worker.dispatchEvent(new ErrorEvent('error', { message: 'simulated crash' }));
    await expect(client.call('listConversations', {})).rejects.toMatchObject({ code: 'engine-crashed' });
    worker.terminate();
  });
});
