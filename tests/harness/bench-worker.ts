/// <reference lib="webworker" />
// The benchmark, run inside a dedicated worker the way Hearth's engine runs the store:
// each store operation is timed against the cheapest raw operation on the same storage
// (the "floor") in the same run, so the ratios hold on any machine.
import { openSessionService, type EventInput, type Session, type SessionService } from '../../src/store';
import { openOpfsConnection } from '../../src/store/sqlite/opfs-in-thread';
import type { BackendReport, BenchOptions, BenchReport, Stat } from './bench-types';
import { rawIndexedDbFloor, rawSqliteFloor, type Floor } from './bench-floors';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const log = (line: string): void => scope.postMessage({ type: 'log', line });

scope.addEventListener('message', (event: MessageEvent<BenchOptions>) => {
  run(event.data).then(
    (report) => scope.postMessage({ type: 'done', report }),
    (error: unknown) => scope.postMessage({ type: 'failed', message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) }),
  );
});

async function run(options: BenchOptions): Promise<BenchReport> {
  const results: BackendReport[] = [];
  for (const backend of options.backends) results.push(await benchBackend(backend, options));
  return { userAgent: navigator.userAgent, crossOriginIsolated: scope.crossOriginIsolated, results };
}

export function stat(samples: number[]): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), n: sorted.length };
}

async function sample(times: number, work: (i: number) => Promise<unknown> | unknown): Promise<Stat> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await work(i);
    samples.push(performance.now() - start);
  }
  return stat(samples);
}

const TEXT = 'Remind me to call the plumber about the kitchen sink on Thursday, and to pick up the dry cleaning before six. '.repeat(2);
const APP = 'bench';

let sequence = 0;
function nextEvent(): EventInput {
  sequence++;
  return {
    id: `evt-${sequence.toString().padStart(8, '0')}`,
    invocationId: `inv-${Math.floor(sequence / 4)}`,
    author: sequence % 2 ? 'user' : 'reminder_agent',
    timestamp: 1_760_000_000_000 + sequence,
    content: { role: sequence % 2 ? 'user' : 'model', parts: [{ text: TEXT }] },
    actions: { stateDelta: { 'user:reminders': [`reminder ${sequence}`, 'buy milk', 'call mum', 'water plants', 'pay rent'] } },
  };
}

async function benchBackend(backend: 'sqlite-opfs' | 'indexeddb', options: BenchOptions): Promise<BackendReport> {
  const name = `bench-${backend.replace(/\W/g, '')}-${Date.now().toString(36)}`;
  log(`${backend}: floors`);
  const floor: Floor = backend === 'sqlite-opfs' ? await rawSqliteFloor(`${name}-floor`) : await rawIndexedDbFloor(`${name}-floor`);
  const payload = JSON.stringify(nextEvent());
  for (let i = 0; i < 50; i++) await floor.write(payload);
  const floorWrite = await sample(options.samples * 2, () => floor.write(payload));

  const store = await openSessionService({ backend, name });
  const session = await store.createSession({ appName: APP, userId: 'u', sessionId: 's' });
  for (let i = 0; i < 20; i++) await store.appendEvent({ session, event: nextEvent() });

  const append: Record<string, Stat> = {};
  const blob: Record<string, Stat> = {};
  const history: unknown[] = [];
  for (const size of options.sizes) {
    log(`${backend}: filling to ${size} events`);
    while (session.events.length < size) await store.appendEvent({ session, event: nextEvent() });
    // Keep the live object small, as the engine does: the store never needs the old events.
    session.events.length = 0;
    for (let i = 0; i < size; i++) session.events.push({} as Session['events'][number]);
    append[size] = await sample(options.samples, () => store.appendEvent({ session, event: nextEvent() }));
    while (history.length < size) history.push(nextEvent());
    blob[size] = await sample(Math.max(10, Math.round(options.samples / (size >= 10_000 ? 5 : 1))), () => {
      history.push(nextEvent());
      return floor.rewriteBlob(history);
    });
    log(`${backend}: ${size} events: append p50 ${append[size]?.p50.toFixed(3)} ms, blob p50 ${blob[size]?.p50.toFixed(3)} ms`);
  }

  const key = { appName: APP, userId: 'u', sessionId: 's' };
  const lastFifty = await sample(options.samples, () => store.getSession({ ...key, config: { numRecentEvents: 50 } }));
  const listSessions = await listBench(store, options);
  await store.close();
  await floor.close();

  const floorLastFifty = await lastFiftyFloor(backend, name, options.samples);
  return { backend, floorWrite, append, blob, lastFifty, floorLastFifty, listSessions };
}

async function listBench(store: SessionService, options: BenchOptions): Promise<Stat> {
  for (let i = 0; i < options.sessions; i++) {
    await store.createSession({ appName: 'bench-list', userId: 'u', sessionId: `s-${i}`, state: { title: `Chat ${i}` } });
  }
  return sample(Math.max(10, Math.round(options.samples / 5)), () => store.listSessions({ appName: 'bench-list', userId: 'u' }));
}

async function lastFiftyFloor(backend: 'sqlite-opfs' | 'indexeddb', name: string, samples: number): Promise<Stat> {
  if (backend === 'sqlite-opfs') {
    const connection = await openOpfsConnection(name);
    const stmt = connection.db.prepare(
      'SELECT event_data FROM events WHERE app_name = ? AND user_id = ? AND session_id = ? ORDER BY timestamp DESC, id DESC LIMIT 50',
    );
    try {
      return await sample(samples, () => {
        stmt.bind([APP, 'u', 's']);
        const rows: string[] = [];
        while (stmt.step()) rows.push(stmt.getString(0) ?? '');
        stmt.reset();
        return rows;
      });
    } finally {
      stmt.finalize();
      connection.close();
    }
  }
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(`hearth-${name}`);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  const range = IDBKeyRange.bound([APP, 'u', 's', -Infinity, ''], [APP, 'u', 's', Infinity, '\uffff']);
  try {
    return await sample(samples, () => new Promise<unknown[]>((resolve, reject) => {
      const index = db.transaction('events', 'readonly').objectStore('events').index('[appName+userId+sessionId+timestamp+id]');
      const rows: unknown[] = [];
      const cursor = index.openCursor(range, 'prev');
      cursor.onsuccess = () => {
        const current = cursor.result;
        if (!current || rows.length === 50) return resolve(rows);
        rows.push(current.value);
        current.continue();
      };
      cursor.onerror = () => reject(cursor.error ?? new Error('cursor failed'));
    }));
  } finally {
    db.close();
  }
}
