import type { EngineClient } from '../protocol/rpc-client';
import type { BackendName, ErrorData, ModelInfo } from '../protocol/protocol';

/** What the status line shows: the engine's storage, ownership and model. */
export class EngineStatus {
  backend = $state<BackendName | null>(null);
  model = $state<ModelInfo | null>(null);
  notices = $state<string[]>([]);
  error = $state<ErrorData | null>(null);
  starting = $state(true);
  online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);

  readonly #engine: EngineClient;

  constructor(engine: EngineClient) {
    this.#engine = engine;
    engine.onEvent((event) => {
      if (event.type === 'ready') {
        this.backend = event.backend;
        this.model = event.model;
        this.notices = event.notices;
        this.error = event.error ?? null;
        this.starting = false;
      } else if (event.type === 'ownership') {
        this.backend = event.backend;
        this.error = event.owner ? null : { name: 'StorageUnavailableError', code: 'storage-in-use', message: event.reason ?? 'Hearth is open in another tab.' };
      }
    });
    engine.ready.catch((error: unknown) => {
      this.starting = false;
      this.error = { name: 'EngineError', code: 'engine-crashed', message: error instanceof Error ? error.message : String(error) };
    });
    addEventListener('online', () => (this.online = true));
    addEventListener('offline', () => (this.online = false));
  }

  get inAnotherTab(): boolean {
    return this.error?.code === 'storage-in-use';
  }

  async useHere(): Promise<void> {
    try {
      this.backend = (await this.#engine.call('takeOver', {})).backend;
      this.error = null;
    } catch (error) {
      this.error = { name: 'EngineError', code: 'takeover-failed', message: error instanceof Error ? error.message : String(error) };
    }
  }
}

export const BACKEND_LABELS: Record<BackendName, string> = {
  'sqlite-opfs': 'SQLite · OPFS',
  indexeddb: 'IndexedDB',
  'sqlite-memory': 'memory (SQLite) — not saved',
  memory: 'memory — not saved',
};
