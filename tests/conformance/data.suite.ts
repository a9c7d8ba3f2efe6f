/**
 * Conformance of Hearth's additions beyond ADK (search, stats, export and import), run
 * against every back end like session-service.suite.ts. What a back end may do its own
 * way (where a snippet is cut, `bytes`) is checked by property, not by value.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readHearthFile, type Event, type EventInput, type SearchHit, type SearchRequest, type Session, type SessionService, type StoreSnapshot } from '../../src/store';
import { foldWord } from '../../src/store/search/tokenize';
import type { ConformanceTarget } from './session-service.suite';

const APP = 'reminder_agent';
const USER = { appName: APP, userId: 'u1' };
let counter = 0;

const message = (id: string, timestamp: number, text: string, author = 'user'): Event => ({
  id,
  invocationId: 'inv-1',
  author,
  timestamp,
  content: { role: author === 'user' ? 'user' : 'model', parts: [{ text }] },
  actions: { stateDelta: {} },
});

const toolCall = (id: string, timestamp: number): Event => ({
  id,
  invocationId: 'inv-1',
  author: APP,
  timestamp,
  content: { role: 'model', parts: [{ functionCall: { id: 'c1', name: 'add_reminder', args: { reminder: 'milk' } } }] },
  actions: { stateDelta: {} },
});

const toolResult = (id: string, timestamp: number): Event => ({
  id,
  invocationId: 'inv-1',
  author: APP,
  timestamp,
  content: { role: 'user', parts: [{ functionResponse: { id: 'c1', name: 'add_reminder', response: { added: 'milk' } } }] },
  actions: { stateDelta: {} },
});

const stateOnly = (id: string, timestamp: number): Event => ({
  id,
  invocationId: 'inv-1',
  author: APP,
  timestamp,
  actions: { stateDelta: { 'user:last': 'milk' } },
});

const ids = (hits: SearchHit[]): string[] => hits.map((h) => h.eventId);

/** Snapshot rows in key order, since back ends may export them in any order. */
function sorted(snapshot: StoreSnapshot): StoreSnapshot {
  const by =
    <T>(key: (row: T) => (string | number)[]) =>
    (a: T, b: T): number => {
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] as string | number) < (y[i] as string | number) ? -1 : 1;
      return 0;
    };
  return {
    sessions: [...snapshot.sessions].sort(by((r) => [r.appName, r.userId, r.id])),
    events: [...snapshot.events].sort(by((r) => [r.appName, r.userId, r.sessionId, r.event.timestamp, r.event.id])),
    appStates: [...snapshot.appStates].sort(by((r) => [r.appName])),
    userStates: [...snapshot.userStates].sort(by((r) => [r.appName, r.userId])),
  };
}

export function describeDataConformance(target: ConformanceTarget): void {
  describe(`SessionService data conformance: ${target.backend}`, () => {
    const opened: SessionService[] = [];

    async function open(name: string): Promise<SessionService> {
      const service = await target.open(name);
      opened.push(service);
      return service;
    }

    const fresh = (): Promise<SessionService> => open(`data-${Date.now().toString(36)}-${++counter}`);

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    async function chat(
      store: SessionService,
      sessionId: string,
      events: EventInput[],
      scope: { appName: string; userId: string } = USER,
    ): Promise<Session> {
      const session = await store.createSession({ ...scope, sessionId });
      for (const event of events) await store.appendEvent({ session, event });
      return session;
    }

    const search = (store: SessionService, query: string, more: Partial<SearchRequest> = {}): Promise<SearchHit[]> =>
      store.searchMessages({ ...USER, query, ...more });

    describe('searchMessages', () => {
      it('finds a message by one of its words in any session of the user', async () => {
        const store = await fresh();
        await chat(store, 's1', [message('m1', 1000, 'Remember to buy oat milk')]);
        await chat(store, 's2', [message('m2', 2000, 'The weather is fine today', APP)]);
        const hits = await search(store, 'weather');
        expect(hits).toHaveLength(1);
        expect(hits[0]).toMatchObject({ sessionId: 's2', eventId: 'm2', timestamp: 2000, author: APP });
        expect(await search(store, 'milk')).toMatchObject([{ sessionId: 's1', eventId: 'm1', author: 'user' }]);
      });

      it('ignores case and accents', async () => {
        const store = await fresh();
        await chat(store, 's1', [message('m1', 1000, 'Meet me at the Café Müller')]);
        for (const query of ['CAFE', 'café', 'muller', 'MÜLLER', 'Cafe MULLER']) expect(ids(await search(store, query))).toEqual(['m1']);
      });

      it('requires every word of the query', async () => {
        const store = await fresh();
        await chat(store, 's1', [
          message('oat', 1000, 'buy oat milk'),
          message('bread', 2000, 'buy bread'),
          message('choc', 3000, 'milk chocolate'),
        ]);
        expect(ids(await search(store, 'buy milk'))).toEqual(['oat']);
        expect(ids(await search(store, 'milk'))).toEqual(['choc', 'oat']);
        expect(await search(store, 'buy cheese')).toEqual([]);
      });

      it('matches each word as the start of a word, not inside one', async () => {
        const store = await fresh();
        await chat(store, 's1', [message('m1', 1000, 'Set two reminders for tomorrow.')]);
        expect(ids(await search(store, 'remi'))).toEqual(['m1']);
        expect(ids(await search(store, 'REMIND tom'))).toEqual(['m1']);
        expect(await search(store, 'minders')).toEqual([]);
        expect(await search(store, 'reminderss')).toEqual([]);
      });

      it('treats only events with text as messages, not tool calls, tool results or state changes', async () => {
        const store = await fresh();
        const mixed: EventInput = {
          ...toolCall('mixed', 5000),
          content: { role: 'model', parts: [{ text: 'Adding milk now.' }, { functionCall: { name: 'add_reminder', args: {} } }] },
        };
        await chat(store, 's1', [toolCall('call', 1000), toolResult('result', 2000), stateOnly('state', 3000), message('text', 4000, 'milk'), mixed]);
        expect(ids(await search(store, 'milk'))).toEqual(['mixed', 'text']);
        expect(await search(store, 'add_reminder')).toEqual([]);
        expect(await search(store, 'added')).toEqual([]);
        expect((await store.messageStats({ ...USER, boundaries: [] })).messages).toBe(2);
      });

      it('orders hits newest first, ties by event id descending', async () => {
        const store = await fresh();
        await chat(store, 's1', [message('b', 5000, 'tea'), message('a', 5000, 'tea'), message('old', 1000, 'tea')]);
        await chat(store, 's2', [message('c', 5000, 'tea'), message('new', 9000, 'tea')]);
        expect(ids(await search(store, 'tea'))).toEqual(['new', 'c', 'b', 'a', 'old']);
      });

      it('takes from as inclusive and to as exclusive', async () => {
        const store = await fresh();
        await chat(store, 's1', [message('t1', 1000, 'tea'), message('t2', 2000, 'tea'), message('t3', 3000, 'tea')]);
        expect(ids(await search(store, 'tea', { from: 2000 }))).toEqual(['t3', 't2']);
        expect(ids(await search(store, 'tea', { to: 2000 }))).toEqual(['t1']);
        expect(ids(await search(store, 'tea', { from: 1000, to: 3000 }))).toEqual(['t2', 't1']);
        expect(await search(store, 'tea', { from: 3000, to: 3000 })).toEqual([]);
        expect(await search(store, 'tea', { from: 3001 })).toEqual([]);
      });

      it('returns at most limit hits, the newest ones (50 by default)', async () => {
        const store = await fresh();
        await chat(store, 's1', Array.from({ length: 55 }, (_, i) => message(`m${String(i).padStart(2, '0')}`, 1000 + i, `note ${i}`)));
        expect(ids(await search(store, 'note', { limit: 2 }))).toEqual(['m54', 'm53']);
        const all = await search(store, 'note');
        expect(all).toHaveLength(50);
        expect(all[49]?.eventId).toBe('m05');
        await expect(search(store, 'note', { limit: 0 })).rejects.toMatchObject({ name: 'InvalidArgumentError' });
      });

      it('keeps to the app and user asked for', async () => {
        const store = await fresh();
        await chat(store, 'mine', [message('mine', 1000, 'tea')]);
        await chat(store, 'bob', [message('bob', 2000, 'tea')], { appName: APP, userId: 'bob' });
        await chat(store, 'elsewhere', [message('elsewhere', 3000, 'tea')], { appName: 'other_app', userId: 'u1' });
        expect(ids(await search(store, 'tea'))).toEqual(['mine']);
        expect(ids(await search(store, 'tea', { userId: 'bob' }))).toEqual(['bob']);
        expect(ids(await search(store, 'tea', { appName: 'other_app' }))).toEqual(['elsewhere']);
        expect(await search(store, 'tea', { userId: 'nobody' })).toEqual([]);
      });

      it("no longer finds a deleted session's messages, also after its id is reused", async () => {
        const store = await fresh();
        await chat(store, 's1', [message('gone', 1000, 'tea with lemon')]);
        await chat(store, 's2', [message('kept', 2000, 'tea')]);
        await store.deleteSession({ ...USER, sessionId: 's1' });
        expect(ids(await search(store, 'tea'))).toEqual(['kept']);
        await chat(store, 's1', [message('fresh', 3000, 'coffee')]);
        expect(ids(await search(store, 'tea'))).toEqual(['kept']);
        expect(await search(store, 'lemon')).toEqual([]);
        expect(ids(await search(store, 'coffee'))).toEqual(['fresh']);
      });

      it('gives a snippet of the text around the match, with the matched words marked', async () => {
        const store = await fresh();
        const filler = (from: number) => Array.from({ length: 30 }, (_, i) => `word${from + i}`).join(' ');
        const long = `${filler(0)} remember the Reminders list ${filler(100)}`;
        const short = 'Set two reminders for tomorrow.';
        await chat(store, 's1', [message('long', 2000, long), message('short', 1000, short)]);
        const terms = ['remi', 'list'];
        const hits = await search(store, 'REMI list');
        expect(ids(hits)).toEqual(['long']);
        const [hit] = hits as [SearchHit];
        const matched = hit.snippet.filter((p) => p.match);
        expect(matched.length).toBeGreaterThan(0);
        for (const part of matched) expect(terms.some((t) => foldWord(part.text).startsWith(t))).toBe(true);
        const joined = hit.snippet.map((p) => p.text).join('');
        expect(joined).toContain('Reminders');
        expect(joined).toContain('…');
        expect(joined.length).toBeLessThan(long.length);
        expect(long).toContain(joined.replace(/^…/, '').replace(/…$/, ''));

        const [whole] = (await search(store, 'tomorrow')) as [SearchHit];
        expect(whole.snippet.map((p) => p.text).join('')).toBe(short);
        expect(whole.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['tomorrow']);
      });

      it('returns nothing for a query without words', async () => {
        const store = await fresh();
        await chat(store, 's1', [message('m1', 1000, 'hello?! …')]);
        expect(await search(store, '')).toEqual([]);
        expect(await search(store, '  ?! … ')).toEqual([]);
      });
    });

    describe('messageStats', () => {
      it("counts the user's sessions, messages, and messages per interval", async () => {
        const store = await fresh();
        await chat(store, 's1', [
          message('a', 1000, 'one'),
          message('b', 1999, 'two', APP),
          message('c', 2000, 'three'),
          toolCall('call', 2500),
          stateOnly('state', 2600),
          message('d', 3000, 'four'),
        ]);
        await chat(store, 'empty', []);
        await chat(store, 'bob', [message('bob', 1500, 'hi')], { appName: APP, userId: 'bob' });
        await chat(store, 'other', [message('other', 1500, 'hi')], { appName: 'other_app', userId: 'u1' });

        const stats = await store.messageStats({ ...USER, boundaries: [1000, 2000, 3000] });
        expect(stats).toMatchObject({ sessions: 2, messages: 4, perInterval: [2, 1] });
        if (stats.bytes !== undefined) expect(stats.bytes).toBeGreaterThan(0);
        expect((await store.messageStats({ ...USER, boundaries: [0, 1000, 1e15] })).perInterval).toEqual([0, 4]);
        expect((await store.messageStats({ ...USER, boundaries: [500] })).perInterval).toEqual([]);
        expect((await store.messageStats({ ...USER, boundaries: [] })).perInterval).toEqual([]);
        expect(await store.messageStats({ appName: APP, userId: 'nobody', boundaries: [0, 1] })).toMatchObject({
          sessions: 0,
          messages: 0,
          perInterval: [0],
        });
      });
    });

    describe('exportSnapshot and importSnapshot', () => {
      /** A store with every kind of row: several users and apps, every scope of state, unusual event fields. */
      async function seeded(): Promise<SessionService> {
        const store = await fresh();
        const full: EventInput = {
          id: 'evt-full',
          invocationId: 'e-42',
          author: APP,
          timestamp: 1_700_000_123_456.789,
          turnComplete: true,
          branch: 'root.child',
          longRunningToolIds: ['call-1'],
          customMetadata: { nested: { deep: [1, 'two', null, { three: 3 }] }, emoji: '🔥 ünïcødé \u0000 "quotes"' },
          content: { role: 'model', parts: [{ text: 'Adding the Café reminder.' }, { functionCall: { id: 'call-1', name: 'add', args: {} } }] },
          actions: { stateDelta: { 'user:reminders': ['café'] }, artifactDelta: {}, transferToAgent: null },
        };
        const s1 = await store.createSession({ ...USER, sessionId: 's1', state: { topic: 'errands', 'app:motd': 'hi', 'user:name': 'Ann' } });
        for (const e of [message('m1', 1000, 'buy oat milk'), toolCall('call', 1001), toolResult('result', 1002), stateOnly('state', 1003), full]) {
          await store.appendEvent({ session: s1, event: e });
        }
        await chat(store, 's2', [message('m2', 2000, 'see you at the café', APP)]);
        await chat(store, 'empty', []);
        await store.createSession({ appName: APP, userId: 'bob', sessionId: 'b1', state: { 'user:name': 'Bob' } });
        await chat(store, 'o1', [message('o1', 3000, 'elsewhere')], { appName: 'other_app', userId: 'u1' });
        return store;
      }

      const sessionsOf = async (store: SessionService): Promise<Session[]> => {
        const listed = [...(await store.listSessions({ appName: APP })).sessions, ...(await store.listSessions({ appName: 'other_app' })).sessions];
        return Promise.all(listed.map(async (s) => (await store.getSession({ appName: s.appName, userId: s.userId, sessionId: s.id })) as Session));
      };

      it('exports nothing from an empty store', async () => {
        const store = await fresh();
        expect(await store.exportSnapshot()).toEqual({ sessions: [], events: [], appStates: [], userStates: [] });
      });

      it("round-trips every row through export and a 'replace' import into an empty store", async () => {
        const source = await seeded();
        const snapshot = await source.exportSnapshot();
        expect(snapshot.sessions).toHaveLength(5);
        expect(snapshot.events).toHaveLength(7);
        expect(snapshot.appStates).toHaveLength(1);
        expect(snapshot.userStates).toHaveLength(2);

        const copy = await fresh();
        expect(await copy.importSnapshot(snapshot, 'replace')).toEqual({ sessions: 5, events: 7 });
        expect(sorted(await copy.exportSnapshot())).toEqual(sorted(snapshot));
        const [original, copied] = [await sessionsOf(source), await sessionsOf(copy)];
        expect(copied).toEqual(original);
        expect(copied.find((s) => s.id === 's1')?.events.find((e) => e.id === 'evt-full')).toMatchObject({
          timestamp: 1_700_000_123_456.789,
          customMetadata: { emoji: '🔥 ünïcødé \u0000 "quotes"' },
          actions: { transferToAgent: null },
        });
        expect(ids(await search(copy, 'cafe'))).toEqual(['evt-full', 'm2']);
        expect(await copy.messageStats({ ...USER, boundaries: [0, 1e15] })).toMatchObject({ sessions: 3, messages: 3, perInterval: [3] });
      });

      it("'replace' removes everything that was there before", async () => {
        const snapshot = await (await seeded()).exportSnapshot();
        const store = await fresh();
        await chat(store, 's1', [message('stale', 500, 'stale words')]);
        const old = await store.createSession({ appName: 'gone_app', userId: 'u9', sessionId: 'x', state: { 'app:a': 1, 'user:b': 2 } });
        await store.appendEvent({ session: old, event: message('gone', 600, 'stale too') });

        expect(await store.importSnapshot(snapshot, 'replace')).toEqual({ sessions: 5, events: 7 });
        expect(sorted(await store.exportSnapshot())).toEqual(sorted(snapshot));
        expect(await search(store, 'stale')).toEqual([]);
        expect(await search(store, 'stale', { appName: 'gone_app', userId: 'u9' })).toEqual([]);
        expect(await store.getUserState({ appName: 'gone_app', userId: 'u9' })).toEqual({});
        expect(ids(await search(store, 'milk'))).toEqual(['m1']);

        expect(await store.importSnapshot({ sessions: [], events: [], appStates: [], userStates: [] }, 'replace')).toEqual({ sessions: 0, events: 0 });
        expect(await store.exportSnapshot()).toEqual({ sessions: [], events: [], appStates: [], userStates: [] });
        expect(await search(store, 'milk')).toEqual([]);
      });

      it("'merge' adds missing sessions, events and state keys, keeping what is stored", async () => {
        const store = await fresh();
        const s1 = await store.createSession({ ...USER, sessionId: 's1', state: { topic: 'local', keep: 1, 'app:motd': 'local', 'user:name': 'Local' } });
        await store.appendEvent({ session: s1, event: message('e1', 1000, 'local first') });
        await store.appendEvent({ session: s1, event: message('e2', 2000, 'local second') });
        await chat(store, 's3', [message('e5', 2000, 'local third')]);
        const incoming: StoreSnapshot = {
          sessions: [
            { ...USER, id: 's1', state: { topic: 'remote', extra: 2 }, createTime: 1, updateTime: 5000 },
            { ...USER, id: 's2', state: { fresh: true }, createTime: 1, updateTime: 4000 },
            { ...USER, id: 's3', state: {}, createTime: 1, updateTime: 1500 },
            { appName: APP, userId: 'bob', id: 'b1', state: {}, createTime: 1, updateTime: 1 },
          ],
          events: [
            { ...USER, sessionId: 's1', event: message('e2', 2000, 'remote copy') },
            { ...USER, sessionId: 's1', event: message('e3', 3000, 'remote fresh') },
            { ...USER, sessionId: 's2', event: message('e4', 4000, 'remote other') },
          ],
          appStates: [{ appName: APP, state: { motd: 'remote', theme: 'dark' }, updateTime: 5000 }],
          userStates: [
            { ...USER, state: { name: 'Remote', city: 'Pune' }, updateTime: 5000 },
            { appName: APP, userId: 'bob', state: { name: 'Bob' }, updateTime: 1 },
          ],
        };

        expect(await store.importSnapshot(incoming, 'merge')).toEqual({ sessions: 2, events: 2 });
        const merged = (await store.getSession({ ...USER, sessionId: 's1' })) as Session;
        expect(merged.events.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
        expect(merged.events[1]?.content?.parts?.[0]?.text).toBe('local second');
        expect(merged.state).toEqual({
          topic: 'local',
          keep: 1,
          extra: 2,
          'app:motd': 'local',
          'app:theme': 'dark',
          'user:name': 'Local',
          'user:city': 'Pune',
        });
        expect(merged.lastUpdateTime).toBe(5000);
        expect((await store.exportSnapshot()).sessions.find((r) => r.id === 's1')?.createTime).not.toBe(1);
        expect((await store.getSession({ ...USER, sessionId: 's3' }))?.lastUpdateTime).toBe(2000);
        expect((await store.getSession({ ...USER, sessionId: 's2' }))?.events.map((e) => e.id)).toEqual(['e4']);
        expect(await store.getUserState({ appName: APP, userId: 'bob' })).toEqual({ name: 'Bob' });
        expect(ids(await search(store, 'remote'))).toEqual(['e4', 'e3']);
        expect(await search(store, 'copy')).toEqual([]);
        expect(ids(await search(store, 'local'))).toEqual(['e5', 'e2', 'e1']);

        // Importing the same data again finds nothing missing.
        const before = sorted(await store.exportSnapshot());
        expect(await store.importSnapshot(incoming, 'merge')).toEqual({ sessions: 0, events: 0 });
        expect(sorted(await store.exportSnapshot())).toEqual(before);
        expect(ids(await search(store, 'remote'))).toEqual(['e4', 'e3']);
      });

      it("'merge' into an empty store holds exactly the import", async () => {
        const snapshot = await (await seeded()).exportSnapshot();
        const store = await fresh();
        expect(await store.importSnapshot(snapshot, 'merge')).toEqual({ sessions: 5, events: 7 });
        expect(sorted(await store.exportSnapshot())).toEqual(sorted(snapshot));
      });

      it('rejects a malformed snapshot with InvalidArgumentError and writes nothing', async () => {
        const store = await seeded();
        const before = sorted(await store.exportSnapshot());
        const valid = await (await seeded()).exportSnapshot();
        const lastEvent = valid.events[valid.events.length - 1];
        const malformed: unknown[] = [
          null,
          { sessions: [], events: [] },
          { ...valid, events: [...valid.events, { ...USER, sessionId: 'nowhere', event: lastEvent?.event }] },
          { ...valid, events: [...valid.events, { ...lastEvent, event: { ...lastEvent?.event, id: undefined } }] },
          { ...valid, events: [...valid.events, { ...lastEvent, event: { ...lastEvent?.event, id: 'p', partial: true } }] },
          { ...valid, sessions: [...valid.sessions, { ...valid.sessions[0] }] },
          { ...valid, userStates: [...valid.userStates, { ...USER, state: [], updateTime: 1 }] },
        ];
        for (const bad of malformed) {
          for (const mode of ['replace', 'merge'] as const) {
            await expect(store.importSnapshot(bad as StoreSnapshot, mode)).rejects.toMatchObject({ name: 'InvalidArgumentError' });
          }
        }
        await expect(store.importSnapshot(valid, 'overwrite' as never)).rejects.toMatchObject({ name: 'InvalidArgumentError' });
        expect(sorted(await store.exportSnapshot())).toEqual(before);
      });

      it('exports a SQLite database file that reads back as the same data, whatever the back end', async () => {
        const source = await seeded();
        const file = await source.exportDatabaseFile();
        expect(new TextDecoder('latin1').decode(file.subarray(0, 16))).toBe('SQLite format 3\u0000');
        // A rollback-journal file (no -wal beside it), as the upload check requires.
        expect([file[18], file[19]]).toEqual([1, 1]);
        const read = await readHearthFile(file, { maxBytes: 64 * 1024 * 1024 });
        expect(sorted(read)).toEqual(sorted(await source.exportSnapshot()));
        const copy = await fresh();
        await copy.importSnapshot(read, 'replace');
        expect(await sessionsOf(copy)).toEqual(await sessionsOf(source));
        expect(ids(await search(copy, 'cafe'))).toEqual(['evt-full', 'm2']);
      });

      it.runIf(target.persistent)('keeps an import across a close and reopen', async () => {
        const snapshot = await (await seeded()).exportSnapshot();
        const name = `data-persist-${Date.now().toString(36)}-${++counter}`;
        const store = await open(name);
        await chat(store, 'before', [message('before', 1, 'replaced soon')]);
        await store.importSnapshot(snapshot, 'replace');
        await store.close();
        opened.splice(opened.indexOf(store), 1);

        const reopened = await open(name);
        expect(sorted(await reopened.exportSnapshot())).toEqual(sorted(snapshot));
        expect(ids(await search(reopened, 'cafe'))).toEqual(['evt-full', 'm2']);
        expect(await search(reopened, 'replaced')).toEqual([]);
      });
    });
  });
}
