import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { SessionKey, StoreDriver } from '../driver';
import { SchemaVersionError, StorageUnavailableError, StoreClosedError } from '../errors';
import type { Event } from '../types';
import { openDexieDriver } from './dexie-driver';
import { DEXIE_SCHEMA_VERSION } from './dexie-schema';

const key: SessionKey = { appName: 'hearth', userId: 'u1', sessionId: 's1' };

function freshFactory(): IDBFactory {
  return new IDBFactory();
}

function open(factory: IDBFactory, name = 'x'): Promise<StoreDriver> {
  return openDexieDriver({ name, indexedDB: factory, IDBKeyRange });
}

async function createSession(driver: StoreDriver, time = 1): Promise<void> {
  await driver.createSession({
    row: { appName: key.appName, userId: key.userId, id: key.sessionId, state: {}, createTime: time, updateTime: time },
    appDelta: {},
    userDelta: {},
  });
}

function event(id: string, timestamp: number, extra: Record<string, unknown> = {}): Event {
  return { id, invocationId: 'inv', author: 'user', timestamp, actions: { stateDelta: {} }, ...extra };
}

/** Appends events in order, each expecting the update time the previous one stored. */
async function appendAll(driver: StoreDriver, list: Event[]): Promise<void> {
  let updateTime = 1;
  for (const e of list) {
    await driver.appendEvent({ key, event: e, delta: { app: {}, user: {}, session: {} }, expectedUpdateTime: updateTime });
    updateTime = e.timestamp;
  }
}

/** Raw IndexedDB: a database written by a "newer Hearth" at native version 1000 (schema 100). */
function createNewerDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1000);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('future', { keyPath: 'id' });
      store.add({ id: 'keep-me', value: 42 });
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

function readNewerDatabase(factory: IDBFactory, name: string): Promise<{ version: number; stores: string[]; row: unknown }> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name);
    request.onsuccess = () => {
      const db = request.result;
      const stores = Array.from(db.objectStoreNames);
      const get = db.transaction('future', 'readonly').objectStore('future').get('keep-me');
      get.onsuccess = () => {
        db.close();
        resolve({ version: db.version, stores, row: get.result });
      };
      get.onerror = () => reject(get.error ?? new Error('get failed'));
    };
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

describe('openDexieDriver', () => {
  it('refuses a database written by a newer schema and leaves it untouched', async () => {
    const factory = freshFactory();
    await createNewerDatabase(factory, 'hearth-x');

    const error = await open(factory).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SchemaVersionError);
    expect(error).toMatchObject({ code: 'schema-version', found: 100, supported: DEXIE_SCHEMA_VERSION });

    expect(await readNewerDatabase(factory, 'hearth-x')).toEqual({
      version: 1000,
      stores: ['future'],
      row: { id: 'keep-me', value: 42 },
    });
  });

  it('creates a new database at our version and opens it again', async () => {
    const factory = freshFactory();
    const driver = await open(factory);
    expect(driver.backend).toBe('indexeddb');
    await driver.close();
    const databases = await factory.databases();
    expect(databases).toEqual([{ name: 'hearth-x', version: DEXIE_SCHEMA_VERSION * 10 }]);
    await (await open(factory)).close();
  });

  it('reports a missing IndexedDB as StorageUnavailableError', async () => {
    const broken = { open: () => { throw new DOMException('denied', 'SecurityError'); } } as unknown as IDBFactory;
    const error = await openDexieDriver({ name: 'x', indexedDB: broken, IDBKeyRange }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect(error).toMatchObject({ code: 'storage-unavailable' });
    expect((error as Error).cause).toBeInstanceOf(DOMException);
  });
});

describe('event reads through the ordering index', () => {
  // 50 events with one timestamp, appended in scrambled order: only the id orders them.
  const ids = Array.from({ length: 50 }, (_, i) => `e${String(i).padStart(2, '0')}`);
  const scrambled = ids.map((_, i) => ids[(i * 17) % 50] as string);

  async function seeded(): Promise<StoreDriver> {
    const driver = await open(freshFactory());
    await createSession(driver);
    await appendAll(driver, [event('early', 500), ...scrambled.map((id) => event(id, 1000)), event('late', 2000)]);
    return driver;
  }

  const idsOf = async (driver: StoreDriver, query: { limit?: number; after?: number }): Promise<string[]> =>
    ((await driver.getSession(key, query))?.events ?? []).map((e) => e.id);

  it('returns all events ordered by timestamp, then id', async () => {
    const driver = await seeded();
    expect(await idsOf(driver, {})).toEqual(['early', ...ids, 'late']);
    await driver.close();
  });

  it('returns the newest N oldest first, and nothing for limit 0', async () => {
    const driver = await seeded();
    expect(await idsOf(driver, { limit: 5 })).toEqual([...ids.slice(-4), 'late']);
    expect(await idsOf(driver, { limit: 51 })).toEqual([...ids, 'late']);
    expect(await idsOf(driver, { limit: 500 })).toEqual(['early', ...ids, 'late']);
    expect(await idsOf(driver, { limit: 0 })).toEqual([]);
    await driver.close();
  });

  it('treats after as inclusive and applies limit after it', async () => {
    const driver = await seeded();
    expect(await idsOf(driver, { after: 1000 })).toEqual([...ids, 'late']);
    expect(await idsOf(driver, { after: 1001 })).toEqual(['late']);
    expect(await idsOf(driver, { after: 2001 })).toEqual([]);
    expect(await idsOf(driver, { after: 1000, limit: 3 })).toEqual([...ids.slice(-2), 'late']);
    expect(await idsOf(driver, { after: 600, limit: 100 })).toEqual([...ids, 'late']);
    await driver.close();
  });

  it('does not mix in events of another session with the same prefix', async () => {
    const driver = await seeded();
    const other = { ...key, sessionId: 's10' };
    await driver.createSession({
      row: { appName: other.appName, userId: other.userId, id: other.sessionId, state: {}, createTime: 1, updateTime: 1 },
      appDelta: {},
      userDelta: {},
    });
    await driver.appendEvent({
      key: other,
      event: event('other', 1000),
      delta: { app: {}, user: {}, session: {} },
      expectedUpdateTime: 1,
    });
    expect(await idsOf(driver, { limit: 100 })).toHaveLength(52);
    await driver.deleteSession(key);
    expect((await driver.getSession(other, {}))?.events.map((e) => e.id)).toEqual(['other']);
    await driver.close();
  });
});

/** Schema 1 exactly as Hearth released it, frozen here rather than imported. */
const V1_STORES = {
  sessions: '[appName+userId+id], appName, [appName+userId]',
  events: '[appName+userId+sessionId+id], [appName+userId+sessionId+timestamp+id]',
  appStates: 'appName',
  userStates: '[appName+userId]',
  meta: 'key',
};
const text = (words: string): Record<string, unknown> => ({ content: { role: 'user', parts: [{ text: words }] } });

describe('upgrade from schema 1', () => {
  // More events than one upgrade page, so the upgrade has to continue after the first.
  const filler = Array.from({ length: 1201 }, (_, i) => event(`f${String(i).padStart(4, '0')}`, 100 + i, text(`filler ${i}`)));

  async function createV1Database(factory: IDBFactory): Promise<void> {
    const v1 = new Dexie('hearth-x', { indexedDB: factory, IDBKeyRange });
    v1.version(1).stores(V1_STORES);
    v1.on('populate', (tx) => tx.table('meta').add({ key: 'schemaVersion', value: 1 }));
    await v1.open();
    const row = (sessionId: string) => ({ appName: 'hearth', userId: 'u1', id: sessionId, state: {}, createTime: 1, updateTime: 5000 });
    await v1.table('sessions').bulkAdd([row('s1'), row('s2')]);
    const stored = (sessionId: string, e: Event) => ({ appName: 'hearth', userId: 'u1', sessionId, id: e.id, timestamp: e.timestamp, event: e });
    await v1.table('events').bulkAdd([
      stored('s1', event('milk', 4000, text('Buy oat milk at the Café'))),
      stored('s1', event('tool', 4001, { content: { parts: [{ functionCall: { name: 'add', args: { item: 'milk' } } }] } })),
      stored('s2', event('bread', 4002, text('Buy bread, and milk too'))),
      ...filler.map((e) => stored('s2', e)),
    ]);
    v1.close();
  }

  it('indexes the messages a version 1 database holds, keeping every event', async () => {
    const factory = freshFactory();
    await createV1Database(factory);
    expect(await factory.databases()).toEqual([{ name: 'hearth-x', version: 10 }]);

    const driver = await open(factory);
    expect(await factory.databases()).toEqual([{ name: 'hearth-x', version: DEXIE_SCHEMA_VERSION * 10 }]);
    const search = (terms: string[]) => driver.searchMessages({ appName: 'hearth', userId: 'u1', terms, limit: 10 });
    expect((await search(['milk'])).map((h) => [h.sessionId, h.eventId])).toEqual([['s2', 'bread'], ['s1', 'milk']]);
    expect((await search(['cafe', 'bu'])).map((h) => h.eventId)).toEqual(['milk']);
    expect((await search(['filler', '1200'])).map((h) => h.eventId)).toEqual(['f1200']);
    const stats = await driver.messageStats({ appName: 'hearth', userId: 'u1', boundaries: [0, 4000, 5000] });
    expect(stats).toEqual({ sessions: 2, messages: 1203, perInterval: [1201, 2] });
    expect((await driver.getSession({ ...key, sessionId: 's1' }, {}))?.events.map((e) => e.id)).toEqual(['milk', 'tool']);

    await driver.deleteSession({ ...key, sessionId: 's2' });
    expect((await search(['milk'])).map((h) => h.eventId)).toEqual(['milk']);
    expect(await search(['filler'])).toEqual([]);
    await driver.close();
  });
});

describe('upgrade from schema 2', () => {
  /** Schema 2 as it was committed (never released): a messages table and one terms row per word. */
  const V2_STORES = {
    messages: '[appName+userId+sessionId+id], [appName+userId+timestamp]',
    terms: '[appName+userId+term+timestamp+sessionId+id]',
  };

  it('drops the per-word rows and indexes every event again', async () => {
    const factory = freshFactory();
    const v2 = new Dexie('hearth-x', { indexedDB: factory, IDBKeyRange });
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores(V2_STORES);
    v2.on('populate', (tx) => tx.table('meta').add({ key: 'schemaVersion', value: 2 }));
    await v2.open();
    await v2.table('sessions').add({ appName: 'hearth', userId: 'u1', id: 's1', state: {}, createTime: 1, updateTime: 5000 });
    const milk = event('milk', 4000, text('Buy oat milk'));
    await v2.table('events').add({ appName: 'hearth', userId: 'u1', sessionId: 's1', id: 'milk', timestamp: 4000, event: milk });
    // An index row version 2 wrote and nothing refers to any more: the upgrade must not carry it over.
    await v2.table('terms').add({ appName: 'hearth', userId: 'u1', term: 'stale', timestamp: 1, sessionId: 's1', id: 'gone' });
    v2.close();
    expect(await factory.databases()).toEqual([{ name: 'hearth-x', version: 20 }]);

    const driver = await open(factory);
    expect(await factory.databases()).toEqual([{ name: 'hearth-x', version: DEXIE_SCHEMA_VERSION * 10 }]);
    const search = (terms: string[]) => driver.searchMessages({ appName: 'hearth', userId: 'u1', terms, limit: 10 });
    expect((await search(['oat', 'mi'])).map((h) => h.eventId)).toEqual(['milk']);
    expect(await search(['stale'])).toEqual([]);
    await driver.close();

    const raw = new Dexie('hearth-x', { indexedDB: factory, IDBKeyRange });
    await raw.open();
    expect(raw.tables.map((t) => t.name).sort()).toEqual(['appStates', 'events', 'messageIndex', 'meta', 'sessions', 'userStates']);
    expect(await raw.table('meta').get('schemaVersion')).toEqual({ key: 'schemaVersion', value: DEXIE_SCHEMA_VERSION });
    raw.close();
  });
});

describe('persistence', () => {
  it('keeps sessions, events, state and unknown event fields across close and reopen', async () => {
    const factory = freshFactory();
    const first = await open(factory);
    await createSession(first, 10);
    await first.appendEvent({
      key,
      event: event('a', 20, { custom: { nested: [1, 2] } }),
      delta: { app: { theme: 'dark' }, user: { name: 'Ada' }, session: { topic: 'tea' } },
      expectedUpdateTime: 10,
    });
    await first.close();

    const second = await open(factory);
    const stored = await second.getSession(key, {});
    expect(stored).toEqual({
      row: { appName: 'hearth', userId: 'u1', id: 's1', state: { topic: 'tea' }, createTime: 10, updateTime: 20 },
      appState: { theme: 'dark' },
      userState: { name: 'Ada' },
      events: [event('a', 20, { custom: { nested: [1, 2] } })],
    });
    expect(await second.getUserState('hearth', 'u1')).toEqual({ name: 'Ada' });
    const listed = await second.listSessions('hearth', undefined);
    expect(listed.rows.map((r) => r.id)).toEqual(['s1']);
    expect(listed.userStates).toEqual(new Map([['u1', { name: 'Ada' }]]));
    await second.close();
  });
});

describe('error mapping', () => {
  it('reports a full disk as storage-full and writes nothing', async () => {
    const driver = await open(freshFactory());
    await createSession(driver);
    const add = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'add');
    IDBObjectStore.prototype.add = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    try {
      const delta = { app: { a: 1 }, user: {}, session: { s: 1 } };
      await expect(driver.appendEvent({ key, event: event('e1', 5), delta, expectedUpdateTime: 1 })).rejects.toMatchObject({
        name: 'StorageUnavailableError',
        code: 'storage-full',
      });
    } finally {
      if (add) Object.defineProperty(IDBObjectStore.prototype, 'add', add);
    }
    expect(await driver.getSession(key, {})).toMatchObject({ row: { state: {}, updateTime: 1 }, appState: {}, events: [] });
    await driver.close();
  });

  it('reports calls after close() as StoreClosedError', async () => {
    const driver = await open(freshFactory());
    await driver.close();
    await expect(driver.getUserState('hearth', 'u1')).rejects.toBeInstanceOf(StoreClosedError);
  });
});
