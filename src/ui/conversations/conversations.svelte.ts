import type { EngineClient } from '../../protocol/rpc-client';
import type { ConversationSummary } from '../../protocol/protocol';

/** The conversation list, newest first as the engine sends it, and the filter over it. */
export class Conversations {
  all = $state.raw<ConversationSummary[]>([]);
  filter = $state('');
  loaded = $state(false);

  readonly filtered = $derived.by(() => {
    const words = this.filter.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return this.all;
    return this.all.filter((c) => words.every((w) => c.title.toLowerCase().includes(w)));
  });

  readonly #engine: EngineClient;

  constructor(engine: EngineClient) {
    this.#engine = engine;
    engine.onEvent((event) => {
      if (event.type === 'conversations-changed') {
        this.all = event.conversations;
        this.loaded = true;
      }
    });
  }

  async refresh(): Promise<void> {
    this.all = await this.#engine.call('listConversations', {});
    this.loaded = true;
  }

  title(id: string | null): string | undefined {
    return this.all.find((c) => c.id === id)?.title;
  }

  async create(): Promise<ConversationSummary> {
    const created = await this.#engine.call('createConversation', {});
    if (!this.all.some((c) => c.id === created.id)) this.all = [created, ...this.all];
    return created;
  }

  async rename(id: string, title: string): Promise<void> {
    const renamed = await this.#engine.call('renameConversation', { sessionId: id, title });
    this.all = this.all.map((c) => (c.id === id ? renamed : c));
  }

  async remove(id: string): Promise<void> {
    await this.#engine.call('deleteConversation', { sessionId: id });
    this.all = this.all.filter((c) => c.id !== id);
  }
}
