import { toErrorData } from '../../protocol/engine-error';
import type { SearchResult } from '../../protocol/protocol';
import type { EngineClient } from '../../protocol/rpc-client';
import { searchRange } from './date-range';

/** The most results one search shows, newest first. */
export const SEARCH_LIMIT = 50;
/** Typing pauses this long before a search is sent. */
const DEBOUNCE_MS = 200;

/**
 * Full-text search over every conversation's messages: the query and the From/To days,
 * results for the last query sent, and only the newest answer kept (each search has a
 * sequence number, so a slow answer to an older query cannot replace a newer one).
 */
export class MessageSearch {
  query = $state('');
  /** `<input type="date">` values (YYYY-MM-DD, local days); empty for an open end. */
  from = $state('');
  to = $state('');
  results = $state.raw<SearchResult[]>([]);
  /** The query the results answer; null before the first answer. */
  answered = $state<string | null>(null);
  searching = $state(false);
  error = $state<string | null>(null);
  /** The result last opened, marked in the list. */
  chosen = $state<string | null>(null);

  readonly active = $derived(this.query.trim() !== '');

  readonly #engine: EngineClient;
  #sequence = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(engine: EngineClient) {
    this.#engine = engine;
  }

  /** Searches after a pause in typing; call on every change of the query or the days. */
  schedule(): void {
    clearTimeout(this.#timer);
    if (!this.active) {
      this.#reset();
      return;
    }
    this.searching = true;
    this.#timer = setTimeout(() => void this.run(), DEBOUNCE_MS);
  }

  async run(): Promise<void> {
    clearTimeout(this.#timer);
    const query = this.query.trim();
    if (!query) {
      this.#reset();
      return;
    }
    const sequence = ++this.#sequence;
    this.searching = true;
    try {
      const results = await this.#engine.call('searchMessages', { query, ...searchRange(this.from, this.to), limit: SEARCH_LIMIT });
      if (sequence !== this.#sequence) return;
      this.results = results;
      this.error = null;
    } catch (error) {
      if (sequence !== this.#sequence) return;
      this.results = [];
      this.error = toErrorData(error).message;
    }
    this.answered = query;
    this.searching = false;
  }

  /** Runs the current search again (the data changed under it). */
  refresh(): void {
    if (this.active) void this.run();
  }

  /** Empties the box and the days; the sidebar shows the conversation list again. */
  clear(): void {
    this.query = '';
    this.from = '';
    this.to = '';
    this.#reset();
  }

  #reset(): void {
    clearTimeout(this.#timer);
    this.#sequence++;
    this.results = [];
    this.answered = null;
    this.searching = false;
    this.error = null;
    this.chosen = null;
  }
}
