import type { EngineClient } from '../../protocol/rpc-client';
import type { Memory } from '../../protocol/protocol';

export type ToolOutcome = { status: string; message: string };

/**
 * What Hearth remembers about the user (the `user:` scope): the name and the reminders.
 * Edits run the agent's own tools in a conversation, so they are events like any other.
 */
export class MemoryState {
  memory = $state.raw<Memory>({ reminders: [] });
  /** False until the stored memory arrived (so an empty list means no reminders). */
  loaded = $state(false);
  /** The result of the last edit, for the panel to announce. */
  lastOutcome = $state<ToolOutcome | null>(null);

  readonly #engine: EngineClient;
  readonly #conversation: () => Promise<string>;

  /** `conversation` gives the conversation the edit is recorded in, creating one if needed. */
  constructor(engine: EngineClient, conversation: () => Promise<string>) {
    this.#engine = engine;
    this.#conversation = conversation;
    engine.onEvent((event) => {
      if (event.type === 'memory-changed') this.memory = event.memory;
    });
  }

  async refresh(): Promise<void> {
    this.memory = await this.#engine.call('getMemory', {});
    this.loaded = true;
  }

  setName(name: string): Promise<ToolOutcome> {
    return this.#run('update_user_name', { name });
  }

  add(text: string, due?: string): Promise<ToolOutcome> {
    return this.#run('add_reminder', { reminder: text, ...(due ? { due } : {}) });
  }

  /** `index` is the reminder's 1-based position, as the tools number them. */
  update(index: number, changes: { text: string; done?: boolean; due?: string | null }): Promise<ToolOutcome> {
    return this.#run('update_reminder', {
      index,
      updated_text: changes.text,
      ...(changes.done !== undefined ? { done: changes.done } : {}),
      ...(changes.due !== undefined ? { due: changes.due } : {}),
    });
  }

  remove(index: number): Promise<ToolOutcome> {
    return this.#run('delete_reminder', { index });
  }

  async #run(name: string, args: Record<string, unknown>): Promise<ToolOutcome> {
    const sessionId = await this.#conversation();
    const outcome = await this.#engine.call('runTool', { sessionId, name, args });
    this.lastOutcome = outcome;
    return outcome;
  }
}
