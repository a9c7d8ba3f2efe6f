import type { Event, StoreSnapshot } from '../../store/types';

/**
 * The exporters' test data: two conversations with a tool call, a rename (a state-only
 * event), unknown fields, unicode and markup in messages, and the user's name and reminders.
 */
export function sampleSnapshot(): StoreSnapshot {
  const at = (minute: number) => Date.UTC(2026, 10, 21, 9, minute);
  const groceries: Event[] = [
    {
      id: 'e1',
      invocationId: 'i1',
      author: 'user',
      timestamp: at(0),
      content: { role: 'user', parts: [{ text: 'Remind me to buy milk, eggs & "good" bread 🍞' }] },
      actions: { stateDelta: {} },
    },
    {
      id: 'e2',
      invocationId: 'i1',
      author: 'hearth_agent',
      timestamp: at(1),
      content: { role: 'model', parts: [{ functionCall: { id: 'c1', name: 'add_reminder', args: { reminder: 'buy milk', tags: { where: ['shop', 'café'] } } } }] },
      actions: { stateDelta: { 'user:reminders': [{ id: 'r1', text: 'buy milk', createdAt: at(1) }] } },
      usageMetadata: { promptTokenCount: 12, nested: { deep: [1, null, 'x'] } },
    },
    {
      id: 'e3',
      invocationId: 'i1',
      author: 'hearth_agent',
      timestamp: at(1),
      content: { role: 'user', parts: [{ functionResponse: { id: 'c1', name: 'add_reminder', response: { status: 'success', action: 'add_reminder', message: 'Added reminder: buy milk' } } }] },
      actions: { stateDelta: {} },
    },
    {
      id: 'e4',
      invocationId: 'i1',
      author: 'hearth_agent',
      timestamp: at(2),
      content: { role: 'model', parts: [{ text: 'Done — **milk** is on your list.\n\n- milk' }], extra: 'kept' },
      actions: { stateDelta: {}, customAction: { skip: true } },
    },
    {
      id: 'e5',
      invocationId: 'rename-1',
      author: 'user',
      timestamp: at(3),
      actions: { stateDelta: { title: 'Groceries', stale: null } },
    },
  ];
  const other: Event[] = [
    {
      id: 'f1',
      invocationId: 'j1',
      author: 'user',
      timestamp: Date.UTC(2026, 10, 20, 8, 0),
      content: { role: 'user', parts: [{ text: '=HYPERLINK("http://evil","click")' }] },
      actions: { stateDelta: {} },
    },
  ];
  return {
    sessions: [
      { appName: 'hearth', userId: 'me', id: 's-old', state: {}, createTime: Date.UTC(2026, 10, 20, 8, 0), updateTime: Date.UTC(2026, 10, 20, 8, 0) },
      { appName: 'hearth', userId: 'me', id: 's-new', state: { title: 'Groceries', stale: null, 'ünï': { a: [1, 2] } }, createTime: at(0), updateTime: at(3) },
    ],
    // Stored out of order, as a back end may return them.
    events: [...groceries].reverse().map((event) => ({ appName: 'hearth', userId: 'me', sessionId: 's-new', event }))
      .concat(other.map((event) => ({ appName: 'hearth', userId: 'me', sessionId: 's-old', event }))),
    appStates: [{ appName: 'hearth', state: { theme: 'dark' }, updateTime: at(0) }],
    userStates: [{ appName: 'hearth', userId: 'me', state: { name: 'Zoë', reminders: [{ id: 'r1', text: 'buy milk', createdAt: at(1), due: '2026-11-22T17:00:00.000Z' }] }, updateTime: at(1) }],
  };
}
