/**
 * The one conformance suite of the session-service port (ADK semantics), run against
 * every back end: in Node (memory, sqlite-memory, IndexedDB over fake-indexeddb) and in
 * Chromium (SQLite on OPFS, real IndexedDB).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Event, EventInput, Session, SessionService } from '../../src/store';

export interface ConformanceTarget {
  /** The back end's name as `service.backend` reports it. */
  backend: SessionService['backend'];
  /** Opens the store named `name`; opening the same name again after close() sees the same data when persistent. */
  open(name: string): Promise<SessionService>;
  persistent: boolean;
}

const APP = 'reminder_agent';
let counter = 0;

export function describeSessionServiceConformance(target: ConformanceTarget): void {
  describe(`SessionService conformance: ${target.backend}`, () => {
    const opened: SessionService[] = [];
    let name = '';

    async function open(): Promise<SessionService> {
      const service = await target.open(name);
      opened.push(service);
      return service;
    }

    async function fresh(): Promise<SessionService> {
      name = `conf-${Date.now().toString(36)}-${++counter}`;
      return open();
    }

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    let clock = 1_700_000_000_000;
    function event(overrides: Partial<EventInput> = {}): EventInput {
      clock += 1000;
      return {
        invocationId: 'inv-1',
        author: 'user',
        timestamp: clock,
        content: { role: 'user', parts: [{ text: 'hello' }] },
        actions: { stateDelta: {} },
        ...overrides,
      };
    }

    describe('createSession', () => {
      it('returns the session with ids, merged state, no events and a timestamp', async () => {
        const store = await fresh();
        expect(store.backend).toBe(target.backend);
        const before = Date.now();
        const session = await store.createSession({ appName: APP, userId: 'u1', sessionId: 's1', state: { topic: 'x' } });
        expect(session).toMatchObject({ id: 's1', appName: APP, userId: 'u1', state: { topic: 'x' }, events: [] });
        expect(session.lastUpdateTime).toBeGreaterThanOrEqual(before);
        expect(session.lastUpdateTime).toBeLessThanOrEqual(Date.now());
      });

      it('trims ids and generates one when the id is blank or missing', async () => {
        const store = await fresh();
        const trimmed = await store.createSession({ appName: APP, userId: 'u1', sessionId: '  padded  ' });
        expect(trimmed.id).toBe('padded');
        expect(await store.getSession({ appName: APP, userId: 'u1', sessionId: 'padded' })).toBeDefined();
        const blank = await store.createSession({ appName: APP, userId: 'u1', sessionId: '   ' });
        const missing = await store.createSession({ appName: APP, userId: 'u1' });
        expect(blank.id.length).toBeGreaterThan(0);
        expect(missing.id.length).toBeGreaterThan(0);
        expect(blank.id).not.toBe(missing.id);
      });

      it('rejects a duplicate id with AlreadyExistsError and keeps the first', async () => {
        const store = await fresh();
        await store.createSession({ appName: APP, userId: 'u1', sessionId: 'dup', state: { n: 1 } });
        const error = await store.createSession({ appName: APP, userId: 'u1', sessionId: 'dup', state: { n: 2 } }).catch((e: unknown) => e);
        expect(error).toMatchObject({ name: 'AlreadyExistsError', code: 'already-exists' });
        const kept = await store.getSession({ appName: APP, userId: 'u1', sessionId: 'dup' });
        expect(kept?.state).toEqual({ n: 1 });
      });

      it('lets exactly one of two concurrent creates of one id win', async () => {
        const store = await fresh();
        const results = await Promise.allSettled([
          store.createSession({ appName: APP, userId: 'u1', sessionId: 'race', state: { who: 'a' } }),
          store.createSession({ appName: APP, userId: 'u1', sessionId: 'race', state: { who: 'b' } }),
        ]);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]?.reason).toMatchObject({ name: 'AlreadyExistsError' });
        const stored = await store.getSession({ appName: APP, userId: 'u1', sessionId: 'race' });
        expect(stored?.state).toEqual((won[0] as PromiseFulfilledResult<Session>).value.state);
      });

      it('splits initial state into scopes and never stores temp: keys', async () => {
        const store = await fresh();
        const session = await store.createSession({
          appName: APP,
          userId: 'u1',
          sessionId: 's1',
          state: { 'app:greeting': 'hi', 'user:name': 'Arvind', 'temp:scratch': 1, local: true },
        });
        expect(session.state).toEqual({ 'app:greeting': 'hi', 'user:name': 'Arvind', local: true });
        const other = await store.createSession({ appName: APP, userId: 'u2', sessionId: 's2' });
        expect(other.state).toEqual({ 'app:greeting': 'hi' });
        expect(await store.getUserState({ appName: APP, userId: 'u1' })).toEqual({ name: 'Arvind' });
        const reread = await store.getSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        expect(reread?.state).toEqual({ 'app:greeting': 'hi', 'user:name': 'Arvind', local: true });
      });

      it('rejects a missing appName or userId with InvalidArgumentError', async () => {
        const store = await fresh();
        await expect(store.createSession({ appName: '', userId: 'u1' })).rejects.toMatchObject({ name: 'InvalidArgumentError' });
        await expect(store.createSession({ appName: APP, userId: ' ' })).rejects.toMatchObject({ name: 'InvalidArgumentError' });
      });
    });

    describe('getSession', () => {
      it('returns undefined for an unknown session, user or app', async () => {
        const store = await fresh();
        await store.createSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        expect(await store.getSession({ appName: APP, userId: 'u1', sessionId: 'nope' })).toBeUndefined();
        expect(await store.getSession({ appName: APP, userId: 'u2', sessionId: 's1' })).toBeUndefined();
        expect(await store.getSession({ appName: 'other_app', userId: 'u1', sessionId: 's1' })).toBeUndefined();
      });

      it('returns copies: changing a returned session changes nothing stored', async () => {
        const store = await fresh();
        const session = await store.createSession({ appName: APP, userId: 'u1', sessionId: 's1', state: { list: [1] } });
        await store.appendEvent({ session, event: event() });
        const first = await store.getSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        (first?.state.list as number[]).push(2);
        first?.events.pop();
        const second = await store.getSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        expect(second?.state.list).toEqual([1]);
        expect(second?.events).toHaveLength(1);
      });

      it('orders events by timestamp, then id', async () => {
        const store = await fresh();
        const session = await store.createSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        for (const [id, timestamp] of [['e-late', 3000], ['e-b', 2000], ['e-early', 1000], ['e-a', 2000]] as const) {
          await store.appendEvent({ session, event: event({ id, timestamp }) });
        }
        const loaded = await store.getSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        expect(loaded?.events.map((e) => e.id)).toEqual(['e-early', 'e-a', 'e-b', 'e-late']);
      });

      it('limits to the newest N events with numRecentEvents (0 means none; negative is an error)', async () => {
        const store = await fresh();
        const session = await store.createSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        for (let i = 1; i <= 5; i++) await store.appendEvent({ session, event: event({ id: `e${i}`, timestamp: i * 10 }) });
        const get = (config: { numRecentEvents?: number; afterTimestamp?: number }) =>
          store.getSession({ appName: APP, userId: 'u1', sessionId: 's1', config });
        expect((await get({ numRecentEvents: 2 }))?.events.map((e) => e.id)).toEqual(['e4', 'e5']);
        expect((await get({ numRecentEvents: 0 }))?.events).toEqual([]);
        expect((await get({ numRecentEvents: 50 }))?.events).toHaveLength(5);
        await expect(get({ numRecentEvents: -1 })).rejects.toMatchObject({ name: 'InvalidArgumentError' });
        expect((await get({ afterTimestamp: 30 }))?.events.map((e) => e.id)).toEqual(['e3', 'e4', 'e5']);
        expect((await get({ afterTimestamp: 30, numRecentEvents: 1 }))?.events.map((e) => e.id)).toEqual(['e5']);
        expect((await get({ afterTimestamp: 51 }))?.events).toEqual([]);
      });
    });

    describe('appendEvent', () => {
      it('stores every field of an event exactly as appended, known or not', async () => {
        const store = await fresh();
        const session = await store.createSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        const full: EventInput = {
          id: 'evt-1',
          invocationId: 'e-42',
          author: 'reminder_agent',
          timestamp: 1_700_000_123_456.789,
          partial: false,
          turnComplete: true,
          branch: 'root.child',
          longRunningToolIds: ['call-1'],
          customMetadata: { nested: { deep: [1, 'two', null, { three: 3 }] }, emoji: '🔥 ünïcødé \u0000 "quotes"' },
          content: {
            role: 'model',
            parts: [
              { text: 'Adding it.' },
              { functionCall: { id: 'call-1', name: 'add_reminder', args: { reminder: 'buy milk' } } },
              { functionResponse: { id: 'call-1', name: 'add_reminder', response: { status: 'success' } } },
            ],
          },
          actions: { stateDelta: { 'user:reminders': ['buy milk'] }, artifactDelta: {}, transferToAgent: null },
        };
        const returned = await store.appendEvent({ session, event: structuredClone(full) });
        expect(returned).toEqual(full);
        const loaded = await store.getSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        expect(loaded?.events).toEqual([full]);
      });

      it('fills in a missing id and timestamp', async () => {
        const store = await fresh();
        const session = await store.createSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        const { id: _id, timestamp: _ts, ...bare } = event();
        const before = Date.now();
        const returned = await store.appendEvent({ session, event: bare });
        expect(returned.id).toMatch(/\S/);
        expect(returned.timestamp).toBeGreaterThanOrEqual(before);
        const loaded = await store.getSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        expect(loaded?.events[0]?.id).toBe(returned.id);
      });

      it('updates the live session and lastUpdateTime to the event timestamp', async () => {
        const store = await fresh();
        const session = await store.createSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        const appended = await store.appendEvent({ session, event: event({ actions: { stateDelta: { mood: 'good' } } }) });
        expect(session.lastUpdateTime).toBe(appended.timestamp);
        expect(session.events).toEqual([appended]);
        expect(session.state).toEqual({ mood: 'good' });
        const loaded = await store.getSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        expect(loaded?.lastUpdateTime).toBe(appended.timestamp);
        expect(loaded?.state).toEqual({ mood: 'good' });
      });

      it('keeps scopes apart: app for everyone, user across that user\'s sessions, the rest per session', async () => {
        const store = await fresh();
        const a1 = await store.createSession({ appName: APP, userId: 'alice', sessionId: 'a1' });
        const a2 = await store.createSession({ appName: APP, userId: 'alice', sessionId: 'a2' });
        const b1 = await store.createSession({ appName: APP, userId: 'bob', sessionId: 'b1' });
        const other = await store.createSession({ appName: 'other_app', userId: 'alice', sessionId: 'o1' });
        await store.appendEvent({
          session: a1,
          event: event({ actions: { stateDelta: { 'app:motd': 'hi all', 'user:name': 'Alice', draft: 'a1 only' } } }),
        });
        const get = (appName: string, userId: string, sessionId: string) => store.getSession({ appName, userId, sessionId });
        expect((await get(APP, 'alice', 'a1'))?.state).toEqual({ 'app:motd': 'hi all', 'user:name': 'Alice', draft: 'a1 only' });
        expect((await get(APP, 'alice', 'a2'))?.state).toEqual({ 'app:motd': 'hi all', 'user:name': 'Alice' });
        expect((await get(APP, 'bob', 'b1'))?.state).toEqual({ 'app:motd': 'hi all' });
        expect((await get('other_app', 'alice', 'o1'))?.state).toEqual({});
        expect(await store.getUserState({ appName: APP, userId: 'alice' })).toEqual({ name: 'Alice' });
        expect(await store.getUserState({ appName: APP, userId: 'bob' })).toEqual({});
        expect(await store.getUserState({ appName: 'other_app', userId: 'alice' })).toEqual({});
        void a2;
        void b1;
        void other;
      });

      it('treats a delta as a top-level replace and stores null rather than deleting', async () => {
        const store = await fresh();
        const session = await store.createSession({
          appName: APP,
          userId: 'u1',
          sessionId: 's1',
          state: { prefs: { a: 1, b: 2 }, keep: 'yes', 'user:profile': { city: 'Pune', zip: '411001' } },
        });
        await store.appendEvent({
          session,
          event: event({ actions: { stateDelta: { prefs: { c: 3 }, keep: null, 'user:profile': { city: 'Delhi' } } } }),
        });
        const loaded = await store.getSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        expect(loaded?.state).toEqual({ prefs: { c: 3 }, keep: null, 'user:profile': { city: 'Delhi' } });
        expect(Object.hasOwn(loaded?.state ?? {}, 'keep')).toBe(true);
      });

      it('keeps temp: keys on the live session only, out of the stored event and state', async () => {
        const store = await fresh();
        const session = await store.createSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        const returned = await store.appendEvent({
          session,
          event: event({ actions: { stateDelta: { 'temp:step': 2, 'user:name': 'Ann' } } }),
        });
        expect(session.state).toEqual({ 'temp:step': 2, 'user:name': 'Ann' });
        expect(returned.actions.stateDelta).toEqual({ 'user:name': 'Ann' });
        const loaded = await store.getSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        expect(loaded?.state).toEqual({ 'user:name': 'Ann' });
        expect(loaded?.events[0]?.actions.stateDelta).toEqual({ 'user:name': 'Ann' });
      });

      it('ignores a partial event: neither stored nor applied', async () => {
        const store = await fresh();
        const session = await store.createSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        const before = session.lastUpdateTime;
        await store.appendEvent({ session, event: event({ partial: true, actions: { stateDelta: { 'user:name': 'X' } } }) });
        expect(session.events).toEqual([]);
        expect(session.lastUpdateTime).toBe(before);
        const loaded = await store.getSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        expect(loaded?.events).toEqual([]);
        expect(loaded?.state).toEqual({});
      });

      it('stores the same event id once', async () => {
        const store = await fresh();
        const session = await store.createSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        const once = event({ id: 'same', actions: { stateDelta: { count: 1 } } });
        await store.appendEvent({ session, event: once });
        await store.appendEvent({ session, event: once });
        expect(session.events).toHaveLength(1);
        const loaded = await store.getSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        expect(loaded?.events.map((e) => e.id)).toEqual(['same']);
      });

      it('refuses a stale session object and writes nothing', async () => {
        const store = await fresh();
        await store.createSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        const key = { appName: APP, userId: 'u1', sessionId: 's1' };
        const first = (await store.getSession(key)) as Session;
        const second = (await store.getSession(key)) as Session;
        await store.appendEvent({ session: first, event: event({ id: 'winner', actions: { stateDelta: { 'user:name': 'A' } } }) });
        const error = await store
          .appendEvent({ session: second, event: event({ id: 'loser', actions: { stateDelta: { 'user:name': 'B', x: 1 } } }) })
          .catch((e: unknown) => e);
        expect(error).toMatchObject({ name: 'StaleSessionError', code: 'stale-session' });
        const loaded = await store.getSession(key);
        expect(loaded?.events.map((e) => e.id)).toEqual(['winner']);
        expect(loaded?.state).toEqual({ 'user:name': 'A' });
        expect(second.events).toEqual([]);
        // Reload and retry succeeds, as the engine does.
        const reloaded = (await store.getSession(key)) as Session;
        await store.appendEvent({ session: reloaded, event: event({ id: 'retry' }) });
        expect((await store.getSession(key))?.events.map((e) => e.id)).toEqual(['winner', 'retry']);
      });

      it('refuses an append to a missing or deleted session with SessionNotFoundError', async () => {
        const store = await fresh();
        const session = await store.createSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        await store.deleteSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        await expect(store.appendEvent({ session, event: event() })).rejects.toMatchObject({ name: 'SessionNotFoundError' });
        const ghost: Session = { id: 'ghost', appName: APP, userId: 'u1', state: {}, events: [], lastUpdateTime: 0 };
        await expect(store.appendEvent({ session: ghost, event: event() })).rejects.toMatchObject({ name: 'SessionNotFoundError' });
      });

      it('rejects a value that cannot be stored, writing nothing', async () => {
        const store = await fresh();
        const session = await store.createSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        await expect(
          store.appendEvent({ session, event: event({ actions: { stateDelta: { big: 10n } } }) }),
        ).rejects.toMatchObject({ name: 'InvalidArgumentError' });
        expect((await store.getSession({ appName: APP, userId: 'u1', sessionId: 's1' }))?.events).toEqual([]);
      });
    });

    describe('listSessions', () => {
      it('lists without events, with merged state, oldest update first, ties by id', async () => {
        const store = await fresh();
        const s = async (userId: string, sessionId: string) => store.createSession({ appName: APP, userId, sessionId });
        const late = await s('u1', 'late');
        await s('u1', 'b-tie');
        await s('u1', 'a-tie');
        await s('u2', 'other-user');
        await store.createSession({ appName: 'other_app', userId: 'u1', sessionId: 'elsewhere' });
        await store.appendEvent({
          session: late,
          event: event({ timestamp: Date.now() + 60_000, actions: { stateDelta: { 'user:name': 'U1', 'app:v': 1 } } }),
        });
        // Give the two ties the same update time through events with equal timestamps.
        for (const id of ['b-tie', 'a-tie']) {
          const session = (await store.getSession({ appName: APP, userId: 'u1', sessionId: id })) as Session;
          await store.appendEvent({ session, event: event({ timestamp: 5 }) });
        }
        const mine = await store.listSessions({ appName: APP, userId: 'u1' });
        expect(mine.sessions.map((x) => x.id)).toEqual(['a-tie', 'b-tie', 'late']);
        for (const listed of mine.sessions) expect(listed.events).toEqual([]);
        expect(mine.sessions[2]?.state).toEqual({ 'user:name': 'U1', 'app:v': 1 });
        const all = await store.listSessions({ appName: APP });
        expect(all.sessions.map((x) => x.id).sort()).toEqual(['a-tie', 'b-tie', 'late', 'other-user']);
        expect(all.sessions.find((x) => x.id === 'other-user')?.state).toEqual({ 'app:v': 1 });
        expect((await store.listSessions({ appName: 'nothing_here' })).sessions).toEqual([]);
      });
    });

    describe('deleteSession', () => {
      it('removes the session and its events; a new session with that id starts empty', async () => {
        const store = await fresh();
        const session = await store.createSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        await store.appendEvent({ session, event: event({ actions: { stateDelta: { 'user:name': 'Kept' } } }) });
        await store.deleteSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        expect(await store.getSession({ appName: APP, userId: 'u1', sessionId: 's1' })).toBeUndefined();
        expect((await store.listSessions({ appName: APP })).sessions).toEqual([]);
        // User state belongs to the user, not the session.
        expect(await store.getUserState({ appName: APP, userId: 'u1' })).toEqual({ name: 'Kept' });
        const again = await store.createSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        expect((await store.getSession({ appName: APP, userId: 'u1', sessionId: again.id }))?.events).toEqual([]);
      });

      it('is a no-op when nothing matches', async () => {
        const store = await fresh();
        await store.createSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        await store.deleteSession({ appName: APP, userId: 'u1', sessionId: 'missing' });
        await store.deleteSession({ appName: APP, userId: 'u2', sessionId: 's1' });
        expect((await store.listSessions({ appName: APP })).sessions).toHaveLength(1);
      });
    });

    describe('getUserState', () => {
      it('returns the user scope without prefixes, as a copy', async () => {
        const store = await fresh();
        const session = await store.createSession({ appName: APP, userId: 'u1', sessionId: 's1' });
        await store.appendEvent({
          session,
          event: event({ actions: { stateDelta: { 'user:name': 'Arvind', 'user:reminders': [{ id: 'r1', text: 'milk' }] } } }),
        });
        const state = await store.getUserState({ appName: APP, userId: 'u1' });
        expect(state).toEqual({ name: 'Arvind', reminders: [{ id: 'r1', text: 'milk' }] });
        (state.reminders as unknown[]).length = 0;
        expect((await store.getUserState({ appName: APP, userId: 'u1' })).reminders).toHaveLength(1);
      });
    });

    describe('close', () => {
      it('refuses calls after close', async () => {
        const store = await fresh();
        await store.close();
        await expect(store.listSessions({ appName: APP })).rejects.toMatchObject({ name: 'StoreClosedError' });
      });
    });

    describe.runIf(target.persistent)('persistence', () => {
      it('keeps sessions, events and every scope across a close and reopen', async () => {
        const store = await fresh();
        const session = await store.createSession({ appName: APP, userId: 'arvind', sessionId: 'chat-1', state: { 'app:v': 1 } });
        const e1 = await store.appendEvent({
          session,
          event: event({ actions: { stateDelta: { 'user:name': 'Arvind Mehta', topic: 'groceries', 'temp:x': 1 } } }),
        });
        const e2 = await store.appendEvent({
          session,
          event: event({ author: 'reminder_agent', actions: { stateDelta: { 'user:reminders': ['buy milk'] } } }),
        });
        await store.close();
        opened.splice(opened.indexOf(store), 1);

        const reopened = await open();
        const loaded = await reopened.getSession({ appName: APP, userId: 'arvind', sessionId: 'chat-1' });
        expect(loaded?.events).toEqual([e1, e2] satisfies Event[]);
        expect(loaded?.state).toEqual({ 'app:v': 1, 'user:name': 'Arvind Mehta', 'user:reminders': ['buy milk'], topic: 'groceries' });
        expect(loaded?.lastUpdateTime).toBe(e2.timestamp);
        // A new chat of the same user sees the user scope: the point of the product.
        const next = await reopened.createSession({ appName: APP, userId: 'arvind', sessionId: 'chat-2' });
        expect(next.state).toEqual({ 'app:v': 1, 'user:name': 'Arvind Mehta', 'user:reminders': ['buy milk'] });
        // And the reloaded session object can keep appending.
        await reopened.appendEvent({ session: loaded as Session, event: event() });
      });
    });
  });
}
