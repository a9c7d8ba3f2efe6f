import sqlite3InitModule from '@sqlite.org/sqlite-wasm';
import { describe, expect, it } from 'vitest';
import { SchemaVersionError } from '../errors';
import { SCHEMA_VERSION, migrate, readSchemaVersion } from './schema';

const sqlite3 = await sqlite3InitModule();
const newDb = () => new sqlite3.oo1.DB(':memory:', 'c');
const tables = (db: ReturnType<typeof newDb>) =>
  db.selectValues("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");

describe('SQLite schema migrations', () => {
  it('creates ADK\'s v1 tables and records the version', () => {
    const db = newDb();
    migrate(db);
    expect(tables(db)).toEqual(['adk_internal_metadata', 'app_states', 'events', 'sessions', 'user_states']);
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

  it('rolls the whole migration back when a step fails', () => {
    const db = newDb();
    // A table in the way makes the first step fail half-way through.
    db.exec('CREATE TABLE events (x)');
    expect(() => migrate(db)).toThrow();
    expect(tables(db)).toEqual(['events']);
    db.close();
  });
});
