import type { BindingSpec, Database, PreparedStatement, SqlValue } from '@sqlite.org/sqlite-wasm';

/**
 * A cache of prepared statements for one connection: every query is compiled once
 * and reused, which is most of the cost of a small transaction after the commit.
 */
export class Statements {
  readonly #db: Database;
  readonly #cache = new Map<string, PreparedStatement>();

  constructor(db: Database) {
    this.#db = db;
  }

  #get(sql: string, bind: BindingSpec | undefined): PreparedStatement {
    let stmt = this.#cache.get(sql);
    if (!stmt) {
      stmt = this.#db.prepare(sql);
      this.#cache.set(sql, stmt);
    }
    if (bind !== undefined) stmt.bind(bind);
    return stmt;
  }

  run(sql: string, bind?: BindingSpec): void {
    const stmt = this.#get(sql, bind);
    try {
      stmt.step();
    } finally {
      stmt.reset(true);
    }
  }

  /** The first row's columns, or undefined when there is none. */
  one(sql: string, bind?: BindingSpec): SqlValue[] | undefined {
    const stmt = this.#get(sql, bind);
    try {
      return stmt.step() ? stmt.get([]) : undefined;
    } finally {
      stmt.reset(true);
    }
  }

  all(sql: string, bind?: BindingSpec): SqlValue[][] {
    const stmt = this.#get(sql, bind);
    const rows: SqlValue[][] = [];
    try {
      while (stmt.step()) rows.push(stmt.get([]));
    } finally {
      stmt.reset(true);
    }
    return rows;
  }

  /** First column of every row. */
  column(sql: string, bind?: BindingSpec): SqlValue[] {
    const stmt = this.#get(sql, bind);
    const values: SqlValue[] = [];
    try {
      while (stmt.step()) values.push(stmt.get(0));
    } finally {
      stmt.reset(true);
    }
    return values;
  }

  /** Rows changed by the last statement (not counting its triggers). */
  changes(): number {
    return this.#db.changes();
  }

  finalizeAll(): void {
    for (const stmt of this.#cache.values()) stmt.finalize();
    this.#cache.clear();
  }
}
