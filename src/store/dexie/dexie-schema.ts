import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { SessionRow } from '../driver';
import type { Event, StateMap } from '../types';
import { indexAllEvents } from './dexie-index';

/** Our schema version. Dexie stores it in IndexedDB multiplied by 10. */
export const DEXIE_SCHEMA_VERSION = 3;

export type SessionPk = [appName: string, userId: string, sessionId: string];
export type EventPk = [appName: string, userId: string, sessionId: string, id: string];
/** A key of EVENT_ORDER_INDEX. */
export type EventOrderKey = [appName: string, userId: string, sessionId: string, timestamp: number, id: string];
export type UserPk = [appName: string, userId: string];
/**
 * Time right after app and user: a user's messages are stored in time order (ties by id,
 * then session), so reading the range backwards yields them in search order.
 */
export type MessagePk = [appName: string, userId: string, timestamp: number, id: string, sessionId: string];

/**
 * The key fields are copied out of the event so IndexedDB can index them; the event
 * itself is stored whole, so fields this version does not know about survive.
 */
export interface EventRow {
  appName: string;
  userId: string;
  sessionId: string;
  id: string;
  timestamp: number;
  event: Event;
}

/**
 * One per event that is a message (search/message-text.ts): what search and stats read.
 * Its `terms` (distinct folded words) carry a multiEntry index, so IndexedDB itself keeps
 * one index entry per word, written with the row and removed with it.
 */
export interface MessageRow {
  appName: string;
  userId: string;
  timestamp: number;
  id: string;
  sessionId: string;
  author: string;
  text: string;
  terms: string[];
}

export interface AppStateRow {
  appName: string;
  state: StateMap;
  updateTime: number;
}

export interface UserStateRow {
  appName: string;
  userId: string;
  state: StateMap;
  updateTime: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Orders one session's events by timestamp, then id: the order every back end returns. */
export const EVENT_ORDER_INDEX = '[appName+userId+sessionId+timestamp+id]';
/**
 * The word index on the message index. Its keys are bare words, not scoped to an app and
 * user: Hearth keeps one of each per database, and words as plain strings are cheaper to
 * write and read than [app, user, word] arrays (measured: rows about 1.7× faster to read,
 * puts 1.6× faster). Search filters by the app and user in the primary key, so other
 * users' messages only cost time.
 */
export const TERMS_INDEX = 'terms';

/** Version 1 as released: never edit it, databases in the wild were created from it. */
const V1_STORES = {
  sessions: '[appName+userId+id], appName, [appName+userId]',
  events: `[appName+userId+sessionId+id], ${EVENT_ORDER_INDEX}`,
  appStates: 'appName',
  userStates: '[appName+userId]',
  meta: 'key',
} as const;

/**
 * Version 2 (never released) indexed messages with one `terms` row per word, which made
 * every append write some 25 extra rows. Kept so a development database at 2 upgrades
 * along the same path; Dexie keeps the tables of earlier versions.
 */
const V2_STORES = {
  messages: '[appName+userId+sessionId+id], [appName+userId+timestamp]',
  terms: '[appName+userId+term+timestamp+sessionId+id]',
} as const;

/**
 * Version 3 replaces both with one row per message and a multiEntry index on its words.
 * A new table, because IndexedDB cannot change a store's primary key (Dexie refuses to).
 */
const V3_STORES = {
  messages: null,
  terms: null,
  messageIndex: `[appName+userId+timestamp+id+sessionId], *${TERMS_INDEX}`,
} as const;

export interface HearthDexieDeps {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

export const dexieDatabaseName = (name: string): string => `hearth-${name}`;

export class HearthDexie extends Dexie {
  // `declare`: a class field would overwrite the tables Dexie sets up in `stores()`.
  declare sessions: Table<SessionRow, SessionPk>;
  declare events: Table<EventRow, EventPk>;
  declare messageIndex: Table<MessageRow, MessagePk>;
  declare appStates: Table<AppStateRow, string>;
  declare userStates: Table<UserStateRow, UserPk>;
  declare meta: Table<MetaRow, string>;

  constructor(name: string, deps: HearthDexieDeps) {
    super(dexieDatabaseName(name), {
      indexedDB: deps.indexedDB,
      IDBKeyRange: deps.IDBKeyRange,
      // Without this, Dexie silently reopens after another tab's upgrade closed us, and
      // would then open (and possibly patch) a database written by a newer Hearth.
      autoOpen: false,
    });
    this.version(1).stores(V1_STORES);
    // No upgrade: version 3 drops what version 2 built and indexes every event again.
    this.version(2).stores(V2_STORES);
    // Runs only on a database that has version 1 or 2 data; a new database starts at 3 empty.
    this.version(3)
      .stores(V3_STORES)
      .upgrade(async (tx) => {
        await indexAllEvents(tx);
        await tx.table<MetaRow, string>('meta').put({ key: 'schemaVersion', value: 3 });
      });
    this.on('populate', (tx) =>
      tx.table<MetaRow, string>('meta').add({ key: 'schemaVersion', value: DEXIE_SCHEMA_VERSION }),
    );
  }
}
