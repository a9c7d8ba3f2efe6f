import { describe, expect, it } from 'vitest';
import { openSessionService, type Session } from '../store';
import type { ModelClient } from './model-client';
import { runTurn } from './run-turn';
import { reminderTools } from './tools/reminder-tools';

const scripted = (...answers: Array<{ text?: string; toolCalls?: { id: string; name: string; arguments: string }[] }>): ModelClient => ({
  kind: 'offline',
  label: 'scripted',
  complete: () => Promise.resolve({ text: '', toolCalls: [], ...answers.shift() }),
});

describe('runTurn', () => {
  it('reloads a stale session once and carries on (another writer got there first)', async () => {
    const store = await openSessionService({ backend: 'memory' });
    await store.createSession({ appName: 'hearth', userId: 'me', sessionId: 's' });
    const key = { appName: 'hearth', userId: 'me', sessionId: 's' };
    const stale = (await store.getSession(key)) as Session;
    const other = (await store.getSession(key)) as Session;
    await store.appendEvent({ session: other, event: { invocationId: 'x', author: 'user', actions: { stateDelta: { 'user:name': 'Ann' } } } });

    const model = scripted({ toolCalls: [{ id: 'c1', name: 'add_reminder', arguments: '{"reminder":"milk"}' }] }, { text: 'Done' });
    // A clock that moves on: events within one millisecond are ordered by their (random) ids.
    let clock = Date.now() + 1000;
    const { outcome, session } = await runTurn(
      { store, model, tools: reminderTools, now: () => clock++ },
      { session: stale, userText: 'remind me to buy milk', invocationId: 'inv', signal: new AbortController().signal },
    );
    expect(outcome).toEqual({ status: 'done' });
    expect(session).not.toBe(stale);
    const stored = (await store.getSession(key)) as Session;
    expect(stored.events.map((e) => e.author)).toEqual(['user', 'user', 'hearth', 'hearth', 'hearth']);
    expect(stored.state['user:name']).toBe('Ann');
    expect(stored.state['user:reminders']).toMatchObject([{ text: 'milk' }]);
  });

  it('fails (without retrying forever) when the session was deleted', async () => {
    const store = await openSessionService({ backend: 'memory' });
    const session = await store.createSession({ appName: 'hearth', userId: 'me', sessionId: 's' });
    await store.deleteSession({ appName: 'hearth', userId: 'me', sessionId: 's' });
    const { outcome } = await runTurn(
      { store, model: scripted({ text: 'hi' }), tools: reminderTools },
      { session, userText: 'hello', invocationId: 'inv', signal: new AbortController().signal },
    );
    expect(outcome).toMatchObject({ status: 'failed', error: { name: 'SessionNotFoundError' } });
  });
});
