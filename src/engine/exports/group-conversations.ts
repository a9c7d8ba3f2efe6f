import { InvalidArgumentError } from '../../store/errors';
import { compareEvents, compareIds } from '../../store/event-order';
import type { Event, SnapshotSession, StoreSnapshot } from '../../store/types';

export interface ConversationGroup {
  session: SnapshotSession;
  /** In timestamp-then-id order, the order the store replays them in. */
  events: Event[];
}

/**
 * Every session with its events, newest update first (the conversation list's order);
 * ties fall back to app, user and id so two exports of the same data are identical.
 */
export function groupConversations(data: StoreSnapshot): ConversationGroup[] {
  const groups = new Map<string, ConversationGroup>();
  for (const session of data.sessions) {
    groups.set(sessionKey(session.appName, session.userId, session.id), { session, events: [] });
  }
  for (const row of data.events) {
    const group = groups.get(sessionKey(row.appName, row.userId, row.sessionId));
    // An export nests events in their conversation: one without a conversation would be dropped unseen.
    if (!group) throw new InvalidArgumentError(`Event "${row.event.id}" belongs to conversation "${row.sessionId}", which is not in the data.`);
    group.events.push(row.event);
  }
  const sorted = [...groups.values()].sort((a, b) => compareSessions(a.session, b.session));
  for (const group of sorted) group.events.sort(compareEvents);
  return sorted;
}

function compareSessions(a: SnapshotSession, b: SnapshotSession): number {
  return b.updateTime - a.updateTime || compareIds(a.appName, b.appName) || compareIds(a.userId, b.userId) || compareIds(a.id, b.id);
}

function sessionKey(appName: string, userId: string, sessionId: string): string {
  return JSON.stringify([appName, userId, sessionId]);
}
