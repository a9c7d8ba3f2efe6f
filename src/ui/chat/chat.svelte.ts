import type { EngineClient } from '../../protocol/rpc-client';
import type { ErrorData, Event, EngineEvent, ModelInfo } from '../../protocol/protocol';
import { toErrorData } from '../../protocol/engine-error';
import { mergeEvents } from './merge-events';

/** How many events the log asks for at a time: enough to fill a tall screen a few times. */
export const PAGE_SIZE = 100;

interface RunningTurn {
  turnId: string;
  /** Text streamed since the last stored event of this turn. */
  streaming: string;
  model: ModelInfo;
}

/**
 * The open conversation: its loaded events (newest pages first, older ones on demand),
 * the turn running in each conversation with its streaming text, and the last failure.
 */
export class Chat {
  sessionId = $state<string | null>(null);
  events = $state.raw<Event[]>([]);
  hasOlder = $state(false);
  loadingOlder = $state(false);
  /** Running turns by conversation: a reply keeps streaming while the user looks elsewhere. */
  turns = $state<Record<string, RunningTurn>>({});
  /** The last failed turn of a conversation, with what the user can do about it. */
  failures = $state<Record<string, ErrorData>>({});
  /**
   * The event a search hit opened the conversation at, for the log to scroll to and mark.
   * A new object each time, so choosing the same hit again reveals it again.
   */
  reveal = $state.raw<{ eventId: string } | null>(null);

  readonly #engine: EngineClient;
  #opening = 0;

  constructor(engine: EngineClient) {
    this.#engine = engine;
    engine.onEvent((event) => this.#apply(event));
  }

  get turn(): RunningTurn | undefined {
    return this.sessionId ? this.turns[this.sessionId] : undefined;
  }

  get failure(): ErrorData | undefined {
    return this.sessionId ? this.failures[this.sessionId] : undefined;
  }

  /** Opens a conversation (or none, for a new chat that is created on the first message). */
  open(sessionId: string | null): Promise<void> {
    return this.#open(sessionId);
  }

  /**
   * Opens a conversation at a search hit: from a little before that event to the newest
   * (older pages still load on demand), and asks the log to reveal the event.
   */
  openAt(sessionId: string, eventId: string): Promise<void> {
    return this.#open(sessionId, eventId);
  }

  async #open(sessionId: string | null, atId?: string): Promise<void> {
    const opening = ++this.#opening;
    this.sessionId = sessionId;
    this.events = [];
    this.hasOlder = false;
    this.reveal = null;
    if (!sessionId) return;
    const conversation = await this.#engine.call('openConversation', atId ? { sessionId, atId } : { sessionId, limit: PAGE_SIZE });
    if (opening !== this.#opening) return;
    this.events = mergeEvents(conversation.events, this.events);
    this.hasOlder = conversation.hasOlder;
    if (atId) this.reveal = { eventId: atId };
  }

  async loadOlder(): Promise<void> {
    const sessionId = this.sessionId;
    const oldest = this.events[0];
    if (!sessionId || !oldest || !this.hasOlder || this.loadingOlder) return;
    this.loadingOlder = true;
    const opening = this.#opening;
    try {
      const page = await this.#engine.call('openConversation', { sessionId, limit: PAGE_SIZE, beforeId: oldest.id });
      // Reopened meanwhile (another conversation, or this one at a search hit): this page no longer joins on.
      if (opening !== this.#opening) return;
      this.events = mergeEvents(page.events, this.events);
      this.hasOlder = page.hasOlder;
    } finally {
      this.loadingOlder = false;
    }
  }

  /** Sends a message (text), retries the last turn (no text), or retries it with the built-in assistant. */
  async send(sessionId: string, options: { text?: string; useOffline?: boolean } = {}): Promise<void> {
    delete this.failures[sessionId];
    await this.#engine.call('sendMessage', { sessionId, ...options });
  }

  async stop(): Promise<void> {
    const turn = this.turn;
    if (turn) await this.#engine.call('cancelTurn', { turnId: turn.turnId });
  }

  dismissFailure(): void {
    if (this.sessionId) delete this.failures[this.sessionId];
  }

  #apply(event: EngineEvent): void {
    switch (event.type) {
      case 'turn-started':
        this.turns[event.sessionId] = { turnId: event.turnId, streaming: '', model: event.model };
        return;
      case 'text-delta': {
        const turn = this.turns[event.sessionId];
        if (turn?.turnId === event.turnId) turn.streaming += event.text;
        return;
      }
      case 'event-appended': {
        const turn = this.turns[event.sessionId];
        // The streamed text is now part of a stored event; stop showing it twice.
        if (turn && event.turnId === turn.turnId && event.event.author !== 'user') turn.streaming = '';
        if (event.sessionId === this.sessionId) this.events = mergeEvents(this.events, [event.event]);
        return;
      }
      case 'turn-finished':
        if (this.turns[event.sessionId]?.turnId === event.turnId) delete this.turns[event.sessionId];
        if (event.status === 'failed') this.failures[event.sessionId] = event.error ?? toErrorData(new Error('The reply failed.'));
        return;
      case 'conversations-changed':
        if (this.sessionId && !event.conversations.some((c) => c.id === this.sessionId)) void this.open(null);
        return;
      case 'ownership':
        if (!event.owner) this.turns = {};
        return;
      // The app reloads the open conversation after 'data-replaced' (it knows whether it still exists).
      case 'ready':
      case 'memory-changed':
      case 'data-replaced':
      case 'import-progress':
        return;
      default: {
        const unreachable: never = event;
        throw new Error(`Unknown engine event ${JSON.stringify(unreachable)}`);
      }
    }
  }
}
