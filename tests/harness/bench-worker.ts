/// <reference lib="webworker" />
// The benchmark, run inside a dedicated worker the way Hearth's engine runs the store:
// each store operation is timed against the cheapest raw operation on the same storage
// (the "floor") in the same run, so the ratios hold on any machine.
import { openSessionService, type EventInput, type SessionService } from '../../src/store';
import type { BackendReport, BenchOptions, BenchReport, Stat } from './bench-types';
import { rawIndexedDbFloor, rawSqliteFloor, type Floor } from './bench-floors';
import { benchData } from './bench-data';
import { sample, stat } from './bench-stat';

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
  const data = [];
  for (const backend of options.backends) data.push(await benchData(backend, options, log));
  return { userAgent: navigator.userAgent, crossOriginIsolated: scope.crossOriginIsolated, results, data };
}

type Work = () => Promise<unknown> | unknown;

/** Samples two operations in turn (a, b, a, b, …) so both meet the same machine state. */
async function paired(times: number, a: Work, b: Work): Promise<[Stat, Stat]> {
  const first: number[] = [];
  const second: number[] = [];
  for (let i = 0; i < times; i++) {
    for (const [work, into] of i % 2 ? ([[b, second], [a, first]] as const) : ([[a, first], [b, second]] as const)) {
      const start = performance.now();
      await work();
      into.push(performance.now() - start);
    }
  }
  return [stat(first), stat(second)];
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
  const floor: Floor = backend === 'sqlite-opfs' ? await rawSqliteFloor(`${name}-floor`) : await rawIndexedDbFloor(`${name}-floor`);
  const store = await openSessionService({ backend, name });
  const session = await store.createSession({ appName: APP, userId: 'u', sessionId: 's' });
  const key: [string, string, string] = [APP, 'u', 's'];
  let appended = 0;
  const append = async (): Promise<void> => {
    const event = await store.appendEvent({ session, event: nextEvent() });
    await floor.copyEvent({ key, id: event.id, timestamp: event.timestamp, json: JSON.stringify(event) });
    appended++;
    // The engine keeps only what it shows; the store never needs the old events in memory.
    session.events.length = 0;
  };
  const payload = JSON.stringify(nextEvent());
  for (let i = 0; i < 50; i++) {
    await append();
    await floor.write(payload);
  }

  const report: BackendReport = {
    backend,
    floorWrite: {},
    append: {},
    blob: {},
    lastFifty: { p50: NaN, p99: NaN, n: 0 },
    floorLastFifty: { p50: NaN, p99: NaN, n: 0 },
    listSessions: { p50: NaN, p99: NaN, n: 0 },
  };
  const history: unknown[] = [];
  for (const size of options.sizes) {
    log(`${backend}: filling to ${size} events`);
    while (appended < size) await append();
    [report.floorWrite[size], report.append[size]] = await paired(
      options.samples,
      () => floor.write(payload),
      () => store.appendEvent({ session, event: nextEvent() }).then(() => void (session.events.length = 0)),
    );
    appended += options.samples;
    while (history.length < size) history.push(nextEvent());
    report.blob[size] = await sample(Math.max(10, Math.round(options.samples / (size >= 10_000 ? 10 : 2))), () => {
      history.push(nextEvent());
      return floor.rewriteBlob(history);
    });
    log(`${backend}: ${size} events: floor p50 ${report.floorWrite[size]?.p50.toFixed(3)} ms, append p50 ${report.append[size]?.p50.toFixed(3)} ms`);
  }

  [report.floorLastFifty, report.lastFifty] = await paired(
    options.samples,
    () => floor.lastFifty(key),
    () => store.getSession({ appName: APP, userId: 'u', sessionId: 's', config: { numRecentEvents: 50 } }),
  );
  report.listSessions = await listBench(store, options);
  await store.close();
  if (backend === 'sqlite-opfs') {
    log(`${backend}: journal modes`);
    const rollback = await rawSqliteFloor(`${name}-rollback`, 'delete');
    const [wal, rollbackStat] = await paired(options.samples, () => floor.write(payload), () => rollback.write(payload));
    report.journal = { wal, rollback: rollbackStat };
    await rollback.close();
  }
  await floor.close();
  return report;
}

async function listBench(store: SessionService, options: BenchOptions): Promise<Stat> {
  for (let i = 0; i < options.sessions; i++) {
    await store.createSession({ appName: 'bench-list', userId: 'u', sessionId: `s-${i}`, state: { title: `Chat ${i}` } });
  }
  return sample(Math.max(10, Math.round(options.samples / 5)), () => store.listSessions({ appName: 'bench-list', userId: 'u' }));
}
