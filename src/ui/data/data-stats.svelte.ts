import { toErrorData } from '../../protocol/engine-error';
import type { DataStats } from '../../protocol/protocol';
import type { EngineClient } from '../../protocol/rpc-client';
import { dayBoundaries } from './day-boundaries';

/** The "Stats" section's numbers: counts, and messages per day for the chart. */
export class DataStatsState {
  stats = $state.raw<DataStats | null>(null);
  /** The local midnights `stats.perInterval` counts between. */
  boundaries = $state.raw<number[]>([]);
  error = $state<string | null>(null);

  readonly #engine: EngineClient;
  #loading = 0;

  constructor(engine: EngineClient) {
    this.#engine = engine;
  }

  async load(now = Date.now()): Promise<void> {
    const loading = ++this.#loading;
    const boundaries = dayBoundaries(now);
    try {
      const stats = await this.#engine.call('getStats', { boundaries });
      if (loading !== this.#loading) return;
      this.stats = stats;
      this.boundaries = boundaries;
      this.error = null;
    } catch (error) {
      if (loading !== this.#loading) return;
      this.error = toErrorData(error).message;
    }
  }
}
