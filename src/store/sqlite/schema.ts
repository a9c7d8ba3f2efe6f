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

/**
 * A message's text in SQL, as search/message-text.ts computes it in JavaScript: the
 * string `text` of every part of `content.parts`, joined by newlines.
 */
const messageText = (eventData: string): string => `(
  SELECT group_concat(json_extract(part.value, '$.text'), char(10))
  FROM json_each(${eventData}, '$.content.parts') AS part
  WHERE json_type(${eventData}, '$.content.parts') = 'array' AND json_type(part.value, '$.text') = 'text'
)`;

/**
 * FTS rowids sort messages by time: the whole-millisecond timestamp shifted left 16 bits,
 * plus a sequence number within that millisecond. "Newest first" and date ranges become
 * rowid order and rowid ranges, which FTS5 serves without sorting.
 */
export const FTS_ROWID_SHIFT = 16;
const bucket = (timestamp: string): string => `(CAST(${timestamp} AS INTEGER) << ${FTS_ROWID_SHIFT})`;

/**
 * Marks count as word characters (as in search/tokenize.ts), so words in scripts written
 * with them stay whole. Search asks only "which messages have these word prefixes",
 * newest first: it needs no positions (`detail=none`; snippet() re-reads the stored text)
 * and no token counts for ranking (`columnsize=0`). Both cut what every append writes.
 */
const CREATE_FTS = `
  CREATE VIRTUAL TABLE events_fts USING fts5(
    text,
    app_name UNINDEXED, user_id UNINDEXED, session_id UNINDEXED, event_id UNINDEXED, author UNINDEXED,
    tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
    detail = none,
    columnsize = 0
  );`;

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
  // 2: full-text search over messages, kept in step with `events` by triggers, so every
  // insert or delete (the store's, an import's, or one made in the sqlite3 CLI) updates
  // the index in the same transaction.
  `
  ${CREATE_FTS}
  CREATE TRIGGER events_fts_insert AFTER INSERT ON events
  WHEN coalesce(${messageText('NEW.event_data')}, '') <> ''
  BEGIN
    INSERT INTO events_fts (rowid, text, app_name, user_id, session_id, event_id, author)
    VALUES (
      (SELECT coalesce(max(rowid) + 1, ${bucket('NEW.timestamp')}) FROM events_fts
        WHERE rowid BETWEEN ${bucket('NEW.timestamp')} AND ${bucket('NEW.timestamp')} + ${2 ** 16 - 1}),
      ${messageText('NEW.event_data')},
      NEW.app_name, NEW.user_id, NEW.session_id, NEW.id, json_extract(NEW.event_data, '$.author')
    );
  END;
  CREATE TRIGGER events_fts_delete AFTER DELETE ON events
  BEGIN
    DELETE FROM events_fts
    WHERE rowid BETWEEN ${bucket('OLD.timestamp')} AND ${bucket('OLD.timestamp')} + ${2 ** 16 - 1}
      AND event_id = OLD.id AND session_id = OLD.session_id AND user_id = OLD.user_id AND app_name = OLD.app_name;
  END;
  -- Index what is already stored.
  INSERT INTO events_fts (rowid, text, app_name, user_id, session_id, event_id, author)
  SELECT ${bucket('timestamp')} + row_number() OVER (PARTITION BY CAST(timestamp AS INTEGER) ORDER BY timestamp, id) - 1,
    text, app_name, user_id, session_id, id, json_extract(event_data, '$.author')
  FROM (SELECT *, ${messageText('event_data')} AS text FROM events)
  WHERE coalesce(text, '') <> '';
  `,
];

/** Recreates an empty index, e.g. before a whole-store replace: far cheaper than deleting row by row. */
export const RESET_FTS = `DROP TABLE events_fts; ${CREATE_FTS}`;

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
 * Brings the database to SCHEMA_VERSION (`to` exists for tests of older files) in one transaction, or refuses (without
 * writing) a database from a newer Hearth.
 */
export function migrate(db: Database, { to = SCHEMA_VERSION }: { to?: number } = {}): void {
  db.transaction('IMMEDIATE', () => {
    const current = readSchemaVersion(db);
    if (current > SCHEMA_VERSION || !Number.isInteger(current)) {
      throw new SchemaVersionError(current, SCHEMA_VERSION);
    }
    for (let version = current; version < to; version++) {
      db.exec(MIGRATIONS[version] as string);
    }
    if (current < to) {
      db.exec({
        sql: "INSERT INTO adk_internal_metadata (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        bind: [String(to)],
      });
    }
  });
}
