import type { EngineClient } from '../../protocol/rpc-client';
import type { ModelInfo } from '../../protocol/protocol';
import { BUILTIN, SETTINGS_KEY, toModelSettings, validate, type SavedSettings } from './model-config';
import { preset } from './presets';

/** The model settings: read from local storage at start, applied to the engine, saved on Save. */
export class ModelSettingsStore {
  saved = $state<SavedSettings>(BUILTIN);
  /** False until the user chose something (connected a model or picked the built-in assistant). */
  chosen = $state(false);
  active = $state<ModelInfo | null>(null);

  readonly #engine: EngineClient;
  readonly #storage: Storage | undefined;

  constructor(engine: EngineClient, storage: Storage | undefined = globalThis.localStorage) {
    this.#engine = engine;
    this.#storage = storage;
    const raw = storage?.getItem(SETTINGS_KEY);
    if (raw) {
      try {
        const parsed = JSON.parse(raw) as Partial<SavedSettings>;
        this.saved = { ...BUILTIN, ...parsed, provider: preset(parsed.provider ?? 'builtin').id };
        this.chosen = true;
      } catch {
        storage?.removeItem(SETTINGS_KEY);
      }
    }
    engine.onEvent((event) => {
      if (event.type === 'ready') this.active = event.model;
    });
  }

  /** Sends the saved settings to the engine (at start, and after another tab had it). */
  async apply(): Promise<ModelInfo> {
    this.active = await this.#engine.call('configureModel', toModelSettings(this.saved));
    return this.active;
  }

  async save(next: SavedSettings): Promise<ModelInfo> {
    const problem = validate(next);
    if (problem) throw new Error(problem);
    this.active = await this.#engine.call('configureModel', toModelSettings(next));
    this.saved = { ...next };
    this.chosen = true;
    this.#storage?.setItem(SETTINGS_KEY, JSON.stringify(this.saved));
    return this.active;
  }

  async test(candidate: SavedSettings): Promise<string[]> {
    const problem = validate({ ...candidate, model: candidate.model || 'any' });
    if (problem) throw new Error(problem);
    return (await this.#engine.call('testConnection', toModelSettings(candidate))).models;
  }
}
