import type { Database } from '@sqlite.org/sqlite-wasm';
import { SchemaVersionError } from '../errors';

/**
 * Hearth's SQLite schema mirrors ADK's DatabaseSessionService v1 schema (sessions,
 * events with the whole event as JSON in `event_data`, app_states, user_states and
 * adk_internal_metadata), so the file reads naturally in the sqlite3 CLI.
 * Two departures, both measured (README, "Benchmark"): events are clustered by
 * (session, timestamp, id) in a WITHOUT ROWID table, with ADK's uniqueness of an event id
 * per session kept by a unique index; and sessions have no update-time index (lists are
 * sorted after the read). Each saves a b-tree page written on every append.
 * Times are milliseconds since the epoch (REAL), e.g.
 *   SELECT datetime(update_time / 1000, 'unixepoch') FROM sessions;
 */

/** Ordered steps: MIGRATIONS[n] takes a database from version n to n + 1. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE IF NOT EXISTS adk_internal_metadata (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE TABLE sessions (
    app_name    TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    id          TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT '{}',
    create_time REAL NOT NULL,
    update_time REAL NOT NULL,
    PRIMARY KEY (app_name, user_id, id)
  );
  CREATE TABLE events (
    id            TEXT NOT NULL,
    app_name      TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    session_id    TEXT NOT NULL,
    invocation_id TEXT,
    timestamp     REAL NOT NULL,
    event_data    TEXT NOT NULL,
    PRIMARY KEY (app_name, user_id, session_id, timestamp, id),
    FOREIGN KEY (app_name, user_id, session_id)
      REFERENCES sessions (app_name, user_id, id) ON DELETE CASCADE
  ) WITHOUT ROWID;
  CREATE UNIQUE INDEX events_by_id ON events (app_name, user_id, session_id, id);
  CREATE TABLE app_states (
    app_name    TEXT PRIMARY KEY,
    state       TEXT NOT NULL DEFAULT '{}',
    update_time REAL NOT NULL
  );
  CREATE TABLE user_states (
    app_name    TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT '{}',
    update_time REAL NOT NULL,
    PRIMARY KEY (app_name, user_id)
  );
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function readSchemaVersion(db: Database): number {
  const hasMeta = db.selectValue(
    "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'adk_internal_metadata'",
  );
  if (hasMeta === undefined) return 0;
  const value = db.selectValue("SELECT value FROM adk_internal_metadata WHERE key = 'schema_version'");
  return value === undefined ? 0 : Number(value);
}

/**
 * Brings the database to SCHEMA_VERSION in one transaction, or refuses (without
 * writing) a database from a newer Hearth.
 */
export function migrate(db: Database): void {
  db.transaction('IMMEDIATE', () => {
    const current = readSchemaVersion(db);
    if (current > SCHEMA_VERSION || !Number.isInteger(current)) {
      throw new SchemaVersionError(current, SCHEMA_VERSION);
    }
    for (let version = current; version < SCHEMA_VERSION; version++) {
      db.exec(MIGRATIONS[version] as string);
    }
    if (current !== SCHEMA_VERSION) {
      db.exec({
        sql: "INSERT INTO adk_internal_metadata (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        bind: [String(SCHEMA_VERSION)],
      });
    }
  });
}
