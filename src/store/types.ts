/**
 * The session-service port: Google ADK's session model (sessions, an append-only
 * event log, state in `app:` / `user:` / `temp:` scopes) with ADK-JS request shapes.
 * Timestamps are milliseconds since the epoch.
 */

export type StateMap = Record<string, unknown>;

export interface FunctionCall {
  id?: string;
  name: string;
  args?: Record<string, unknown>;
}

export interface FunctionResponse {
  id?: string;
  name: string;
  response?: Record<string, unknown>;
}

export interface Part {
  text?: string;
  functionCall?: FunctionCall;
  functionResponse?: FunctionResponse;
  [key: string]: unknown;
}

export interface Content {
  role?: string;
  parts?: Part[];
  [key: string]: unknown;
}

export interface EventActions {
  stateDelta: StateMap;
  [key: string]: unknown;
}

/** An ADK event. Unknown fields are kept and come back exactly as appended. */
export interface Event {
  id: string;
  invocationId: string;
  author: string;
  timestamp: number;
  partial?: boolean;
  content?: Content;
  actions: EventActions;
  [key: string]: unknown;
}

/** What a caller appends: `id` and `timestamp` are filled in when missing. */
export type EventInput = Omit<Event, 'id' | 'timestamp' | 'actions'> & {
  id?: string;
  timestamp?: number;
  actions?: Partial<EventActions>;
};

export interface Session {
  id: string;
  appName: string;
  userId: string;
  state: StateMap;
  events: Event[];
  lastUpdateTime: number;
}

export type BackendName = 'sqlite-opfs' | 'sqlite-memory' | 'indexeddb' | 'memory';

export interface OpenSessionServiceOptions {
  backend: 'auto' | BackendName;
  /** Database name; also names the OPFS pool directory and the IndexedDB database. */
  name?: string;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export interface CreateSessionRequest {
  appName: string;
  userId: string;
  state?: StateMap;
  sessionId?: string;
}

export interface GetSessionConfig {
  numRecentEvents?: number;
  afterTimestamp?: number;
}

export interface GetSessionRequest {
  appName: string;
  userId: string;
  sessionId: string;
  config?: GetSessionConfig;
}

export interface ListSessionsRequest {
  appName: string;
  userId?: string;
}

export interface ListSessionsResponse {
  sessions: Session[];
}

export interface DeleteSessionRequest {
  appName: string;
  userId: string;
  sessionId: string;
}

export interface AppendEventRequest {
  session: Session;
  event: EventInput;
}

export interface GetUserStateRequest {
  appName: string;
  userId: string;
}

/** A run of a message's text; `match` marks a run that matched the search. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  sessionId: string;
  eventId: string;
  timestamp: number;
  author: string;
  /** A few words around the first match, with `…` where the text was cut. */
  snippet: SnippetPart[];
}

export interface SearchRequest {
  appName: string;
  userId: string;
  /** What the user typed: words, each matched as a word prefix, case- and accent-insensitive. */
  query: string;
  /** Inclusive lower bound on the message time (ms). */
  from?: number;
  /** Exclusive upper bound on the message time (ms). */
  to?: number;
  /** At most this many hits (default 50, at most 500). */
  limit?: number;
}

export interface MessageStatsRequest {
  appName: string;
  userId: string;
  /** Ascending times (e.g. local midnights); perInterval[i] counts [boundaries[i], boundaries[i + 1]). */
  boundaries: number[];
}

export interface MessageStats {
  /** Sessions of this app and user. */
  sessions: number;
  /** Events of this app and user that carry text (user and model messages). */
  messages: number;
  perInterval: number[];
  /** The database's own size in bytes, where the back end knows it. */
  bytes?: number;
}

/** Every stored row: what a database file or a full JSON export carries. */
export interface StoreSnapshot {
  sessions: SnapshotSession[];
  events: SnapshotEvent[];
  appStates: SnapshotAppState[];
  userStates: SnapshotUserState[];
}

export interface SnapshotSession {
  appName: string;
  userId: string;
  id: string;
  /** Session scope only, without prefixes. */
  state: StateMap;
  createTime: number;
  updateTime: number;
}

export interface SnapshotEvent {
  appName: string;
  userId: string;
  sessionId: string;
  event: Event;
}

export interface SnapshotAppState {
  appName: string;
  state: StateMap;
  updateTime: number;
}

export interface SnapshotUserState {
  appName: string;
  userId: string;
  state: StateMap;
  updateTime: number;
}

/** 'replace': afterwards the store holds exactly the import. 'merge': adds what is missing, by ids. */
export type ImportMode = 'replace' | 'merge';

export interface ImportSummary {
  /** Sessions and events written by the import (in 'merge', the new ones only). */
  sessions: number;
  events: number;
}

export interface SessionService {
  /** The back end actually in use, so the UI can show it (and warn about `memory`). */
  readonly backend: BackendName;
  /** Why `auto` did not get its first choice, in words for the user; empty when it did. */
  readonly notices: readonly string[];
  createSession(request: CreateSessionRequest): Promise<Session>;
  getSession(request: GetSessionRequest): Promise<Session | undefined>;
  listSessions(request: ListSessionsRequest): Promise<ListSessionsResponse>;
  deleteSession(request: DeleteSessionRequest): Promise<void>;
  appendEvent(request: AppendEventRequest): Promise<Event>;
  getUserState(request: GetUserStateRequest): Promise<StateMap>;

  // Hearth's additions beyond ADK: search, stats, and moving all data in and out.
  searchMessages(request: SearchRequest): Promise<SearchHit[]>;
  messageStats(request: MessageStatsRequest): Promise<MessageStats>;
  exportSnapshot(): Promise<StoreSnapshot>;
  /** Checks the snapshot's shape first (InvalidArgumentError, nothing written), then imports it in one transaction. */
  importSnapshot(snapshot: StoreSnapshot, mode: ImportMode): Promise<ImportSummary>;
  /** A SQLite 3 database file of everything stored, whatever the back end (one format). */
  exportDatabaseFile(): Promise<Uint8Array>;
  close(): Promise<void>;
}
