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
  /** configureModel calls run in order, each sending the settings current when it runs. */
  #queue: Promise<unknown> = Promise.resolve();

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
  }

  /** Sends the saved settings to the engine (at start, and after another tab had it). */
  apply(): Promise<ModelInfo> {
    const run = this.#queue.then(() => this.#engine.call('configureModel', toModelSettings(this.saved)));
    this.#queue = run.catch(() => undefined);
    return run.then((info) => (this.active = info));
  }

  async save(next: SavedSettings): Promise<ModelInfo> {
    const problem = validate(next);
    if (problem) throw new Error(problem);
    const previous = this.saved;
    // Saved first, so a start-up apply() that runs after this sends these settings, not older ones.
    this.saved = { ...next };
    try {
      const info = await this.apply();
      this.chosen = true;
      this.#storage?.setItem(SETTINGS_KEY, JSON.stringify(this.saved));
      return info;
    } catch (error) {
      this.saved = previous;
      throw error;
    }
  }

  /**
   * Forgets the saved choice, API key included (Delete everything): the engine goes back to
   * the built-in assistant and the app to its welcome screen.
   */
  forget(): Promise<ModelInfo> {
    this.#storage?.removeItem(SETTINGS_KEY);
    this.saved = { ...BUILTIN };
    this.chosen = false;
    return this.apply();
  }

  async test(candidate: SavedSettings): Promise<string[]> {
    const problem = validate({ ...candidate, model: candidate.model || 'any' });
    if (problem) throw new Error(problem);
    return (await this.#engine.call('testConnection', toModelSettings(candidate))).models;
  }
}
