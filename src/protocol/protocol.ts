/**
 * The UI ↔ engine contract, in one file: the method map (UI → engine calls), the events
 * the engine streams to the UI, and the wire messages. Everything here is structured-
 * cloneable; errors travel as data.
 */
import type { Reminder } from '../shared/reminder';
import type { BackendName, Event } from '../store/types';

export type { BackendName, Event, Reminder };

export const PROTOCOL_VERSION = 1;

export type ModelSettings =
  | { kind: 'offline' }
  | { kind: 'openai-compatible'; baseURL: string; apiKey: string; model: string; omitSdkHeaders?: boolean };

export interface ErrorData {
  name: string;
  code: string;
  message: string;
  /** Whether the UI should offer "Retry". */
  retryable?: boolean;
  /** Whether the UI should offer the built-in assistant instead. */
  offerOffline?: boolean;
}

export interface ConversationSummary {
  id: string;
  title: string;
  lastUpdateTime: number;
}

export interface Conversation extends ConversationSummary {
  events: Event[];
  /** True when older events exist than the ones sent. */
  hasOlder: boolean;
}

export interface Memory {
  name?: string;
  reminders: Reminder[];
}

export interface ModelInfo {
  kind: ModelSettings['kind'];
  label: string;
}

/** UI → engine calls: params and result types derive from this map. */
export interface EngineMethods {
  listConversations(params: Record<string, never>): ConversationSummary[];
  createConversation(params: { title?: string }): ConversationSummary;
  /** The newest `limit` events, or the `limit` just older than the event `beforeId` (loading more as the user scrolls up). */
  openConversation(params: { sessionId: string; limit?: number; beforeId?: string }): Conversation;
  renameConversation(params: { sessionId: string; title: string }): ConversationSummary;
  deleteConversation(params: { sessionId: string }): void;
  getMemory(params: Record<string, never>): Memory;
  /** Starts a turn and returns at once; its progress streams as events. Without `text`, retries the last turn. */
  sendMessage(params: { sessionId: string; text?: string; useOffline?: boolean }): { turnId: string };
  cancelTurn(params: { turnId: string }): void;
  /** The UI's own memory edits: the same tools, so they are events too. */
  runTool(params: { sessionId: string; name: string; args: Record<string, unknown> }): { status: string; message: string };
  configureModel(params: ModelSettings): ModelInfo;
  testConnection(params: ModelSettings): { models: string[] };
  /** Takes the database over from another tab ("Use here"). */
  takeOver(params: Record<string, never>): { backend: BackendName };
}

export type MethodName = keyof EngineMethods;
export type Params<M extends MethodName> = Parameters<EngineMethods[M]>[0];
export type Result<M extends MethodName> = ReturnType<EngineMethods[M]>;

export type TurnStatus = 'done' | 'cancelled' | 'failed';

/** Engine → UI events. */
export type EngineEvent =
  | {
      type: 'ready';
      protocolVersion: number;
      /** Null when another tab owns the database, or storage failed (see `error`). */
      backend: BackendName | null;
      notices: string[];
      model: ModelInfo;
      error?: ErrorData;
    }
  | { type: 'ownership'; owner: boolean; backend: BackendName | null; reason?: string }
  | { type: 'turn-started'; turnId: string; sessionId: string; invocationId: string; model: ModelInfo }
  | { type: 'text-delta'; turnId: string; sessionId: string; text: string }
  | { type: 'event-appended'; sessionId: string; turnId?: string; event: Event }
  | { type: 'turn-finished'; turnId: string; sessionId: string; status: TurnStatus; error?: ErrorData }
  | { type: 'memory-changed'; memory: Memory }
  | { type: 'conversations-changed'; conversations: ConversationSummary[] };

export type Request = { [M in MethodName]: { kind: 'call'; id: number; method: M; params: Params<M> } }[MethodName];

export type Response =
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; error: ErrorData }
  | { kind: 'event'; event: EngineEvent };
