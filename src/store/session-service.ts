import type { StoreDriver } from './driver';
import { InvalidArgumentError, StoreClosedError } from './errors';
import { compareIds } from './event-order';
import { applyDelta, mergeState, splitDelta, withoutTemp } from './state';
import { searchLimit, searchTerms } from './search/search-terms';
import { validateSnapshot } from './snapshot/validate-snapshot';
import type {
  AppendEventRequest,
  CreateSessionRequest,
  DeleteSessionRequest,
  Event,
  GetSessionRequest,
  GetUserStateRequest,
  ImportMode,
  ImportSummary,
  ListSessionsRequest,
  ListSessionsResponse,
  MessageStats,
  MessageStatsRequest,
  SearchHit,
  SearchRequest,
  Session,
  SessionService,
  StateMap,
  StoreSnapshot,
} from './types';

export interface SessionServiceDeps {
  driver: StoreDriver;
  /** Builds a SQLite file from a snapshot, for back ends that are not SQLite (loaded on first use). */
  writeFile?: (snapshot: StoreSnapshot) => Promise<Uint8Array>;
  notices?: readonly string[];
  now?: () => number;
  newId?: () => string;
}

/**
 * ADK session semantics, written once over any StoreDriver: id rules, scope
 * splitting, temp keys, partial events, copies and validation.
 */
export function createSessionService({
  driver,
  writeFile = defaultWriteFile,
  notices = [],
  now = () => Date.now(),
  newId = () => crypto.randomUUID(),
}: SessionServiceDeps): SessionService {
  let closed = false;

  function assertOpen(): void {
    if (closed) throw new StoreClosedError();
  }

  return {
    backend: driver.backend,
    notices,

    async createSession(request: CreateSessionRequest): Promise<Session> {
      assertOpen();
      const appName = requireName(request.appName, 'appName');
      const userId = requireName(request.userId, 'userId');
      const id = request.sessionId?.trim() || newId();
      const scoped = splitDelta(copyJson(request.state ?? {}, 'state'));
      const time = now();
      const created = await driver.createSession({
        row: { appName, userId, id, state: scoped.session, createTime: time, updateTime: time },
        appDelta: scoped.app,
        userDelta: scoped.user,
      });
      return {
        id,
        appName,
        userId,
        state: mergeState(created.appState, created.userState, scoped.session),
        events: [],
        lastUpdateTime: time,
      };
    },

    async getSession(request: GetSessionRequest): Promise<Session | undefined> {
      assertOpen();
      const appName = requireName(request.appName, 'appName');
      const userId = requireName(request.userId, 'userId');
      const sessionId = request.sessionId.trim();
      const { numRecentEvents, afterTimestamp } = request.config ?? {};
      if (numRecentEvents !== undefined && (!Number.isInteger(numRecentEvents) || numRecentEvents < 0)) {
        throw new InvalidArgumentError(`numRecentEvents must be a whole number ≥ 0, got ${String(numRecentEvents)}.`);
      }
      if (afterTimestamp !== undefined && !Number.isFinite(afterTimestamp)) {
        throw new InvalidArgumentError(`afterTimestamp must be a number of milliseconds, got ${String(afterTimestamp)}.`);
      }
      const stored = await driver.getSession(
        { appName, userId, sessionId },
        { limit: numRecentEvents, after: afterTimestamp },
      );
      if (!stored) return undefined;
      return {
        id: stored.row.id,
        appName,
        userId,
        state: mergeState(stored.appState, stored.userState, stored.row.state),
        events: stored.events,
        lastUpdateTime: stored.row.updateTime,
      };
    },

    async listSessions(request: ListSessionsRequest): Promise<ListSessionsResponse> {
      assertOpen();
      const appName = requireName(request.appName, 'appName');
      const userId = request.userId === undefined ? undefined : requireName(request.userId, 'userId');
      const listed = await driver.listSessions(appName, userId);
      const sessions = listed.rows
        .map((row) => ({
          id: row.id,
          appName: row.appName,
          userId: row.userId,
          state: mergeState(listed.appState, listed.userStates.get(row.userId) ?? {}, row.state),
          events: [],
          lastUpdateTime: row.updateTime,
        }))
        .sort((a, b) => a.lastUpdateTime - b.lastUpdateTime || compareIds(a.id, b.id));
      return { sessions };
    },

    async deleteSession(request: DeleteSessionRequest): Promise<void> {
      assertOpen();
      await driver.deleteSession({
        appName: requireName(request.appName, 'appName'),
        userId: requireName(request.userId, 'userId'),
        sessionId: request.sessionId.trim(),
      });
    },

    async appendEvent({ session, event }: AppendEventRequest): Promise<Event> {
      assertOpen();
      // ADK: a partial (streaming) event is neither stored nor applied.
      if (event.partial === true) return event as Event;
      const delta = copyJson(event.actions?.stateDelta ?? {}, 'actions.stateDelta');
      const stored = copyJson(
        {
          ...event,
          id: event.id?.trim() || newId(),
          timestamp: event.timestamp ?? now(),
          actions: { ...event.actions, stateDelta: withoutTemp(delta) },
        },
        'event',
      ) as Event;
      if (!Number.isFinite(stored.timestamp)) {
        throw new InvalidArgumentError(`event.timestamp must be milliseconds since the epoch, got ${String(event.timestamp)}.`);
      }
      const outcome = await driver.appendEvent({
        key: { appName: session.appName, userId: session.userId, sessionId: session.id },
        event: stored,
        delta: splitDelta(delta),
        expectedUpdateTime: session.lastUpdateTime,
      });
      if (outcome === 'appended') {
        // temp: keys stay visible on the live session for the rest of the invocation.
        session.state = applyDelta(session.state, delta);
        session.events.push(stored);
        session.lastUpdateTime = stored.timestamp;
      }
      return stored;
    },

    async getUserState(request: GetUserStateRequest): Promise<StateMap> {
      assertOpen();
      return driver.getUserState(requireName(request.appName, 'appName'), requireName(request.userId, 'userId'));
    },

    async searchMessages(request: SearchRequest): Promise<SearchHit[]> {
      assertOpen();
      const appName = requireName(request.appName, 'appName');
      const userId = requireName(request.userId, 'userId');
      const terms = searchTerms(request.query);
      const limit = searchLimit(request.limit);
      const from = optionalTime(request.from, 'from');
      const to = optionalTime(request.to, 'to');
      if (terms.length === 0 || (from !== undefined && to !== undefined && from >= to)) return [];
      return driver.searchMessages({ appName, userId, terms, limit, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
    },

    async messageStats(request: MessageStatsRequest): Promise<MessageStats> {
      assertOpen();
      const appName = requireName(request.appName, 'appName');
      const userId = requireName(request.userId, 'userId');
      const { boundaries } = request;
      if (!Array.isArray(boundaries) || boundaries.length > 1000 || boundaries.some((b, i) => !Number.isFinite(b) || (i > 0 && b <= (boundaries[i - 1] as number)))) {
        throw new InvalidArgumentError('boundaries must be at most 1,000 ascending times in milliseconds.');
      }
      return driver.messageStats({ appName, userId, boundaries: [...boundaries] });
    },

    async exportSnapshot(): Promise<StoreSnapshot> {
      assertOpen();
      return driver.exportSnapshot();
    },

    async importSnapshot(snapshot: StoreSnapshot, mode: ImportMode): Promise<ImportSummary> {
      assertOpen();
      if (mode !== 'replace' && mode !== 'merge') throw new InvalidArgumentError(`The import mode must be "replace" or "merge", got ${String(mode)}.`);
      return driver.importSnapshot(copyJson(validateSnapshot(snapshot), 'snapshot'), mode);
    },

    async exportDatabaseFile(): Promise<Uint8Array> {
      assertOpen();
      if (driver.exportFile) return driver.exportFile();
      return writeFile(await driver.exportSnapshot());
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await driver.close();
    },
  };
}

async function defaultWriteFile(snapshot: StoreSnapshot): Promise<Uint8Array> {
  const { writeHearthFile } = await import('./file/write-hearth-file');
  return writeHearthFile(snapshot);
}

function optionalTime(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidArgumentError(`${field} must be a time in milliseconds.`);
  return value;
}

function requireName(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidArgumentError(`${field} must be a non-empty string.`);
  }
  return value;
}

/** A deep copy through JSON: what every back end stores, so all of them return the same thing. */
function copyJson<T>(value: T, field: string): T {
  try {
    return JSON.parse(JSON.stringify(value)) as T;
  } catch (cause) {
    throw new InvalidArgumentError(`${field} must be JSON-serialisable.`, { cause });
  }
}
