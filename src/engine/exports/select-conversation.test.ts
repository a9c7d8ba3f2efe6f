import { describe, expect, it } from 'vitest';
import { SessionNotFoundError } from '../../store/errors';
import { sampleSnapshot } from './sample-snapshot';
import { selectConversation } from './select-conversation';

describe('selectConversation', () => {
  it('keeps only that session and its events, without app or user state', () => {
    const data = sampleSnapshot();
    const selected = selectConversation(data, 'hearth', 'me', 's-new');
    expect(selected.sessions.map((s) => s.id)).toEqual(['s-new']);
    expect(selected.events.map((e) => e.event.id).sort()).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(selected.appStates).toEqual([]);
    expect(selected.userStates).toEqual([]);
  });

  it('matches app and user as well as the id', () => {
    const data = sampleSnapshot();
    data.sessions.push({ ...data.sessions[1]!, userId: 'someone-else' });
    data.events.push({ appName: 'hearth', userId: 'someone-else', sessionId: 's-new', event: data.events[0]!.event });
    const selected = selectConversation(data, 'hearth', 'someone-else', 's-new');
    expect(selected.sessions).toHaveLength(1);
    expect(selected.events).toHaveLength(1);
  });

  it('says when the conversation is gone rather than export nothing', () => {
    expect(() => selectConversation(sampleSnapshot(), 'hearth', 'me', 'missing')).toThrow(SessionNotFoundError);
  });
});
