/**
 * The UI ↔ engine contract, in one file: the method map (UI → engine calls), the events
 * the engine streams to the UI, and the wire messages. Everything here is structured-
 * cloneable; errors travel as data.
 */
import type { Reminder } from '../shared/reminder';
import type { BackendName, Event, ImportMode, SnippetPart } from '../store/types';

export type { BackendName, Event, ImportMode, Reminder, SnippetPart };

export const PROTOCOL_VERSION = 1;

/** The largest database file Hearth accepts: it is checked in memory before anything is replaced. */
export const MAX_DATABASE_FILE_BYTES = 512 * 1024 * 1024;

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

export interface SearchResult {
  sessionId: string;
  /** The conversation's title, as in the list. */
  title: string;
  eventId: string;
  timestamp: number;
  author: string;
  snippet: SnippetPart[];
}

export interface DataStats {
  conversations: number;
  messages: number;
  reminders: number;
  /** Messages per interval of the `boundaries` asked for. */
  perInterval: number[];
  /** The database's own size, where the back end knows it (the UI adds the browser's estimate). */
  databaseBytes?: number;
}

export type ExportFormat = 'json' | 'markdown' | 'csv';

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  /** Text formats come as text; the database file as bytes. */
  text?: string;
  bytes?: Uint8Array;
}

export interface ImportReport {
  mode: ImportMode;
  /** Sessions and events written (in 'merge', the new ones only). */
  sessions: number;
  events: number;
  /** Whether "Undo import" can restore what was there before. */
  undoAvailable: boolean;
}

/** The data as it was before the last import, kept for "Undo import". */
export interface BackupInfo {
  createdAt: number;
  bytes: number;
}

export type ImportPhase = 'checking' | 'saving-backup' | 'writing' | 'done';

/** UI → engine calls: params and result types derive from this map. */
export interface EngineMethods {
  listConversations(params: Record<string, never>): ConversationSummary[];
  createConversation(params: { title?: string }): ConversationSummary;
  /**
   * The newest `limit` events, or the `limit` just older than the event `beforeId` (loading more as the user
   * scrolls up), or with `atId` (a search hit) everything from a little before that event to the newest.
   */
  openConversation(params: { sessionId: string; limit?: number; beforeId?: string; atId?: string }): Conversation;
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
  /** Full-text search over every conversation's messages, newest first. */
  searchMessages(params: { query: string; from?: number; to?: number; limit?: number }): SearchResult[];
  /** Counts, and messages per interval of `boundaries` (ascending times, e.g. the last 31 local midnights). */
  getStats(params: { boundaries: number[] }): DataStats;
  /** The whole database as a SQLite file named hearth-YYYY-MM-DD.sqlite3 (no API key is ever in it). */
  exportDatabase(params: Record<string, never>): ExportedFile;
  /**
   * Checks a database file in a temporary database, keeps the current data as a backup,
   * then swaps the file's data in (one transaction). Progress streams as 'import-progress'.
   */
  importDatabase(params: { bytes: Uint8Array; mode: ImportMode }): ImportReport;
  /** Restores the data kept before the last import, then drops that backup. */
  undoImport(params: Record<string, never>): { sessions: number; events: number };
  getBackup(params: Record<string, never>): BackupInfo | null;
  /** One conversation (`sessionId`) or all of them. */
  exportConversations(params: { sessionId?: string; format: ExportFormat }): ExportedFile;
  /** Imports a JSON export, merging by ids (nothing is duplicated or overwritten). */
  importConversations(params: { text: string }): ImportReport;
  /** Deletes every conversation, the name and the reminders, and any import backup. */
  deleteEverything(params: Record<string, never>): void;
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
  /** The whole store changed (import, undo, delete everything): reload what is shown. */
  | { type: 'data-replaced' }
  | { type: 'import-progress'; phase: ImportPhase; done?: number; total?: number }
  | { type: 'conversations-changed'; conversations: ConversationSummary[] };

export type Request = { [M in MethodName]: { kind: 'call'; id: number; method: M; params: Params<M> } }[MethodName];

export type Response =
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; error: ErrorData }
  | { kind: 'event'; event: EngineEvent };
