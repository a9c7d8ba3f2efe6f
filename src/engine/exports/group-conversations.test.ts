import { describe, expect, it } from 'vitest';
import { groupConversations } from './group-conversations';
import { sampleSnapshot } from './sample-snapshot';

describe('groupConversations', () => {
  it('orders conversations newest first, ties by id, and events by timestamp then id', () => {
    const data = sampleSnapshot();
    data.sessions.push({ ...data.sessions[0]!, id: 's-a' });
    const groups = groupConversations(data);
    expect(groups.map((g) => g.session.id)).toEqual(['s-new', 's-a', 's-old']);
    expect(groups[0]!.events.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(groups[1]!.events).toEqual([]);
  });
});
