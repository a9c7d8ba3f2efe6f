import { runTurn } from '../agent/run-turn';
import type { ModelClient } from '../agent/model-client';
import { ModelError } from '../agent/model-client';
import { NAME_KEY, REMINDERS_KEY, reminderTools } from '../agent/tools/reminder-tools';
import { runToolCall } from '../agent/tools/run-tool';
import { ToolContext } from '../agent/tools/tool-context';
import { toErrorData } from '../protocol/engine-error';
import type { Endpoint } from '../protocol/endpoint';
import { PROTOCOL_VERSION, type ErrorData, type ModelSettings } from '../protocol/protocol';
import { serveEngine, type Handlers } from '../protocol/rpc-server';
import { SessionNotFoundError, StorageUnavailableError, type Event, type Session, type SessionService } from '../store';
import { APP_NAME, TITLE_KEY, USER_ID, listConversations, memoryOf, summarize, titleFrom, toConversation } from './conversations';
import type { BackupSlot } from './backup/backup-slot';
import { memoryBackupSlot } from './backup/backup-slot';
import { createDataHandlers } from './data-handlers';
import { createModel, modelInfo, testConnection } from './models';
import { createOwnership } from './ownership';

export interface EngineDeps {
  endpoint: Endpoint;
  openStore: () => Promise<SessionService>;
  /** Where "Undo import" keeps the data from before an import, for the back end in use; in memory by default. */
  openBackups?: (backend: SessionService['backend']) => BackupSlot;
  /** Web Locks and a BroadcastChannel for tab ownership; null where there is one tab (tests). */
  locks: LockManager | null;
  channel: BroadcastChannel | null;
  isOnline?: () => boolean;
  fetch?: typeof fetch;
  now?: () => number;
  newId?: () => string;
  lockName?: string;
}

/**
 * The engine: owns the store in its tab, runs agent turns, and serves the protocol.
 * Runs in a worker (engine-worker.ts) or in-thread over a MessageChannel (tests).
 */
export function createEngine(deps: EngineDeps): { ready: Promise<void> } {
  const clock = deps.now ?? (() => Date.now());
  // Strictly increasing: the store orders events by timestamp, then id, and ids are random,
  // so two events of one turn in the same millisecond (a tool call and its result) could
  // otherwise swap places once reloaded.
  let lastTime = -Infinity;
  const now = (): number => (lastTime = Math.max(clock(), lastTime + 1));
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const isOnline = deps.isOnline ?? (() => true);
  let store: SessionService | undefined;
  let settings: ModelSettings = { kind: 'offline' };
  let model: ModelClient = createModel(settings, deps.fetch);
  const offline = createModel({ kind: 'offline' });
  const live = new Map<string, Session>();
  const turns = new Map<string, { controller: AbortController; sessionId: string; done: Promise<void> }>();

  const ownership = createOwnership({
    locks: deps.locks,
    channel: deps.channel,
    lockName: deps.lockName ?? 'hearth:engine',
    onReleaseRequested: async () => {
      await closeStore();
      server.emit({ type: 'ownership', owner: false, backend: null, reason: 'Hearth is now open in another tab.' });
    },
  });

  const openBackups = deps.openBackups ?? (() => memoryBackupSlot());
  let backups: BackupSlot | undefined;

  async function stopTurns(): Promise<void> {
    for (const turn of turns.values()) turn.controller.abort();
    await Promise.all([...turns.values()].map((t) => t.done));
  }

  async function closeStore(): Promise<void> {
    await stopTurns();
    live.clear();
    const closing = store;
    store = undefined;
    await closing?.close();
  }

  function requireStore(): SessionService {
    if (!store) {
      throw new StorageUnavailableError(
        ownership.owned ? 'The database is not open.' : 'Hearth is open in another tab. Choose "Use here" to continue in this one.',
        { code: ownership.owned ? 'storage-unavailable' : 'storage-in-use' },
      );
    }
    return store;
  }

  async function liveSession(sessionId: string): Promise<Session> {
    const cached = live.get(sessionId);
    if (cached) return cached;
    const loaded = await requireStore().getSession({ appName: APP_NAME, userId: USER_ID, sessionId });
    if (!loaded) throw new SessionNotFoundError(`This conversation no longer exists (it may have been deleted).`);
    live.set(sessionId, loaded);
    return loaded;
  }

  async function emitConversations(): Promise<void> {
    if (store) server.emit({ type: 'conversations-changed', conversations: await listConversations(store) });
  }

  function emitAppended(sessionId: string, event: Event, turnId?: string): void {
    server.emit({ type: 'event-appended', sessionId, event, ...(turnId ? { turnId } : {}) });
    if (Object.keys(event.actions.stateDelta).some((k) => k.startsWith('user:'))) {
      const session = live.get(sessionId);
      if (session) server.emit({ type: 'memory-changed', memory: memoryOf(session.state[NAME_KEY], session.state[REMINDERS_KEY]) });
    }
  }

  function turnError(error: unknown): ErrorData {
    const data = toErrorData(error);
    if (error instanceof ModelError && error.code === 'network') return { ...data, offerOffline: true, retryable: true };
    return data;
  }

  const handlers: Handlers = {
    listConversations: () => listConversations(requireStore()),
    async createConversation({ title }) {
      const session = await requireStore().createSession({
        appName: APP_NAME,
        userId: USER_ID,
        ...(title ? { state: { [TITLE_KEY]: title } } : {}),
      });
      live.set(session.id, session);
      void emitConversations();
      return summarize(session);
    },
    async openConversation({ sessionId, limit = 200, beforeId, atId }) {
      const session = await liveSession(sessionId);
      const anchor = beforeId ?? atId;
      const found = anchor === undefined ? -1 : session.events.findIndex((e) => e.id === anchor);
      if (anchor !== undefined && found === -1) throw new SessionNotFoundError('That part of the conversation no longer exists; reopen the conversation.');
      if (atId !== undefined) {
        // A search hit: a little context before it, and everything after, so the log reads on from there.
        const start = Math.max(0, Math.min(found - AT_CONTEXT, session.events.length - limit));
        return toConversation(session, session.events.slice(start), start > 0);
      }
      const end = found === -1 ? session.events.length : found;
      const start = Math.max(0, end - limit);
      return toConversation(session, session.events.slice(start, end), start > 0);
    },
    async renameConversation({ sessionId, title }) {
      const session = await liveSession(sessionId);
      const trimmed = title.trim().slice(0, 200);
      const event = await requireStore().appendEvent({
        session,
        event: { invocationId: `rename-${newId()}`, author: 'user', actions: { stateDelta: { [TITLE_KEY]: trimmed } } },
      });
      emitAppended(sessionId, event);
      void emitConversations();
      return summarize(session);
    },
    async deleteConversation({ sessionId }) {
      for (const turn of turns.values()) if (turn.sessionId === sessionId) turn.controller.abort();
      await requireStore().deleteSession({ appName: APP_NAME, userId: USER_ID, sessionId });
      live.delete(sessionId);
      void emitConversations();
    },
    async getMemory() {
      const user = await requireStore().getUserState({ appName: APP_NAME, userId: USER_ID });
      return memoryOf(user.name, user.reminders);
    },
    async sendMessage({ sessionId, text, useOffline }) {
      const activeStore = requireStore();
      for (const turn of turns.values()) {
        if (turn.sessionId === sessionId) throw new ModelError('bad-request', 'A reply is still being written in this conversation. Wait for it or press Stop.', { retryable: false });
      }
      const session = await liveSession(sessionId);
      const turnModel = useOffline || settings.kind === 'offline' || !isOnline() ? offline : model;
      const turnId = newId();
      const invocationId = `e-${newId()}`;
      const controller = new AbortController();
      const firstMessage = text !== undefined && session.state[TITLE_KEY] === undefined;
      server.emit({ type: 'turn-started', turnId, sessionId, invocationId, model: modelInfo(turnModel) });
      const done = runTurn(
        { store: activeStore, model: turnModel, tools: reminderTools, now, newId },
        {
          session,
          ...(text !== undefined ? { userText: text } : {}),
          ...(firstMessage ? { userStateDelta: { [TITLE_KEY]: titleFrom(text) } } : {}),
          invocationId,
          signal: controller.signal,
          onEvent: (event) => emitAppended(sessionId, event, turnId),
          onTextDelta: (delta) => server.emit({ type: 'text-delta', turnId, sessionId, text: delta }),
        },
      ).then(({ outcome, session: after }) => {
        turns.delete(turnId);
        if (store === activeStore) live.set(sessionId, after);
        server.emit({
          type: 'turn-finished',
          turnId,
          sessionId,
          status: outcome.status,
          ...(outcome.status === 'failed' ? { error: turnError(outcome.error) } : {}),
        });
        void emitConversations();
      });
      turns.set(turnId, { controller, sessionId, done });
      return { turnId };
    },
    cancelTurn({ turnId }) {
      turns.get(turnId)?.controller.abort();
    },
    async runTool({ sessionId, name, args }) {
      const activeStore = requireStore();
      const session = await liveSession(sessionId);
      const context = new ToolContext(session.state, { now, newId });
      const id = `ui_${newId()}`;
      const invocationId = `ui-${newId()}`;
      const result = runToolCall(reminderTools, name, JSON.stringify(args), context);
      for (const event of [
        { author: 'user', content: { role: 'user', parts: [{ functionCall: { id, name, args } }] }, actions: { stateDelta: {} } },
        { author: 'user', content: { role: 'user', parts: [{ functionResponse: { id, name, response: result } }] }, actions: { stateDelta: context.delta } },
      ]) {
        const stored = await activeStore.appendEvent({ session, event: { ...event, id: newId(), invocationId, timestamp: now() } });
        emitAppended(sessionId, stored);
      }
      return { status: result.status, message: result.message };
    },
    configureModel(next) {
      settings = next;
      model = createModel(next, deps.fetch);
      return modelInfo(model);
    },
    testConnection: (candidate) => testConnection(candidate, deps.fetch),
    async takeOver() {
      await ownership.takeOver();
      return { backend: await openOwnedStore() };
    },
    ...createDataHandlers({
      store: requireStore,
      backups: () => (backups ??= openBackups(requireStore().backend)),
      emit: (event) => server.emit(event),
      now,
      stopTurns,
      async replaced() {
        live.clear();
        server.emit({ type: 'data-replaced' });
        await emitConversations();
        const user = await requireStore().getUserState({ appName: APP_NAME, userId: USER_ID });
        server.emit({ type: 'memory-changed', memory: memoryOf(user.name, user.reminders) });
      },
    }),
  };

  const server = serveEngine(deps.endpoint, handlers);

  async function openOwnedStore(): Promise<NonNullable<SessionService['backend']>> {
    try {
      store = serializeAppends(await deps.openStore());
    } catch (error) {
      ownership.release();
      throw error;
    }
    server.emit({ type: 'ownership', owner: true, backend: store.backend });
    return store.backend;
  }

  const ready = (async () => {
    // The model as it is when the event is sent: the UI may have configured it meanwhile.
    const base = () => ({ type: 'ready', protocolVersion: PROTOCOL_VERSION, model: modelInfo(model) }) as const;
    if (!(await ownership.tryAcquire())) {
      server.emit({
        ...base(),
        backend: null,
        notices: [],
        error: { name: 'StorageUnavailableError', code: 'storage-in-use', message: 'Hearth is open in another tab. Choose "Use here" to continue in this one.' },
      });
      return;
    }
    try {
      store = serializeAppends(await deps.openStore());
      server.emit({ ...base(), backend: store.backend, notices: [...store.notices] });
    } catch (error) {
      ownership.release();
      server.emit({ ...base(), backend: null, notices: [], error: toErrorData(error) });
    }
  })();
  return { ready };
}

/** Events shown before a search hit when a conversation opens at it. */
const AT_CONTEXT = 20;

/**
 * Appends run one at a time, so each reads its session's lastUpdateTime only after the
 * previous append updated it: a user's edit during a streaming reply is not "stale".
 */
function serializeAppends(store: SessionService): SessionService {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    ...store,
    appendEvent(request) {
      const run = tail.then(() => store.appendEvent(request));
      tail = run.catch(() => undefined);
      return run;
    },
  };
}
