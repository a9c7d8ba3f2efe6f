import Dexie from 'dexie';
import type {
  AppendEventInput,
  AppendOutcome,
  CreateSessionInput,
  CreatedSession,
  EventQuery,
  ListedSessions,
  SearchQuery,
  SessionKey,
  StatsQuery,
  StoreDriver,
  StoredSession,
} from '../driver';
import {
  AlreadyExistsError,
  SchemaVersionError,
  SessionNotFoundError,
  StaleSessionError,
  StorageUnavailableError,
  StoreClosedError,
  StoreError,
} from '../errors';
import { existsMessage, fullMessage, missingMessage, staleMessage } from '../messages';
import { applyDelta, isEmpty } from '../state';
import type { ImportMode, ImportSummary, MessageStats, SearchHit, StateMap, StoreSnapshot } from '../types';
import { addToIndex, removeSessionFromIndex } from './dexie-index';
import { DEXIE_SCHEMA_VERSION, EVENT_ORDER_INDEX, HearthDexie, dexieDatabaseName } from './dexie-schema';
import type { EventRow, SessionPk } from './dexie-schema';
import { indexStats, searchIndex } from './dexie-search';
import { exportTables, importTables } from './dexie-snapshot';

export interface DexieDriverOptions {
  name: string;
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

const closedMessage =
  "Hearth's database was closed, probably because a newer version of Hearth opened it in another tab. Reload the page to continue.";

export async function openDexieDriver(options: DexieDriverOptions): Promise<StoreDriver> {
  const dbName = dexieDatabaseName(options.name);
  // Checked before Dexie sees the database: given a newer version, Dexie 4 does not fail
  // but opens it as it is and may add its own missing indexes, i.e. write to it.
  const found = await probeSchemaVersion(options.indexedDB, dbName);
  if (found > DEXIE_SCHEMA_VERSION) throw new SchemaVersionError(found, DEXIE_SCHEMA_VERSION);

  const db = new HearthDexie(options.name, options);
  try {
    await db.open();
  } catch (cause) {
    db.close();
    throw unavailable(cause);
  }
  // A newer Hearth may have upgraded it between the probe and the open (Dexie then
  // retries without a version instead of reporting VersionError).
  const opened = schemaVersionOf(db.backendDB().version);
  if (opened > DEXIE_SCHEMA_VERSION) {
    db.close();
    throw new SchemaVersionError(opened, DEXIE_SCHEMA_VERSION);
  }
  return createDexieDriver(db);
}

function createDexieDriver(db: HearthDexie): StoreDriver {
  const { sessions, events, messageIndex, appStates, userStates } = db;
  let closed = false;
  /** Runs one driver call and turns what IndexedDB and Dexie throw into store errors. */
  const guard = async <T>(call: () => PromiseLike<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      // Dexie reports our own close() like any other closing; callers need to tell them apart.
      throw closed ? new StoreClosedError() : toStoreError(error);
    }
  };
  const pk = (k: SessionKey): SessionPk => [k.appName, k.userId, k.sessionId];
  const sessionEvents = (k: SessionKey, after: number = Dexie.minKey) =>
    events
      .where(EVENT_ORDER_INDEX)
      .between(
        [k.appName, k.userId, k.sessionId, after, Dexie.minKey],
        [k.appName, k.userId, k.sessionId, Dexie.maxKey, Dexie.maxKey],
        true,
        true,
      );

  return {
    backend: 'indexeddb',

    createSession: ({ row, appDelta, userDelta }: CreateSessionInput): Promise<CreatedSession> =>
      guard(() =>
        // IndexedDB runs overlapping read-write transactions one after the other, so of two
        // concurrent creates the second sees the first one's row here.
        db.transaction('rw', [sessions, appStates, userStates], async () => {
          if (await sessions.get([row.appName, row.userId, row.id])) throw new AlreadyExistsError(existsMessage(row.id));
          await sessions.add(row);
          const appRow = await appStates.get(row.appName);
          const userRow = await userStates.get([row.appName, row.userId]);
          const appState = applyDelta(appRow?.state ?? {}, appDelta);
          const userState = applyDelta(userRow?.state ?? {}, userDelta);
          const updateTime = row.createTime;
          if (!isEmpty(appDelta)) await appStates.put({ appName: row.appName, state: appState, updateTime });
          if (!isEmpty(userDelta)) {
            await userStates.put({ appName: row.appName, userId: row.userId, state: userState, updateTime });
          }
          return structuredClone({ appState, userState });
        }),
      ),

    getSession: (key: SessionKey, query: EventQuery): Promise<StoredSession | undefined> =>
      guard(() =>
        db.transaction('r', [sessions, events, appStates, userStates], async () => {
          const row = await sessions.get(pk(key));
          if (!row) return undefined;
          const appRow = await appStates.get(key.appName);
          const userRow = await userStates.get([key.appName, key.userId]);
          const range = sessionEvents(key, query.after);
          let eventRows: EventRow[];
          if (query.limit === undefined) eventRows = await range.toArray();
          else if (query.limit === 0) eventRows = [];
          else eventRows = (await range.reverse().limit(query.limit).toArray()).reverse();
          return {
            row,
            appState: appRow?.state ?? {},
            userState: userRow?.state ?? {},
            events: eventRows.map((r) => r.event),
          };
        }),
      ),

    listSessions: (appName: string, userId: string | undefined): Promise<ListedSessions> =>
      guard(() =>
        db.transaction('r', [sessions, appStates, userStates], async () => {
          const rows =
            userId === undefined
              ? await sessions.where('appName').equals(appName).toArray()
              : await sessions.where('[appName+userId]').equals([appName, userId]).toArray();
          const appRow = await appStates.get(appName);
          const userIds = [...new Set(rows.map((r) => r.userId))];
          const userRows = await userStates.bulkGet(userIds.map((u): [string, string] => [appName, u]));
          const states = new Map<string, StateMap>();
          userIds.forEach((u, i) => states.set(u, userRows[i]?.state ?? {}));
          return { rows, appState: appRow?.state ?? {}, userStates: states };
        }),
      ),

    deleteSession: (key: SessionKey): Promise<void> =>
      guard(() =>
        db.transaction('rw', [sessions, events, messageIndex], async () => {
          await sessions.delete(pk(key));
          await removeSessionFromIndex(db, key);
          await sessionEvents(key).delete();
        }),
      ),

    appendEvent: (input: AppendEventInput): Promise<AppendOutcome> =>
      guard(() =>
        db.transaction('rw', [sessions, events, messageIndex, appStates, userStates], async (): Promise<AppendOutcome> => {
          const { key, event, delta } = input;
          const eventPk = [key.appName, key.userId, key.sessionId, event.id];
          // Nothing here waits on another request's answer but the checks, so the reads go
          // out together, then the writes: a round trip each saved. A transaction runs its
          // requests in the order made, and any failure aborts them all.
          const [row, stored, appRow, userRow] = await Promise.all([
            sessions.get(pk(key)),
            events.where(':id').equals(eventPk).count(),
            isEmpty(delta.app) ? undefined : appStates.get(key.appName),
            isEmpty(delta.user) ? undefined : userStates.get([key.appName, key.userId]),
          ]);
          if (!row) throw new SessionNotFoundError(missingMessage(key.sessionId));
          if (stored > 0) return 'duplicate';
          if (row.updateTime !== input.expectedUpdateTime) throw new StaleSessionError(staleMessage(key.sessionId));

          const updateTime = event.timestamp;
          await Promise.all([
            events.add({ ...keyFields(key), id: event.id, timestamp: event.timestamp, event }),
            addToIndex(messageIndex, [{ ...keyFields(key), event }]),
            isEmpty(delta.app) ? undefined : appStates.put({ appName: key.appName, state: applyDelta(appRow?.state ?? {}, delta.app), updateTime }),
            isEmpty(delta.user)
              ? undefined
              : userStates.put({ appName: key.appName, userId: key.userId, state: applyDelta(userRow?.state ?? {}, delta.user), updateTime }),
            sessions.put({ ...row, state: applyDelta(row.state, delta.session), updateTime }),
          ]);
          return 'appended';
        }),
      ),

    getUserState: (appName: string, userId: string): Promise<StateMap> =>
      guard(async () => (await userStates.get([appName, userId]))?.state ?? {}),

    searchMessages: (query: SearchQuery): Promise<SearchHit[]> => guard(() => searchIndex(db, query)),

    messageStats: (query: StatsQuery): Promise<MessageStats> => guard(() => indexStats(db, query)),

    exportSnapshot: (): Promise<StoreSnapshot> => guard(() => exportTables(db)),

    importSnapshot: (snapshot: StoreSnapshot, mode: ImportMode): Promise<ImportSummary> =>
      guard(() => importTables(db, snapshot, mode)),

    close: (): Promise<void> => {
      closed = true;
      db.close();
      return Promise.resolve();
    },
  };
}

const keyFields = (k: SessionKey) => ({ appName: k.appName, userId: k.userId, sessionId: k.sessionId });

function toStoreError(error: unknown): unknown {
  const own = findInChain(error, (e) => e instanceof StoreError);
  if (own) return own;
  if (findNamed(error, 'QuotaExceededError')) {
    return new StorageUnavailableError(fullMessage, { code: 'storage-full', cause: error });
  }
  if (findNamed(error, 'DatabaseClosedError')) return new StorageUnavailableError(closedMessage, { cause: error });
  return error;
}

/** Dexie keeps the original error in `inner`; standard errors use `cause`. */
function findInChain(error: unknown, test: (e: object) => boolean): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth++) {
    if (test(current)) return current;
    const { inner, cause } = current as { inner?: unknown; cause?: unknown };
    current = inner ?? cause;
  }
  return undefined;
}

function findNamed(error: unknown, name: string): boolean {
  return findInChain(error, (e) => (e as { name?: unknown }).name === name) !== undefined;
}

function unavailable(cause: unknown): StorageUnavailableError {
  const detail = cause instanceof Error ? ` (${cause.name}: ${cause.message})` : '';
  return new StorageUnavailableError(
    `Hearth cannot use this browser's storage (IndexedDB)${detail}. Private browsing, blocked site data ` +
      'or low disk space can cause this; allow site data for this page, or choose another storage back end.',
    { cause },
  );
}

/** Dexie stores version × 10; its own schema patches add small increments on top. */
const schemaVersionOf = (nativeVersion: number): number => Math.floor(nativeVersion / 10);

/**
 * Reads the stored schema version without changing anything: opening without a version
 * never upgrades, and creating a database that does not exist yet is aborted (0).
 */
async function probeSchemaVersion(factory: IDBFactory, dbName: string): Promise<number> {
  try {
    return await new Promise<number>((resolve, reject) => {
      const request = factory.open(dbName);
      let creating = false;
      request.onupgradeneeded = () => {
        creating = true;
        request.transaction?.abort();
      };
      request.onsuccess = () => {
        const version = request.result.version;
        request.result.close();
        resolve(schemaVersionOf(version));
      };
      request.onerror = (event) => {
        if (!creating) return reject(request.error ?? new Error('IndexedDB open failed'));
        event.preventDefault();
        resolve(0);
      };
    });
  } catch (cause) {
    throw unavailable(cause);
  }
}
