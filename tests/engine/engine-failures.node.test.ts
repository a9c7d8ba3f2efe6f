// Every failure path of a turn: what the user sees, and that nothing they typed is lost.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openSessionService } from '../../src/store';
import { startEngine, type EngineHarness } from '../support/engine-harness';
import { fakeOpenAi, type Step } from '../support/fake-openai';

const started: EngineHarness[] = [];
afterEach(() => {
  for (const engine of started.splice(0)) engine.close();
});

/** An engine on a fresh database, configured for the scripted remote model, with one conversation. */
async function remoteEngine(script: Step[], options: { online?: boolean } = {}) {
  const fake = fakeOpenAi(script);
  const engine = await startEngine(
    () => openSessionService({ backend: 'indexeddb', name: 'failures', indexedDB: new IDBFactory(), IDBKeyRange }),
    { fetch: fake.fetch, isOnline: () => options.online ?? true },
  );
  started.push(engine);
  await engine.client.call('configureModel', { kind: 'openai-compatible', baseURL: 'https://llm.invalid/v1', apiKey: 'sk-secret-123', model: 'gpt-test' });
  const chat = await engine.client.call('createConversation', {});
  return { engine, fake, chat };
}

async function turn(script: Step[], text = 'Remind me to buy milk', options: { online?: boolean } = {}) {
  const { engine, fake, chat } = await remoteEngine(script, options);
  const { turnId } = await engine.client.call('sendMessage', { sessionId: chat.id, text });
  const finished = await engine.finished(turnId);
  const conversation = await engine.client.call('openConversation', { sessionId: chat.id });
  return { engine, fake, finished, conversation, chat };
}

describe('engine: model failures', () => {
  it.each([
    [401, 'auth', /API key was refused/i],
    [403, 'auth', /API key was refused/i],
    [404, 'unknown-model', /gpt-test/],
    [500, 'server', /500/],
  ])('HTTP %i → %s, the user message kept', async (status, code, message) => {
    const { finished, conversation } = await turn([{ status }]);
    expect(finished.status).toBe('failed');
    expect(finished.error).toMatchObject({ name: 'ModelError', code });
    expect(finished.error?.message).toMatch(message);
    expect(finished.error?.message).not.toContain('sk-secret-123');
    expect(conversation.events.map((e) => e.content?.parts?.[0]?.text)).toEqual(['Remind me to buy milk']);
  });

  it('marks a server error retryable, and a retry without new text answers the same message', async () => {
    const { engine, finished, chat, fake } = await turn([{ status: 503 }, { text: ['Done now.'] }]);
    expect(finished.error?.retryable).toBe(true);
    const { turnId } = await engine.client.call('sendMessage', { sessionId: chat.id });
    expect((await engine.finished(turnId)).status).toBe('done');
    const texts = (await engine.client.call('openConversation', { sessionId: chat.id })).events.map((e) => e.content?.parts?.[0]?.text);
    expect(texts).toEqual(['Remind me to buy milk', 'Done now.']);
    expect((fake.requests[1]?.body.messages as unknown[]).length).toBe(2);
  });

  it('honours Retry-After once on 429, then succeeds', async () => {
    const { finished } = await turn([{ status: 429, headers: { 'retry-after': '0' } }, { text: ['OK'] }]);
    expect(finished.status).toBe('done');
  });

  it('says so when 429 persists', async () => {
    const { finished } = await turn([
      { status: 429, headers: { 'retry-after': '0' } },
      { status: 429, headers: { 'retry-after': '0' } },
    ]);
    expect(finished.error).toMatchObject({ code: 'rate-limited' });
  });

  it('explains CORS and offers the built-in assistant when the endpoint cannot be reached', async () => {
    const { finished, conversation } = await turn([{ networkError: true }]);
    expect(finished.error).toMatchObject({ code: 'network', offerOffline: true, retryable: true });
    expect(finished.error?.message).toMatch(/OLLAMA_ORIGINS/);
    expect(conversation.events).toHaveLength(1);
  });

  it('uses the built-in assistant when the browser is offline, and says which model answered', async () => {
    const { engine, fake, conversation } = await turn([], 'remind me to buy milk', { online: false });
    expect(fake.requests).toHaveLength(0);
    const started = engine.events.find((e) => e.type === 'turn-started');
    expect(started?.type === 'turn-started' && started.model.kind).toBe('offline');
    expect((await engine.client.call('getMemory', {})).reminders.map((r) => r.text)).toEqual(['buy milk']);
    expect(conversation.events.length).toBeGreaterThanOrEqual(4);
  });
});

describe('engine: Stop', () => {
  it('mid-stream: aborts the request and keeps the partial text, marked interrupted', async () => {
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const script: Step[] = [{ text: ['Here is a long ', 'answer'], hold }];
    const { engine, chat } = await remoteEngine(script);
    const { turnId } = await engine.client.call('sendMessage', { sessionId: chat.id, text: 'tell me a story' });
    await expect.poll(() => engine.events.filter((e) => e.type === 'text-delta').length).toBe(2);
    await engine.client.call('cancelTurn', { turnId });
    expect((await engine.finished(turnId)).status).toBe('cancelled');
    release();
    const events = (await engine.client.call('openConversation', { sessionId: chat.id })).events;
    expect(events.at(-1)).toMatchObject({ author: 'hearth', interrupted: true, content: { parts: [{ text: 'Here is a long answer' }] } });
  });

  it('mid-tool-round: no tool runs and no half round is stored', async () => {
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const script: Step[] = [{ toolCalls: [{ name: 'add_reminder', arguments: '{"reminder":"x"}' }], hold }];
    const { engine, chat, fake } = await remoteEngine(script);
    const { turnId } = await engine.client.call('sendMessage', { sessionId: chat.id, text: 'add x' });
    await expect.poll(() => fake.requests.length).toBe(1);
    await engine.client.call('cancelTurn', { turnId });
    release();
    expect((await engine.finished(turnId)).status).toBe('cancelled');
    const events = (await engine.client.call('openConversation', { sessionId: chat.id })).events;
    expect(events.map((e) => e.author)).toEqual(['user']);
    expect((await engine.client.call('getMemory', {})).reminders).toEqual([]);
  });
});
