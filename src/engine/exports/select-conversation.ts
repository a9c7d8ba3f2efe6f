import { SessionNotFoundError } from '../../store/errors';
import type { StoreSnapshot } from '../../store/types';

/**
 * One conversation as a snapshot of its own: the session and its events, without app or
 * user state, so exporting a single chat never carries the user's name or reminders.
 */
export function selectConversation(data: StoreSnapshot, appName: string, userId: string, sessionId: string): StoreSnapshot {
  const sessions = data.sessions.filter((s) => s.appName === appName && s.userId === userId && s.id === sessionId);
  if (sessions.length === 0) throw new SessionNotFoundError(`Conversation "${sessionId}" was not found; it may have been deleted.`);
  const events = data.events.filter((e) => e.appName === appName && e.userId === userId && e.sessionId === sessionId);
  return { sessions, events, appStates: [], userStates: [] };
}
