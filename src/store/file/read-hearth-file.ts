import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { InvalidArgumentError, InvalidFileError, SchemaVersionError, StoreError } from '../errors';
import { validateSnapshot } from '../snapshot/validate-snapshot';
import { SCHEMA_VERSION, migrate, readSchemaVersion } from '../sqlite/schema';
import { openImage } from '../sqlite/open-image';
import { loadSqlite } from '../sqlite/sqlite-module';
import { readSnapshot } from '../sqlite/sqlite-snapshot';
import { Statements } from '../sqlite/statements';
import type { StoreSnapshot } from '../types';
import { checkHeader } from './file-header';

/** The tables and columns Hearth reads; a file without them is someone else's database. */
const REQUIRED: Record<string, readonly string[]> = {
  adk_internal_metadata: ['key', 'value'],
  sessions: ['app_name', 'user_id', 'id', 'state', 'create_time', 'update_time'],
  events: ['id', 'app_name', 'user_id', 'session_id', 'invocation_id', 'timestamp', 'event_data'],
  app_states: ['app_name', 'state', 'update_time'],
  user_states: ['app_name', 'user_id', 'state', 'update_time'],
};

export interface ReadFileOptions {
  maxBytes: number;
}

/**
 * Opens an uploaded database file in a temporary in-memory database and checks it —
 * header, size, integrity, Hearth's tables, schema version (newer is refused, older is
 * migrated there) — then reads it as a snapshot. Nothing of the user's data is touched;
 * a bad file throws InvalidFileError (or SchemaVersionError) saying what is wrong.
 */
export async function readHearthFile(bytes: Uint8Array, { maxBytes }: ReadFileOptions): Promise<StoreSnapshot> {
  checkHeader(bytes, maxBytes);
  const sqlite3 = await loadSqlite();
  const db = openCopy(sqlite3, bytes);
  const sql = new Statements(db);
  try {
    checkIntegrity(db);
    checkTables(db);
    const version = readSchemaVersion(db);
    if (version > SCHEMA_VERSION) throw new SchemaVersionError(version, SCHEMA_VERSION);
    migrate(db);
    return validateSnapshot(readSnapshot(sql));
  } catch (error) {
    if (error instanceof InvalidArgumentError) {
      throw new InvalidFileError('corrupt', `This database file holds data Hearth cannot use: ${error.message}`, { cause: error });
    }
    if (error instanceof StoreError) throw error;
    throw new InvalidFileError('corrupt', `This database file is damaged and cannot be read (${describe(error)}).`, { cause: error });
  } finally {
    sql.finalizeAll();
    db.close();
  }
}

/** A private, writable in-memory copy (older files are migrated in it, never in place). */
function openCopy(sqlite3: Sqlite3Static, bytes: Uint8Array): Database {
  try {
    return openImage(sqlite3, bytes);
  } catch (cause) {
    throw new InvalidFileError('corrupt', `This database file cannot be opened (${describe(cause)}).`, { cause });
  }
}

function checkIntegrity(db: Database): void {
  const problems = db.selectValues('PRAGMA integrity_check(5)').map(String);
  if (problems.length !== 1 || problems[0] !== 'ok') {
    throw new InvalidFileError('corrupt', `This database file is damaged: SQLite's integrity check found problems (${problems[0] ?? 'unknown'}).`);
  }
  if (db.selectValue('SELECT count(*) FROM pragma_foreign_key_check') !== 0) {
    throw new InvalidFileError('corrupt', 'This database file is damaged: some events belong to conversations that are not in it.');
  }
}

function checkTables(db: Database): void {
  const tables = new Set(db.selectValues("SELECT name FROM sqlite_schema WHERE type = 'table'").map(String));
  const missing = Object.keys(REQUIRED).filter((name) => !tables.has(name));
  if (missing.length > 0) {
    const found = [...tables].filter((name) => !name.startsWith('sqlite_')).slice(0, 5);
    throw new InvalidFileError(
      'foreign',
      `This is a SQLite database, but not one of Hearth's: it has no ${missing.join(', ')} table${missing.length > 1 ? 's' : ''}` +
        `${found.length ? ` (it has ${found.join(', ')})` : ' (it is empty)'}. Choose a file made with "Download database".`,
    );
  }
  for (const [table, columns] of Object.entries(REQUIRED)) {
    const have = new Set(db.selectValues(`SELECT name FROM pragma_table_info('${table}')`).map(String));
    const lacking = columns.filter((column) => !have.has(column));
    if (lacking.length > 0) {
      throw new InvalidFileError('foreign', `This SQLite database is not one of Hearth's: its ${table} table has no ${lacking.join(', ')} column.`);
    }
  }
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
