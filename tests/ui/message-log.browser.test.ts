// The conversation log in real Chromium with a scripted engine: a long conversation renders
// one page, loads older pages as the user scrolls up without moving what they read, and
// follows streamed text only while the user is at the bottom.
import { afterEach, describe, expect, test } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import MessageLog from '../../src/ui/chat/MessageLog.svelte';
import { Chat, PAGE_SIZE } from '../../src/ui/chat/chat.svelte';
import type { EngineClient } from '../../src/protocol/rpc-client';
import type { EngineEvent, Event } from '../../src/protocol/protocol';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function conversation(count: number): Event[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `e${String(i).padStart(5, '0')}`,
    invocationId: `i${i}`,
    author: i % 2 ? 'hearth' : 'user',
    timestamp: 1_700_000_000_000 + i * 1000,
    content: { role: i % 2 ? 'model' : 'user', parts: [{ text: `message number ${i}` }] },
    actions: { stateDelta: {} },
  }));
}

/** An engine that serves pages of a stored conversation and lets the test emit events. */
function scriptedEngine(events: Event[]) {
  const listeners = new Set<(event: EngineEvent) => void>();
  const calls: Array<{ method: string; params: unknown }> = [];
  const client = {
    ready: new Promise(() => undefined),
    onEvent(listener: (event: EngineEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fail() {},
    async call(method: string, params: { sessionId: string; limit: number; beforeId?: string }) {
      calls.push({ method, params });
      if (method !== 'openConversation') throw new Error(`unexpected call ${method}`);
      const end = params.beforeId ? events.findIndex((e) => e.id === params.beforeId) : events.length;
      const start = Math.max(0, end - params.limit);
      return { id: params.sessionId, title: 'Long', lastUpdateTime: 0, events: events.slice(start, end), hasOlder: start > 0 };
    },
  } as unknown as EngineClient;
  return { client, calls, emit: (event: EngineEvent) => listeners.forEach((l) => l(event)) };
}

async function renderLog(events: Event[]) {
  const engine = scriptedEngine(events);
  const chat = new Chat(engine.client);
  const host = document.createElement('div');
  host.style.cssText = 'display:flex;flex-direction:column;height:400px;width:600px';
  document.body.append(host);
  const component = mount(MessageLog, { target: host, props: { chat } });
  cleanups.push(() => {
    void unmount(component);
    host.remove();
  });
  await chat.open('s1');
  flushSync();
  const log = host.querySelector<HTMLElement>('[role="log"]')!;
  return { ...engine, chat, log };
}

const articles = (log: HTMLElement) => [...log.querySelectorAll('article')];
const atBottom = (log: HTMLElement) => log.scrollHeight - log.scrollTop - log.clientHeight < 2;
const frames = (n = 3) => new Promise<void>((resolve) => {
  const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
  step(n);
});

describe('message log', () => {
  test('renders one page of a 5,000-event conversation and starts at its end', async () => {
    const { log } = await renderLog(conversation(5000));
    await frames();
    expect(articles(log)).toHaveLength(PAGE_SIZE);
    expect(articles(log).at(-1)?.textContent).toContain('message number 4999');
    expect(atBottom(log)).toBe(true);
  });

  test('loads the previous page when scrolled to the top, keeping the reader in place', async () => {
    const { log, calls } = await renderLog(conversation(250));
    await frames();
    const first = articles(log)[0]!;
    log.scrollTop = 0;
    log.dispatchEvent(new Event('scroll'));
    await expect.poll(() => articles(log).length).toBe(2 * PAGE_SIZE);
    expect(calls.at(-1)).toMatchObject({ method: 'openConversation', params: { beforeId: 'e00150' } });
    // The message that was at the top is still in view, not pushed a page away.
    await frames();
    const offset = first.getBoundingClientRect().top - log.getBoundingClientRect().top;
    expect(offset).toBeGreaterThanOrEqual(-50);
    expect(offset).toBeLessThan(log.clientHeight);
    log.scrollTop = 0;
    log.dispatchEvent(new Event('scroll'));
    await expect.poll(() => articles(log).length).toBe(250);
    expect(log.textContent).not.toContain('Load earlier messages');
  });

  test('follows streamed text at the bottom, and stops following when the user scrolls up', async () => {
    const { log, emit } = await renderLog(conversation(40));
    await frames();
    emit({ type: 'turn-started', turnId: 't1', sessionId: 's1', invocationId: 'x', model: { kind: 'offline', label: 'test' } });
    for (let i = 0; i < 30; i++) emit({ type: 'text-delta', turnId: 't1', sessionId: 's1', text: `line ${i}\n\n` });
    await expect.poll(() => log.textContent).toContain('line 29');
    await frames();
    expect(atBottom(log)).toBe(true);

    log.scrollTop = 0;
    log.dispatchEvent(new Event('scroll'));
    for (let i = 30; i < 60; i++) emit({ type: 'text-delta', turnId: 't1', sessionId: 's1', text: `line ${i}\n\n` });
    await expect.poll(() => log.textContent).toContain('line 59');
    await frames();
    expect(log.scrollTop).toBe(0);
    expect(log.getAttribute('aria-busy')).toBe('true');
  });
});
