import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { SessionRow } from '../driver';
import type { Event, StateMap } from '../types';
import { indexAllEvents } from './dexie-index';

/** Our schema version. Dexie stores it in IndexedDB multiplied by 10. */
export const DEXIE_SCHEMA_VERSION = 2;

export type SessionPk = [appName: string, userId: string, sessionId: string];
export type EventPk = [appName: string, userId: string, sessionId: string, id: string];
export type UserPk = [appName: string, userId: string];
export type TermPk = [appName: string, userId: string, term: string, timestamp: number, sessionId: string, id: string];

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

/** One per event that is a message (search/message-text.ts): what search and stats read. */
export interface MessageRow {
  appName: string;
  userId: string;
  sessionId: string;
  id: string;
  timestamp: number;
  author: string;
  text: string;
  /**
   * The distinct folded words the terms table holds for this message. Kept so that
   * deleting removes exactly those rows, even if a browser update changes how a word
   * tokenizes (Unicode tables) after the message was indexed.
   */
  terms: string[];
}

/** The word index: the key alone answers a prefix search, scoped to one app and user. */
export interface TermRow {
  appName: string;
  userId: string;
  term: string;
  timestamp: number;
  sessionId: string;
  id: string;
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
/** A user's messages by time, for stats. */
export const MESSAGE_TIME_INDEX = '[appName+userId+timestamp]';

/** Version 1 as released: never edit it, databases in the wild were created from it. */
const V1_STORES = {
  sessions: '[appName+userId+id], appName, [appName+userId]',
  events: `[appName+userId+sessionId+id], ${EVENT_ORDER_INDEX}`,
  appStates: 'appName',
  userStates: '[appName+userId]',
  meta: 'key',
} as const;

/** Version 2 adds the message search index; Dexie keeps the tables of earlier versions. */
const V2_STORES = {
  messages: `[appName+userId+sessionId+id], ${MESSAGE_TIME_INDEX}`,
  terms: '[appName+userId+term+timestamp+sessionId+id]',
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
  declare messages: Table<MessageRow, EventPk>;
  declare terms: Table<TermRow, TermPk>;
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
    // Runs only on a database that has version 1 data; a new database starts at 2 empty.
    this.version(2)
      .stores(V2_STORES)
      .upgrade(async (tx) => {
        await indexAllEvents(tx);
        await tx.table<MetaRow, string>('meta').put({ key: 'schemaVersion', value: 2 });
      });
    this.on('populate', (tx) =>
      tx.table<MetaRow, string>('meta').add({ key: 'schemaVersion', value: DEXIE_SCHEMA_VERSION }),
    );
  }
}
