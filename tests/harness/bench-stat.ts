import type { Stat } from './bench-types';

export function stat(samples: number[]): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), n: sorted.length };
}

/** Times `work` `times` times, one after another. */
export async function sample(times: number, work: (i: number) => Promise<unknown> | unknown): Promise<Stat> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await work(i);
    samples.push(performance.now() - start);
  }
  return stat(samples);
}
