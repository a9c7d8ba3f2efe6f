import sqlite3InitModule from '@sqlite.org/sqlite-wasm';
import { describe, expect, it } from 'vitest';
import { SchemaVersionError } from '../errors';
import { SCHEMA_VERSION, migrate, readSchemaVersion } from './schema';

const sqlite3 = await sqlite3InitModule();
const newDb = () => new sqlite3.oo1.DB(':memory:', 'c');
const tables = (db: ReturnType<typeof newDb>) =>
  db.selectValues("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");

describe('SQLite schema migrations', () => {
  it('creates ADK\'s v1 tables, the message index, and records the version', () => {
    const db = newDb();
    migrate(db);
    expect(tables(db).filter((t) => !String(t).startsWith('events_fts_'))).toEqual([
      'adk_internal_metadata',
      'app_states',
      'events',
      'events_fts',
      'sessions',
      'user_states',
    ]);
    expect(readSchemaVersion(db)).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('is idempotent: a second run changes nothing', () => {
    const db = newDb();
    migrate(db);
    db.exec("INSERT INTO sessions VALUES ('a', 'u', 's', '{}', 1, 1)");
    migrate(db);
    expect(db.selectValue('SELECT count(*) FROM sessions')).toBe(1);
    db.close();
  });

  it('refuses a database written by a newer schema, without touching it', () => {
    const db = newDb();
    migrate(db);
    db.exec("INSERT INTO sessions VALUES ('a', 'u', 's', '{\"k\":1}', 1, 1)");
    db.exec(`UPDATE adk_internal_metadata SET value = '${SCHEMA_VERSION + 1}' WHERE key = 'schema_version'`);
    const before = db.selectValue("SELECT group_concat(sql, ';') FROM sqlite_schema");
    let error: unknown;
    try {
      migrate(db);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SchemaVersionError);
    expect(error).toMatchObject({ name: 'SchemaVersionError', found: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION });
    expect(db.selectValue("SELECT group_concat(sql, ';') FROM sqlite_schema")).toBe(before);
    expect(db.selectValue('SELECT state FROM sessions')).toBe('{"k":1}');
    expect(readSchemaVersion(db)).toBe(SCHEMA_VERSION + 1);
    db.close();
  });

  it('indexes the messages already stored when upgrading from version 1, in time order', () => {
    const db = newDb();
    migrate(db, { to: 1 });
    const event = (id: string, timestamp: number, text?: string) =>
      JSON.stringify({ id, invocationId: 'i', author: 'user', timestamp, actions: { stateDelta: {} }, ...(text ? { content: { parts: [{ text }] } } : {}) });
    db.exec("INSERT INTO sessions VALUES ('a', 'u', 's', '{}', 1, 1)");
    for (const [id, time, text] of [['b', 5, 'second apple'], ['a', 5, 'first apple'], ['c', 9, undefined], ['d', 7, 'third apple']] as const) {
      db.exec({ sql: "INSERT INTO events VALUES (?, 'a', 'u', 's', 'i', ?, ?)", bind: [id, time, event(id, time, text)] });
    }
    migrate(db);
    expect(db.selectValues("SELECT event_id FROM events_fts WHERE events_fts MATCH 'apple' ORDER BY rowid DESC")).toEqual(['d', 'b', 'a']);
    db.close();
  });

  it('rolls the whole migration back when a step fails', () => {
    const db = newDb();
    // A table in the way makes the first step fail half-way through.
    db.exec('CREATE TABLE events (x)');
    expect(() => migrate(db)).toThrow();
    expect(tables(db)).toEqual(['events']);
    db.close();
  });
});
