export interface BenchOptions {
  backends: Array<'sqlite-opfs' | 'indexeddb'>;
  /** Appends timed at each history size. */
  samples: number;
  sizes: number[];
  sessions: number;
  /** Messages searched over, and events in the exported and imported database file. */
  searchMessages: number;
  fileEvents: number;
}

export interface Stat {
  p50: number;
  p99: number;
  n: number;
}

export interface BackendReport {
  backend: string;
  /** Per history size: sampled in turn with `append` at that size. */
  floorWrite: Record<string, Stat>;
  append: Record<string, Stat>;
  blob: Record<string, Stat>;
  lastFifty: Stat;
  floorLastFifty: Stat;
  listSessions: Stat;
  /** SQLite only: the same raw write with WAL (Hearth's choice) and with the default rollback journal. */
  journal?: { wal: Stat; rollback: Stat };
}

export interface DataReport {
  backend: string;
  messages: number;
  search: Stat;
  /** A bare FTS5 table of the same texts in memory: newest 50 rowids. */
  searchFloor: Stat;
  fileEvents: number;
  fileBytes: number;
  exportFile: Stat;
  /** Check the file in a temporary database, then replace the store's data with it. */
  importFile: Stat;
  /** The same events' JSON inserted into a bare in-memory table in one transaction. */
  bulkInsert: Stat;
}

export interface BenchReport {
  userAgent: string;
  crossOriginIsolated: boolean;
  results: BackendReport[];
  data: DataReport[];
}
