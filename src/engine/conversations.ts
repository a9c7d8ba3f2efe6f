import type { Event, Session, SessionService } from '../store';
import type { Conversation, ConversationSummary, Memory } from '../protocol/protocol';
import { readReminders } from '../agent/tools/reminder-tools';

/** Hearth runs for one person on one device; the store supports more. */
export const APP_NAME = 'hearth';
export const USER_ID = 'me';
export const TITLE_KEY = 'title';
export const UNTITLED = 'New chat';

export function summarize(session: Pick<Session, 'id' | 'state' | 'lastUpdateTime'>): ConversationSummary {
  const title = session.state[TITLE_KEY];
  return { id: session.id, title: typeof title === 'string' && title ? title : UNTITLED, lastUpdateTime: session.lastUpdateTime };
}

/** A title from the first message: its first line, cut at a word near 60 characters. */
export function titleFrom(text: string): string {
  const line = text.trim().split('\n')[0]?.trim() ?? '';
  if (line.length <= 60) return line || UNTITLED;
  const cut = line.slice(0, 60);
  const space = cut.lastIndexOf(' ');
  return `${(space > 30 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export async function listConversations(store: SessionService): Promise<ConversationSummary[]> {
  const { sessions } = await store.listSessions({ appName: APP_NAME, userId: USER_ID });
  // The store lists oldest first; the UI shows newest first.
  return sessions.map(summarize).reverse();
}

export function toConversation(session: Session, events: Event[], hasOlder: boolean): Conversation {
  return { ...summarize(session), events, hasOlder };
}

/** The memory panel's view of the user scope: the name and the reminders. */
export function memoryOf(name: unknown, reminders: unknown): Memory {
  return { ...(typeof name === 'string' && name ? { name } : {}), reminders: readReminders(reminders) };
}
