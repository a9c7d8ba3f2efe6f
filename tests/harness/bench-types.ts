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
  floorWrite: Stat;
  append: Record<string, Stat>;
  blob: Record<string, Stat>;
  lastFifty: Stat;
  floorLastFifty: Stat;
  listSessions: Stat;
}

export interface BenchReport {
  userAgent: string;
  crossOriginIsolated: boolean;
  results: BackendReport[];
}
