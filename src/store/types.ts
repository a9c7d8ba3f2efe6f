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
  close(): Promise<void>;
}
