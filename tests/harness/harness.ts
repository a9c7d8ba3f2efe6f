// Exposes the store and the benchmark to Playwright's page.evaluate.
import * as store from '../../src/store';
import type { BenchOptions, BenchReport } from './bench-types';

function runBench(options: BenchOptions): Promise<BenchReport> {
  const worker = new Worker(new URL('./bench-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<{ type: 'log'; line: string } | { type: 'done'; report: BenchReport } | { type: 'failed'; message: string }>) => {
      const message = event.data;
      if (message.type === 'log') console.log(message.line);
      else {
        worker.terminate();
        if (message.type === 'done') resolve(message.report);
        else reject(new Error(message.message));
      }
    });
    worker.addEventListener('error', (event) => reject(new Error(event.message)));
    worker.postMessage(options);
  });
}

const harness = { store, runBench, ready: true };
(globalThis as unknown as { hearth: typeof harness }).hearth = harness;
export type Harness = typeof harness;
