import type { BackendName, Event, StateMap } from './types';
import type { ScopedDelta } from './state';

/**
 * The back-end port under the session service. A driver knows persistence and
 * atomicity; it knows nothing of ADK prefixes, temp keys, ids or copying — that is
 * the session service's job, written once for every back end.
 */

export interface SessionKey {
  appName: string;
  userId: string;
  sessionId: string;
}

export interface SessionRow {
  appName: string;
  userId: string;
  id: string;
  /** Session-scope state only, without prefixes. */
  state: StateMap;
  createTime: number;
  updateTime: number;
}

export interface StoredSession {
  row: SessionRow;
  appState: StateMap;
  userState: StateMap;
  /** Ordered by timestamp, then id. */
  events: Event[];
}

export interface EventQuery {
  /** Only the newest N events (still returned oldest first). */
  limit?: number;
  /** Only events with `timestamp >= after`. */
  after?: number;
}

export interface CreateSessionInput {
  row: SessionRow;
  /** Initial app and user state, merged over what is stored (ADK's create_session). */
  appDelta: StateMap;
  userDelta: StateMap;
}

export interface CreatedSession {
  appState: StateMap;
  userState: StateMap;
}

export interface AppendEventInput {
  key: SessionKey;
  /** Already without `temp:` keys and without `partial`. */
  event: Event;
  delta: ScopedDelta;
  /**
   * The caller's `session.lastUpdateTime`. A stored update time that differs means
   * someone wrote since the caller loaded the session (ADK checks only "newer"; an
   * event may carry an older timestamp, so Hearth compares for equality).
   */
  expectedUpdateTime: number;
}

export type AppendOutcome = 'appended' | 'duplicate';

export interface ListedSessions {
  rows: SessionRow[];
  appState: StateMap;
  /** User state per user id, for every user that has a row. */
  userStates: Map<string, StateMap>;
}

export interface StoreDriver {
  readonly backend: BackendName;
  /** Throws AlreadyExistsError when the key is taken, without writing anything. */
  createSession(input: CreateSessionInput): Promise<CreatedSession>;
  getSession(key: SessionKey, query: EventQuery): Promise<StoredSession | undefined>;
  listSessions(appName: string, userId: string | undefined): Promise<ListedSessions>;
  deleteSession(key: SessionKey): Promise<void>;
  /**
   * In one transaction: a duplicate event id is a no-op ('duplicate'); a missing session
   * throws SessionNotFoundError; a stored update time other than `expectedUpdateTime`
   * throws StaleSessionError; otherwise the event, every scope's delta and the session's
   * update time (the event's timestamp) are written together.
   */
  appendEvent(input: AppendEventInput): Promise<AppendOutcome>;
  getUserState(appName: string, userId: string): Promise<StateMap>;
  close(): Promise<void>;
}
