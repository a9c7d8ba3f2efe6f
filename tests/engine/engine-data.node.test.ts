// "Your data" through the engine protocol, on SQLite in memory: search, stats, the
// database file (download, checked upload, undo), conversation exports, delete everything.
import { afterEach, describe, expect, it } from 'vitest';
import { openSessionService } from '../../src/store';
import { startEngine, type EngineHarness } from '../support/engine-harness';

const started: EngineHarness[] = [];
afterEach(() => {
  for (const engine of started.splice(0)) engine.close();
});

async function engine(): Promise<EngineHarness> {
  const harness = await startEngine(() => openSessionService({ backend: 'sqlite-memory' }));
  started.push(harness);
  return harness;
}

/** The built-in assistant learns a name and a reminder; a second chat mentions tea. */
async function withHistory(harness: EngineHarness) {
  const say = async (sessionId: string, text: string) => {
    const { turnId } = await harness.client.call('sendMessage', { sessionId, text });
    expect((await harness.finished(turnId)).status).toBe('done');
  };
  const first = await harness.client.call('createConversation', {});
  await say(first.id, 'My name is Ada');
  await say(first.id, 'Remind me to buy oat milk');
  const second = await harness.client.call('createConversation', {});
  await say(second.id, 'I would love some jasmine tea');
  return { first, second };
}

const state = async (harness: EngineHarness) => ({
  memory: await harness.client.call('getMemory', {}),
  conversations: (await harness.client.call('listConversations', {})).map((c) => c.id).sort(),
});

describe('engine: search and stats', () => {
  it('finds a word in another conversation, with its title and a highlighted snippet', async () => {
    const harness = await engine();
    const { first } = await withHistory(harness);
    // The request and the assistant's confirmation, newest first; nothing from the tea chat.
    const hits = await harness.client.call('searchMessages', { query: 'OAT' });
    expect(hits.map((h) => [h.sessionId, h.title, h.author])).toEqual([
      [first.id, 'My name is Ada', expect.not.stringMatching(/^user$/)],
      [first.id, 'My name is Ada', 'user'],
    ]);
    expect(hits[1]?.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['oat']);
    const opened = await harness.client.call('openConversation', { sessionId: first.id, atId: hits[0]!.eventId });
    expect(opened.events.some((e) => e.id === hits[0]!.eventId)).toBe(true);
  });

  it('counts conversations, messages, reminders and messages per interval', async () => {
    const harness = await engine();
    await withHistory(harness);
    const now = Date.now();
    const stats = await harness.client.call('getStats', { boundaries: [now - 86_400_000, now + 60_000, now + 120_000] });
    expect(stats).toMatchObject({ conversations: 2, reminders: 1, perInterval: [stats.messages, 0] });
    expect(stats.messages).toBeGreaterThanOrEqual(6);
    expect(stats.databaseBytes).toBeGreaterThan(0);
  });
});

describe('engine: the database file', () => {
  it('downloads a SQLite file that another Hearth uploads with name, reminders and history', async () => {
    const source = await engine();
    const { first } = await withHistory(source);
    const file = await source.client.call('exportDatabase', {});
    expect(file.fileName).toMatch(/^hearth-\d{4}-\d{2}-\d{2}\.sqlite3$/);
    expect(new TextDecoder().decode(file.bytes!.subarray(0, 16))).toBe('SQLite format 3\u0000');

    const target = await engine();
    const report = await target.client.call('importDatabase', { bytes: file.bytes!, mode: 'replace' });
    expect(report).toMatchObject({ mode: 'replace', sessions: 2, undoAvailable: true });
    expect(await state(target)).toEqual(await state(source));
    // The engine's clock never repeats a millisecond, so append order is the stored order.
    const original = await source.client.call('openConversation', { sessionId: first.id });
    expect((await target.client.call('openConversation', { sessionId: first.id })).events).toEqual(original.events);
    expect(target.events.map((e) => e.type)).toEqual(expect.arrayContaining(['import-progress', 'data-replaced', 'memory-changed']));
  });

  it('refuses a bad file with a clear message and changes nothing', async () => {
    const harness = await engine();
    await withHistory(harness);
    const before = await state(harness);
    const error = await harness.client
      .call('importDatabase', { bytes: crypto.getRandomValues(new Uint8Array(4096)), mode: 'replace' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'InvalidFileError', code: 'invalid-file', message: expect.stringMatching(/not a SQLite database/) });
    expect(await state(harness)).toEqual(before);
    expect(await harness.client.call('getBackup', {})).toBeNull();
  });

  it('undoes an import, restoring exactly what was there', async () => {
    const harness = await engine();
    await withHistory(harness);
    const before = await state(harness);
    const other = await engine();
    const lone = await other.client.call('createConversation', {});
    const { turnId } = await other.client.call('sendMessage', { sessionId: lone.id, text: 'call me Bo' });
    await other.finished(turnId);
    const { bytes } = await other.client.call('exportDatabase', {});

    await harness.client.call('importDatabase', { bytes: bytes!, mode: 'replace' });
    expect((await state(harness)).memory.name).toBe('Bo');
    expect(await harness.client.call('getBackup', {})).toMatchObject({ createdAt: expect.any(Number) });
    await harness.client.call('undoImport', {});
    expect(await state(harness)).toEqual(before);
    expect(await harness.client.call('getBackup', {})).toBeNull();
    await expect(harness.client.call('undoImport', {})).rejects.toMatchObject({ message: /no import to undo/ });
  });

  it('merges by ids: importing the same file twice adds nothing the second time', async () => {
    const harness = await engine();
    await withHistory(harness);
    const { bytes } = await harness.client.call('exportDatabase', {});
    const again = await harness.client.call('importDatabase', { bytes: bytes!, mode: 'merge' });
    expect(again).toMatchObject({ mode: 'merge', sessions: 0, events: 0 });
  });
});

describe('engine: conversation exports and delete everything', () => {
  it('exports JSON that imports into another Hearth and exports the same again', async () => {
    const source = await engine();
    await withHistory(source);
    const exported = await source.client.call('exportConversations', { format: 'json' });
    const target = await engine();
    await target.client.call('importConversations', { text: exported.text! });
    const reexported = await target.client.call('exportConversations', { format: 'json' });
    const content = (text: string) => ({ ...(JSON.parse(text) as object), exportedAt: undefined });
    expect(content(reexported.text!)).toEqual(content(exported.text!));
    expect(await state(target)).toEqual(await state(source));
  });

  it('exports one conversation as Markdown with its tool calls, and as CSV rows', async () => {
    const harness = await engine();
    const { first } = await withHistory(harness);
    const markdown = await harness.client.call('exportConversations', { sessionId: first.id, format: 'markdown' });
    expect(markdown.text).toMatch(/# My name is Ada/);
    expect(markdown.text).toMatch(/add_reminder/);
    expect(markdown.text).not.toMatch(/jasmine/);
    const csv = await harness.client.call('exportConversations', { format: 'csv' });
    expect(csv.text).toMatch(/jasmine tea/);
    expect(csv.fileName).toMatch(/\.csv$/);
  });

  it('deletes everything', async () => {
    const harness = await engine();
    await withHistory(harness);
    await harness.client.call('deleteEverything', {});
    expect(await state(harness)).toEqual({ memory: { reminders: [] }, conversations: [] });
    expect(await harness.client.call('searchMessages', { query: 'tea' })).toEqual([]);
  });
});
