import Dexie from 'dexie';
import type { Table, Transaction } from 'dexie';
import type { SessionKey } from '../driver';
import { messageText } from '../search/message-text';
import { tokenize } from '../search/tokenize';
import type { EventPk, EventRow, MessageRow, TermPk, TermRow } from './dexie-schema';

/**
 * The message index (messages + terms tables), derived from the events table. Every
 * function here runs inside the caller's transaction, so the index never disagrees
 * with the events it was built from.
 */

export interface IndexTables {
  messages: Table<MessageRow, EventPk>;
  terms: Table<TermRow, TermPk>;
}

type Indexable = Pick<EventRow, 'appName' | 'userId' | 'sessionId' | 'event'>;

/** Events read per step while upgrading, so a large history is never in memory at once. */
const UPGRADE_PAGE = 500;

export async function addToIndex(tables: IndexTables, rows: readonly Indexable[]): Promise<void> {
  const messages: MessageRow[] = [];
  const terms: TermRow[] = [];
  for (const { appName, userId, sessionId, event } of rows) {
    const text = messageText(event);
    if (text === undefined) continue;
    const words = tokenize(text);
    const { id, timestamp, author } = event;
    messages.push({ appName, userId, sessionId, id, timestamp, author, text, terms: words });
    for (const term of words) terms.push({ appName, userId, term, timestamp, sessionId, id });
  }
  if (messages.length === 0) return;
  // put, not add: the index is derived data, and rebuilding a row must not fail the write it follows.
  await tables.messages.bulkPut(messages);
  await tables.terms.bulkPut(terms);
}

export async function removeSessionFromIndex(tables: IndexTables, key: SessionKey): Promise<void> {
  const { appName, userId, sessionId } = key;
  const range = tables.messages
    .where(':id')
    .between([appName, userId, sessionId, Dexie.minKey], [appName, userId, sessionId, Dexie.maxKey], true, true);
  const messages = await range.toArray();
  const termKeys = messages.flatMap((m) => m.terms.map((term): TermPk => [appName, userId, term, m.timestamp, sessionId, m.id]));
  await tables.terms.bulkDelete(termKeys);
  await range.delete();
}

/** The version 1 → 2 upgrade: indexes every stored event, a page at a time in primary-key order. */
export async function indexAllEvents(tx: Transaction): Promise<void> {
  const events = tx.table<EventRow, EventPk>('events');
  const tables: IndexTables = { messages: tx.table('messages'), terms: tx.table('terms') };
  let after: EventPk | undefined;
  for (;;) {
    const page = await (after ? events.where(':id').above(after) : events.toCollection()).limit(UPGRADE_PAGE).toArray();
    const last = page[page.length - 1];
    if (!last) return;
    await addToIndex(tables, page);
    after = [last.appName, last.userId, last.sessionId, last.id];
  }
}
