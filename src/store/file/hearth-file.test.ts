import sqlite3InitModule from '@sqlite.org/sqlite-wasm';
import { describe, expect, it } from 'vitest';
import { openImage } from '../sqlite/open-image';
import { SCHEMA_VERSION, migrate } from '../sqlite/schema';
import type { StoreSnapshot } from '../types';
import { readHearthFile } from './read-hearth-file';
import { writeHearthFile } from './write-hearth-file';

const sqlite3 = await sqlite3InitModule();
const MAX = 64 * 1024 * 1024;

const snapshot: StoreSnapshot = {
  sessions: [{ appName: 'hearth', userId: 'me', id: 's1', state: { title: 'Café' }, createTime: 1000, updateTime: 3000 }],
  events: [
    {
      appName: 'hearth',
      userId: 'me',
      sessionId: 's1',
      event: { id: 'e1', invocationId: 'i1', author: 'user', timestamp: 2000, content: { role: 'user', parts: [{ text: 'Remind me to buy oat milk' }] }, actions: { stateDelta: {} }, extra: { nested: [1, null] } },
    },
    {
      appName: 'hearth',
      userId: 'me',
      sessionId: 's1',
      event: { id: 'e2', invocationId: 'i1', author: 'reminder_agent', timestamp: 3000, actions: { stateDelta: { 'user:name': 'Ada' } } },
    },
  ],
  appStates: [{ appName: 'hearth', state: { v: 1 }, updateTime: 1000 }],
  userStates: [{ appName: 'hearth', userId: 'me', state: { name: 'Ada', reminders: [{ text: 'buy oat milk' }] }, updateTime: 3000 }],
};

/** A database made with plain SQL, for files Hearth did not write. */
function fileFrom(setup: (db: InstanceType<typeof sqlite3.oo1.DB>) => void): Uint8Array {
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  setup(db);
  const bytes = sqlite3.capi.sqlite3_js_db_export(db);
  db.close();
  return bytes;
}

const refusal = (bytes: Uint8Array, maxBytes = MAX) => readHearthFile(bytes, { maxBytes }).then(() => undefined, (error: unknown) => error);

describe('database files', () => {
  it('writes a SQLite 3 file that reads back as the same data', async () => {
    const bytes = await writeHearthFile(snapshot);
    expect(new TextDecoder().decode(bytes.subarray(0, 16))).toBe('SQLite format 3\u0000');
    expect(await readHearthFile(bytes, { maxBytes: MAX })).toEqual(snapshot);
  });

  it('migrates a file from an older schema and indexes its messages', async () => {
    const bytes = fileFrom((db) => {
      migrate(db, { to: 1 });
      db.exec(`INSERT INTO sessions VALUES ('hearth', 'me', 's1', '{}', 1, 2);
        INSERT INTO events VALUES ('e1', 'hearth', 'me', 's1', 'i', 2, '{"id":"e1","invocationId":"i","author":"user","timestamp":2,"content":{"parts":[{"text":"old words"}]},"actions":{"stateDelta":{}}}')`);
    });
    const read = await readHearthFile(bytes, { maxBytes: MAX });
    expect(read.events.map((e) => e.event.id)).toEqual(['e1']);
    const rewritten = await writeHearthFile(read);
    const db = openImage(sqlite3, rewritten);
    expect(db.selectValue("SELECT value FROM adk_internal_metadata WHERE key = 'schema_version'")).toBe(String(SCHEMA_VERSION));
    expect(db.selectValue("SELECT event_id FROM events_fts WHERE events_fts MATCH 'words'")).toBe('e1');
    db.close();
  });

  it.each([
    ['random bytes', () => crypto.getRandomValues(new Uint8Array(8192)), 'not-sqlite', /not a SQLite database/],
    ['an empty file', () => new Uint8Array(0), 'not-sqlite', /not a SQLite database/],
  ])('refuses %s', async (_label, make, reason, message) => {
    expect(await refusal(make())).toMatchObject({ name: 'InvalidFileError', code: 'invalid-file', reason, message: expect.stringMatching(message) });
  });

  it('refuses a truncated file', async () => {
    const bytes = await writeHearthFile(snapshot);
    expect(await refusal(bytes.subarray(0, bytes.length - 4096))).toMatchObject({ reason: 'truncated', message: expect.stringMatching(/incomplete/) });
    expect(await refusal(bytes.subarray(0, bytes.length - 100))).toMatchObject({ reason: 'truncated' });
  });

  it('refuses a file whose pages are damaged', async () => {
    const bytes = await writeHearthFile(snapshot);
    const pageSize = ((bytes[16] ?? 0) << 8) | (bytes[17] ?? 0);
    // Page 2 onwards: overwrite b-tree pages, leaving the header and schema page intact.
    bytes.fill(0x5a, pageSize + 8, pageSize * 3);
    expect(await refusal(bytes)).toMatchObject({ reason: 'corrupt', message: expect.stringMatching(/damaged/) });
  });

  it('refuses a WAL-mode database, explaining the -wal file', async () => {
    const bytes = await writeHearthFile(snapshot);
    bytes[18] = 2;
    bytes[19] = 2;
    expect(await refusal(bytes)).toMatchObject({ reason: 'wal', message: expect.stringMatching(/journal_mode=DELETE/) });
  });

  it("refuses someone else's SQLite database, naming what it has", async () => {
    const bytes = fileFrom((db) => db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)'));
    expect(await refusal(bytes)).toMatchObject({ reason: 'foreign', message: expect.stringMatching(/not one of Hearth's.*invoices/) });
  });

  it('refuses tables that look like Hearth but lack its columns', async () => {
    const bytes = fileFrom((db) => {
      migrate(db);
      db.exec('DROP TABLE app_states; CREATE TABLE app_states (app_name TEXT)');
    });
    expect(await refusal(bytes)).toMatchObject({ reason: 'foreign', message: expect.stringMatching(/app_states table has no state/) });
  });

  it('refuses a file larger than the limit', async () => {
    const bytes = await writeHearthFile(snapshot);
    expect(await refusal(bytes, 1024)).toMatchObject({ reason: 'too-large', message: expect.stringMatching(/up to/) });
  });

  it('refuses a file from a newer Hearth', async () => {
    const bytes = fileFrom((db) => {
      migrate(db);
      db.exec(`UPDATE adk_internal_metadata SET value = '${SCHEMA_VERSION + 1}' WHERE key = 'schema_version'`);
    });
    expect(await refusal(bytes)).toMatchObject({ name: 'SchemaVersionError', code: 'schema-version' });
  });

  it('refuses events that are not valid JSON', async () => {
    const bytes = fileFrom((db) => {
      // Before version 2 nothing read event_data on insert, so such a file can exist.
      migrate(db, { to: 1 });
      db.exec(`INSERT INTO sessions VALUES ('hearth', 'me', 's1', '{}', 1, 2); INSERT INTO events VALUES ('e1', 'hearth', 'me', 's1', 'i', 2, '{not json')`);
    });
    expect(await refusal(bytes)).toMatchObject({ reason: 'corrupt' });
  });
});

describe('downloading the live SQLite database', () => {
  it('leaves out deleted data and the space it took', async () => {
    const { openSessionService } = await import('../index');
    const store = await openSessionService({ backend: 'sqlite-memory' });
    const session = await store.createSession({ appName: 'hearth', userId: 'me', sessionId: 'gone' });
    const secret = 'a diary entry that was deleted';
    for (let i = 0; i < 200; i++) {
      await store.appendEvent({ session, event: { invocationId: 'i', author: 'user', content: { parts: [{ text: `${secret} ${i} ${'x'.repeat(500)}` }] } } });
    }
    const full = await store.exportDatabaseFile();
    await store.deleteSession({ appName: 'hearth', userId: 'me', sessionId: 'gone' });
    const after = await store.exportDatabaseFile();
    expect(new TextDecoder().decode(full)).toContain(secret);
    expect(new TextDecoder().decode(after)).not.toContain(secret);
    expect(after.length).toBeLessThan(full.length);
    expect([after[18], after[19]]).toEqual([1, 1]);
    expect(await readHearthFile(after, { maxBytes: MAX })).toMatchObject({ sessions: [], events: [] });
    await store.close();
  });
});
