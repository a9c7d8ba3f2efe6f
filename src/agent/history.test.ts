import { describe, expect, it } from 'vitest';
import type { Event } from '../store';
import { buildHistory } from './history';

let n = 0;
const event = (author: string, parts: Event['content'] extends infer C ? (C extends { parts?: infer P } ? P : never) : never): Event => ({
  id: `e${++n}`,
  invocationId: 'i',
  author,
  timestamp: n,
  content: { role: author === 'user' ? 'user' : 'model', parts },
  actions: { stateDelta: {} },
});

describe('buildHistory', () => {
  it('rebuilds user text, assistant tool calls and tool results', () => {
    expect(
      buildHistory([
        event('user', [{ text: 'remind me' }]),
        event('hearth', [{ text: 'Sure.' }, { functionCall: { id: 'c1', name: 'add_reminder', args: { reminder: 'x' } } }]),
        event('hearth', [{ functionResponse: { id: 'c1', name: 'add_reminder', response: { status: 'success' } } }]),
        event('hearth', [{ text: 'Done.' }]),
      ]),
    ).toEqual([
      { role: 'user', content: 'remind me' },
      { role: 'assistant', content: 'Sure.', toolCalls: [{ id: 'c1', name: 'add_reminder', arguments: '{"reminder":"x"}' }] },
      { role: 'tool', toolCallId: 'c1', name: 'add_reminder', content: '{"status":"success"}' },
      { role: 'assistant', content: 'Done.' },
    ]);
  });

  it('drops unanswered tool calls, orphan results, and state-only events', () => {
    const stateOnly: Event = { id: 'rename', invocationId: 'r', author: 'user', timestamp: 0, actions: { stateDelta: { title: 'x' } } };
    expect(
      buildHistory([
        stateOnly,
        event('user', [{ text: 'hi' }]),
        event('hearth', [{ functionCall: { id: 'lost', name: 'view_reminders', args: {} } }]),
        event('user', [{ functionResponse: { id: 'ui1', name: 'add_reminder', response: {} } }]),
        event('user', [{ text: 'again' }]),
      ]),
    ).toEqual([
      { role: 'user', content: 'hi' },
      { role: 'user', content: 'again' },
    ]);
  });
});
