import { describe, expect, it } from 'vitest';
import type { Event } from '../../protocol/protocol';
import { toTranscript, transcriptItemOf } from './transcript';

let clock = 0;
const event = (author: string, invocationId: string, parts: NonNullable<Event['content']>['parts'], extra: Partial<Event> = {}): Event => ({
  id: `e${++clock}`,
  invocationId,
  author,
  timestamp: clock,
  content: { role: author === 'user' ? 'user' : 'model', parts },
  actions: { stateDelta: {} },
  ...extra,
});

describe('toTranscript', () => {
  it('folds the rounds of one reply, with tool calls and their results, into one message', () => {
    const items = toTranscript([
      event('user', 'i1', [{ text: 'Remind me to buy milk' }]),
      event('hearth', 'i1', [{ text: 'Sure!' }, { functionCall: { id: 'c1', name: 'add_reminder', args: { reminder: 'buy milk' } } }]),
      event('hearth', 'i1', [{ functionResponse: { id: 'c1', name: 'add_reminder', response: { status: 'success', message: "Added 'buy milk'." } } }]),
      event('hearth', 'i1', [{ text: 'Added.' }]),
      event('user', 'i2', [{ text: 'Thanks' }]),
      event('hearth', 'i2', [{ text: 'You are welcome' }], { interrupted: true }),
    ]);
    expect(items.map((i) => i.kind)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(items[1]).toMatchObject({
      text: 'Sure!\n\nAdded.',
      interrupted: false,
      tools: [{ name: 'add_reminder', args: { reminder: 'buy milk' }, status: 'success', message: "Added 'buy milk'." }],
    });
    expect(items[3]).toMatchObject({ text: 'You are welcome', interrupted: true });
  });

  it("shows the user's own memory edits as edits, and leaves content-free events to the inspector", () => {
    const items = toTranscript([
      event('user', 'ui-1', [{ functionCall: { id: 'u1', name: 'delete_reminder', args: { index: 9 } } }]),
      event('user', 'ui-1', [{ functionResponse: { id: 'u1', name: 'delete_reminder', response: { status: 'error', message: 'There is no reminder 9.' } } }]),
      { id: 'r', invocationId: 'rename-1', author: 'user', timestamp: 99, actions: { stateDelta: { title: 'Groceries' } } },
    ]);
    expect(items).toEqual([
      { kind: 'edit', id: expect.any(String), timestamp: expect.any(Number), tools: [{ id: 'u1', name: 'delete_reminder', args: { index: 9 }, status: 'error', message: 'There is no reminder 9.' }] },
    ]);
  });

  it('keeps replies of separate turns apart', () => {
    const items = toTranscript([event('hearth', 'a', [{ text: 'one' }]), event('hearth', 'b', [{ text: 'two' }])]);
    expect(items.map((i) => (i.kind === 'assistant' ? i.text : ''))).toEqual(['one', 'two']);
  });

  it('finds the message that shows an event, also when a reply folds several events into one', () => {
    const events = [
      event('user', 'i1', [{ text: 'Plan the garden' }]),
      event('hearth', 'i1', [{ text: 'First,' }, { functionCall: { id: 'c1', name: 'add_reminder', args: { reminder: 'seeds' } } }]),
      event('hearth', 'i1', [{ functionResponse: { id: 'c1', name: 'add_reminder', response: { status: 'success' } } }]),
      event('hearth', 'i1', [{ text: 'then water.' }]),
    ];
    const [user, reply] = toTranscript(events);
    expect(transcriptItemOf(events, events[0]!.id)).toBe(user!.id);
    expect(transcriptItemOf(events, events[3]!.id)).toBe(reply!.id);
    expect(transcriptItemOf(events, events[2]!.id)).toBeUndefined();
    expect(transcriptItemOf(events, 'elsewhere')).toBeUndefined();
  });
});
