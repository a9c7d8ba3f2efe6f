// "Your data" benchmarks: search over 100,000 messages, and the database file's export and
// import with 10,000 events, each against the cheapest raw operation on the same data.
import { messageText, openSessionService, readHearthFile, type SnapshotEvent, type StoreSnapshot } from '../../src/store';
import { searchTerms, toFtsQuery } from '../../src/store/search/search-terms';
import { loadSqlite } from '../../src/store/sqlite/sqlite-module';
import type { BenchOptions, DataReport, Stat } from './bench-types';
import { sample } from './bench-stat';


const APP = 'bench-data';

/** A fixed vocabulary with a Zipf-like spread, so queries range from rare to common words. */
const WORDS = Array.from({ length: 4000 }, (_, i) => `w${i.toString(36)}${'aeiou'[i % 5]}`);

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function messages(count: number, sessions: number): StoreSnapshot {
  const random = seededRandom(42);
  const word = (): string => WORDS[Math.floor(WORDS.length * random() ** 3)] as string;
  const snapshot: StoreSnapshot = { sessions: [], events: [], appStates: [], userStates: [] };
  for (let s = 0; s < sessions; s++) {
    snapshot.sessions.push({ appName: APP, userId: 'u', id: `s${s}`, state: { title: `Chat ${s}` }, createTime: 1_700_000_000_000, updateTime: 1_700_000_000_000 + count * 60_000 });
  }
  for (let i = 0; i < count; i++) {
    const text = Array.from({ length: 12 + Math.floor(random() * 24) }, word).join(' ');
    const event: SnapshotEvent = {
      appName: APP,
      userId: 'u',
      sessionId: `s${i % sessions}`,
      event: {
        id: `e${i.toString().padStart(7, '0')}`,
        invocationId: `i${i >> 1}`,
        author: i % 2 ? 'reminder_agent' : 'user',
        timestamp: 1_700_000_000_000 + i * 60_000,
        content: { role: i % 2 ? 'model' : 'user', parts: [{ text }] },
        actions: { stateDelta: {} },
      },
    };
    snapshot.events.push(event);
  }
  return snapshot;
}

/** Queries from the vocabulary: a common word, a rare word, two words, a prefix. */
function queries(count: number): string[] {
  const random = seededRandom(7);
  return Array.from({ length: count }, (_, i) => {
    const pick = (): string => WORDS[Math.floor(WORDS.length * random() ** 2)] as string;
    switch (i % 4) {
      case 0:
        return WORDS[Math.floor(random() * 20)] as string;
      case 1:
        return WORDS[WORDS.length - 1 - Math.floor(random() * 1000)] as string;
      case 2:
        return `${pick()} ${pick()}`;
      default:
        return pick().slice(0, 3);
    }
  });
}

export async function benchData(backend: 'sqlite-opfs' | 'indexeddb', options: BenchOptions, log: (line: string) => void): Promise<DataReport> {
  const name = `bench-data-${backend.replace(/\W/g, '')}-${Date.now().toString(36)}`;
  const store = await openSessionService({ backend, name });
  try {
    log(`${backend}: loading ${options.searchMessages} messages`);
    const many = messages(options.searchMessages, 200);
    await store.importSnapshot(many, 'replace');
    const floor = await ftsFloor(many);
    const asked = queries(options.samples);
    const [searchFloor, search] = [
      await sample(asked.length, (i) => floor.search(asked[i] as string)),
      await sample(asked.length, (i) => store.searchMessages({ appName: APP, userId: 'u', query: asked[i] as string })),
    ];
    floor.close();
    log(`${backend}: search p50 ${search.p50.toFixed(2)} ms (raw FTS5 ${searchFloor.p50.toFixed(2)} ms)`);

    const few = messages(options.fileEvents, 20);
    await store.importSnapshot(few, 'replace');
    const rounds = Math.max(3, Math.round(options.samples / 20));
    let file: Uint8Array = new Uint8Array();
    const exportFile = await sample(rounds, async () => (file = await store.exportDatabaseFile()));
    const importFile = await sample(rounds, async () => store.importSnapshot(await readHearthFile(file, { maxBytes: 2 ** 31 }), 'replace'));
    const bulkInsert = await bulkInsertFloor(few, rounds);
    log(`${backend}: ${options.fileEvents} events: export p50 ${exportFile.p50.toFixed(1)} ms, import p50 ${importFile.p50.toFixed(1)} ms, raw insert ${bulkInsert.p50.toFixed(1)} ms`);
    return { backend, messages: options.searchMessages, search, searchFloor, fileEvents: options.fileEvents, fileBytes: file.length, exportFile, importFile, bulkInsert };
  } finally {
    await store.close();
  }
}

/** The floor for search: a bare FTS5 table of the same texts in memory, asked for the newest 50 rowids. */
async function ftsFloor(snapshot: StoreSnapshot): Promise<{ search(query: string): unknown[]; close(): void }> {
  const sqlite3 = await loadSqlite();
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  db.exec("CREATE VIRTUAL TABLE f USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')");
  const insert = db.prepare('INSERT INTO f (rowid, text) VALUES (?, ?)');
  db.transaction(() => {
    snapshot.events.forEach(({ event }, i) => insert.bind([i + 1, messageText(event) ?? '']).stepReset());
  });
  insert.finalize();
  const select = db.prepare('SELECT rowid FROM f WHERE f MATCH ? ORDER BY rowid DESC LIMIT 50');
  return {
    search(query) {
      const rows: unknown[] = [];
      select.bind([toFtsQuery(searchTerms(query))]);
      while (select.step()) rows.push(select.get(0));
      select.reset();
      return rows;
    },
    close() {
      select.finalize();
      db.close();
    },
  };
}

/** The floor for import: the same events' JSON inserted into a bare table in memory, one transaction. */
async function bulkInsertFloor(snapshot: StoreSnapshot, rounds: number): Promise<Stat> {
  const sqlite3 = await loadSqlite();
  return sample(rounds, () => {
    const db = new sqlite3.oo1.DB(':memory:', 'c');
    db.exec('CREATE TABLE events (session_id TEXT, id TEXT, timestamp REAL, event_data TEXT, PRIMARY KEY (session_id, id))');
    const insert = db.prepare('INSERT INTO events VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (const { sessionId, event } of snapshot.events) insert.bind([sessionId, event.id, event.timestamp, JSON.stringify(event)]).stepReset();
    });
    insert.finalize();
    db.close();
  });
}
