import { describe, expect, it } from 'vitest';
import type { Event, StoreSnapshot } from '../../store/types';
import { toMarkdown } from './conversations-markdown';
import { sampleSnapshot } from './sample-snapshot';
import { selectConversation } from './select-conversation';

const utc = { timeZone: 'UTC' };

describe('markdown transcript', () => {
  it('reads as the chat does: memory, then each conversation with who, when and what', () => {
    expect(toMarkdown(sampleSnapshot(), { ...utc, now: Date.UTC(2026, 10, 21, 14, 5) })).toBe(
      [
        '_Exported from Hearth on 2026-11-21 14:05 (times in UTC)._',
        '',
        '# Memory',
        '',
        'Name: Zoë',
        '',
        'Reminders:',
        '',
        '- [ ] buy milk · due 2026-11-22 17:00',
        '',
        '---',
        '',
        '# Groceries',
        '',
        '_Created 2026-11-21 09:00 · updated 2026-11-21 09:03_',
        '',
        '**You** · 2026-11-21 09:00',
        '',
        'Remind me to buy milk, eggs & "good" bread 🍞',
        '',
        '**Assistant** · 2026-11-21 09:01',
        '',
        '- 🔧 `add_reminder {"reminder":"buy milk","tags":{"where":["shop","café"]}}` → Added reminder: buy milk',
        '',
        'Done — **milk** is on your list.',
        '',
        '- milk',
        '',
        '---',
        '',
        '# New chat',
        '',
        '_Created 2026-11-20 08:00 · updated 2026-11-20 08:00_',
        '',
        '**You** · 2026-11-20 08:00',
        '',
        '=HYPERLINK("http://evil","click")',
        '',
      ].join('\n'),
    );
  });

  it('shows one conversation without memory, and leaves out state-only events such as renames', () => {
    const text = toMarkdown(selectConversation(sampleSnapshot(), 'hearth', 'me', 's-new'), utc);
    expect(text).toMatch(/^# Groceries\n/);
    expect(text).not.toMatch(/Memory|Zoë|Exported|New chat/);
    expect(text.match(/\*\*(You|Assistant)\*\*/g)).toEqual(['**You**', '**Assistant**']);
  });

  it('prints times in the zone asked for', () => {
    const text = toMarkdown(selectConversation(sampleSnapshot(), 'hearth', 'me', 's-old'), { timeZone: 'Asia/Kolkata' });
    expect(text).toContain('**You** · 2026-11-20 13:30');
  });

  it('shows failed, unanswered and odd tool calls, and the memory panel’s own edits', () => {
    const event = (id: string, author: string, parts: Event['content'], invocationId = 'i'): Event => ({
      id,
      invocationId,
      author,
      timestamp: Date.UTC(2026, 0, 1, 12, Number(id.slice(1))),
      ...(parts ? { content: parts } : {}),
      actions: { stateDelta: {} },
    });
    const data: StoreSnapshot = {
      sessions: [{ appName: 'hearth', userId: 'me', id: 's', state: { title: 'Tools\nand `code`' }, createTime: 0, updateTime: 0 }],
      events: [
        event('e1', 'agent', { role: 'model', parts: [{ functionCall: { id: 'a', name: 'delete_reminder', args: { index: 9 } } }, { functionCall: { name: 'view_reminders' } }] }),
        event('e2', 'agent', { role: 'user', parts: [{ functionResponse: { id: 'a', name: 'delete_reminder', response: { status: 'error', message: 'There is no\nreminder 9.' } } }] }),
        event('e3', 'agent', { role: 'model', parts: [{ functionCall: { id: 'b', name: 'odd', args: { code: 'a`b' } } }] }),
        event('e4', 'agent', { role: 'user', parts: [{ functionResponse: { id: 'b', name: 'odd', response: { result: 42 } } }] }),
        event('e5', 'user', { role: 'user', parts: [{ functionCall: { id: 'u', name: 'update_user_name', args: { name: 'Zoë' } } }] }, 'panel'),
        event('e6', 'agent', { role: 'model', parts: 'not a list' } as unknown as Event['content'], 'j'),
        { ...event('e7', 'agent', { role: 'model', parts: [null, { text: 'Half a rep' }] } as unknown as Event['content'], 'j'), interrupted: true },
      ].map((e) => ({ appName: 'hearth', userId: 'me', sessionId: 's', event: e })),
      appStates: [],
      userStates: [],
    };
    const text = toMarkdown(data, utc);
    expect(text).toContain('# Tools and `code`\n');
    expect(text).toContain('- 🔧 `delete_reminder {"index":9}` → error: There is no reminder 9.');
    expect(text).toContain('- 🔧 `view_reminders {}` → _no result_');
    expect(text).toContain('- 🔧 ``odd {"code":"a`b"}`` → `{"result":42}`');
    expect(text).toContain('**You** · 2026-01-01 12:05\n\n- 🔧 `update_user_name {"name":"Zoë"}` → _no result_');
    expect(text).toMatch(/\*\*Assistant\*\* · 2026-01-01 12:07\n\nHalf a rep\n\n_\(interrupted\)_\n$/);
    expect(text.match(/\*\*Assistant\*\*/g)).toHaveLength(2);
  });

  it('says so when there is nothing to export', () => {
    expect(toMarkdown({ sessions: [], events: [], appStates: [], userStates: [] }, utc)).toBe('_No conversations._\n');
  });
});
