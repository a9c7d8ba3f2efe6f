import type { StateMap } from '../../store';

/**
 * ADK's ToolContext, reduced to what Hearth's tools use: read the session's merged state
 * (with the changes this round already made) and record a state delta, which the runner
 * commits together with the tool's functionResponse event.
 */
export class ToolContext {
  readonly #state: StateMap;
  readonly delta: StateMap = {};
  readonly now: () => number;
  readonly newId: () => string;

  constructor(state: StateMap, options: { now?: () => number; newId?: () => string } = {}) {
    this.#state = state;
    this.now = options.now ?? (() => Date.now());
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  get(key: string): unknown {
    return Object.hasOwn(this.delta, key) ? this.delta[key] : this.#state[key];
  }

  set(key: string, value: unknown): void {
    this.delta[key] = value;
  }
}
