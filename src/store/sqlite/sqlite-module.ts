import sqlite3InitModule, { type Sqlite3Static } from '@sqlite.org/sqlite-wasm';

let module: Promise<Sqlite3Static> | undefined;

/** Loads the SQLite WASM module once per realm. */
export function loadSqlite(): Promise<Sqlite3Static> {
  if (!module) {
    // Hearth uses only opfs-sahpool. Without this, under cross-origin isolation the
    // library would also start the plain "opfs" VFS and its proxy worker.
    (globalThis as { sqlite3ApiConfig?: unknown }).sqlite3ApiConfig = {
      disable: { vfs: { opfs: true, 'opfs-wl': true } },
    };
    module = sqlite3InitModule().catch((error: unknown) => {
      module = undefined;
      throw error;
    });
  }
  return module;
}
