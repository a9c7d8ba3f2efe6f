export interface BenchOptions {
  backends: Array<'sqlite-opfs' | 'indexeddb'>;
  /** Appends timed at each history size. */
  samples: number;
  sizes: number[];
  sessions: number;
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

export interface BenchReport {
  userAgent: string;
  crossOriginIsolated: boolean;
  results: BackendReport[];
}
