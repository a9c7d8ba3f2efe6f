import type { BackendName, Event, ImportMode, ImportSummary, MessageStats, SearchHit, SnapshotSession, StateMap, StoreSnapshot } from './types';
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

/** A session's stored row; the same shape a snapshot carries. */
export type SessionRow = SnapshotSession;

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

export interface SearchQuery {
  appName: string;
  userId: string;
  /** Folded terms (search/tokenize.ts), each matched as a word prefix; all must match. Never empty. */
  terms: string[];
  /** Inclusive lower bound on the event's timestamp. */
  from?: number;
  /** Exclusive upper bound on the event's timestamp. */
  to?: number;
  limit: number;
}

export interface StatsQuery {
  appName: string;
  userId: string;
  /** Ascending times; `perInterval[i]` counts messages with boundaries[i] <= timestamp < boundaries[i + 1]. */
  boundaries: number[];
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
  /**
   * Messages (events with text, see search/message-text.ts) containing every term,
   * newest first (timestamp, then id, descending), at most `limit`. The index is kept
   * in the same transaction as the events, so a hit always names a stored event.
   */
  searchMessages(query: SearchQuery): Promise<SearchHit[]>;
  messageStats(query: StatsQuery): Promise<MessageStats>;
  /** Every row of every table (all apps and users), in one consistent read. */
  exportSnapshot(): Promise<StoreSnapshot>;
  /**
   * In one transaction. 'replace': the store afterwards holds exactly the snapshot.
   * 'merge': adds sessions and events whose ids are not stored yet (nothing is
   * duplicated or overwritten); state keys that are not stored yet are added; a session's
   * update time becomes the later of the two.
   */
  importSnapshot(snapshot: StoreSnapshot, mode: ImportMode): Promise<ImportSummary>;
  /** The store as a SQLite database file, where the back end is SQLite (others build one from a snapshot). */
  exportFile?(): Promise<Uint8Array>;
  close(): Promise<void>;
}
