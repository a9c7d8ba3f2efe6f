import Dexie from 'dexie';
import type { Table, Transaction } from 'dexie';
import type { SessionKey } from '../driver';
import { messageText } from '../search/message-text';
import { tokenize } from '../search/tokenize';
import { EVENT_ORDER_INDEX } from './dexie-schema';
import type { EventOrderKey, EventPk, EventRow, MessagePk, MessageRow } from './dexie-schema';

/**
 * The message index (the messageIndex table), derived from the events table. Every
 * function here runs inside the caller's transaction, so the index never disagrees
 * with the events it was built from.
 */

type Indexable = Pick<EventRow, 'appName' | 'userId' | 'sessionId' | 'event'>;

/** Events read per step while upgrading, so a large history is never in memory at once. */
const UPGRADE_PAGE = 500;

/** The index row of an event, or undefined when the event is not a message. */
export function messageRow({ appName, userId, sessionId, event }: Indexable): MessageRow | undefined {
  const text = messageText(event);
  if (text === undefined) return undefined;
  return { appName, userId, timestamp: event.timestamp, id: event.id, sessionId, author: event.author, text, terms: tokenize(text) };
}

export async function addToIndex(messageIndex: Table<MessageRow, MessagePk>, rows: readonly Indexable[]): Promise<void> {
  const messages: MessageRow[] = [];
  for (const row of rows) {
    const message = messageRow(row);
    if (message) messages.push(message);
  }
  if (messages.length === 0) return;
  // put, not add: the index is derived data, and rebuilding a row must not fail the write it follows.
  await messageIndex.bulkPut(messages);
}

/**
 * Call before the session's events are deleted: their keys (read from the ordering index,
 * which holds the timestamps the index keys need) name the rows to remove.
 */
export async function removeSessionFromIndex(
  tables: { events: Table<EventRow, EventPk>; messageIndex: Table<MessageRow, MessagePk> },
  key: SessionKey,
): Promise<void> {
  const { appName, userId, sessionId } = key;
  const keys = await tables.events
    .where(EVENT_ORDER_INDEX)
    .between([appName, userId, sessionId, Dexie.minKey, Dexie.minKey], [appName, userId, sessionId, Dexie.maxKey, Dexie.maxKey], true, true)
    .keys();
  // keys() is typed for any index; this one's key path fixes the shape.
  const eventKeys = keys as unknown as EventOrderKey[];
  await tables.messageIndex.bulkDelete(eventKeys.map(([, , , timestamp, id]): MessagePk => [appName, userId, timestamp, id, sessionId]));
}

/** The upgrade to version 3: indexes every stored event, a page at a time in primary-key order. */
export async function indexAllEvents(tx: Transaction): Promise<void> {
  const events = tx.table<EventRow, EventPk>('events');
  const messageIndex = tx.table<MessageRow, MessagePk>('messageIndex');
  let after: EventPk | undefined;
  for (;;) {
    const page = await (after ? events.where(':id').above(after) : events.toCollection()).limit(UPGRADE_PAGE).toArray();
    const last = page[page.length - 1];
    if (!last) return;
    await addToIndex(messageIndex, page);
    after = [last.appName, last.userId, last.sessionId, last.id];
  }
}
