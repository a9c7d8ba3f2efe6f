import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { SessionRow } from '../driver';
import type { Event, StateMap } from '../types';

/** Our schema version. Dexie stores it in IndexedDB multiplied by 10. */
export const DEXIE_SCHEMA_VERSION = 1;

export type SessionPk = [appName: string, userId: string, sessionId: string];
export type EventPk = [appName: string, userId: string, sessionId: string, id: string];
export type UserPk = [appName: string, userId: string];

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

export const DEXIE_STORES = {
  sessions: '[appName+userId+id], appName, [appName+userId]',
  events: `[appName+userId+sessionId+id], ${EVENT_ORDER_INDEX}`,
  appStates: 'appName',
  userStates: '[appName+userId]',
  meta: 'key',
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
    this.version(DEXIE_SCHEMA_VERSION).stores(DEXIE_STORES);
    this.on('populate', (tx) =>
      tx.table<MetaRow, string>('meta').add({ key: 'schemaVersion', value: DEXIE_SCHEMA_VERSION }),
    );
  }
}
