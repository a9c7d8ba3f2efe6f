import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../store/errors';
import type { StoreSnapshot } from '../../store/types';
import { parseConversationsJson, toConversationsJson } from './conversations-json';
import { sampleSnapshot } from './sample-snapshot';

const exportedAt = Date.UTC(2026, 10, 21, 14, 5);

/** The same rows in a canonical order, to compare snapshots "up to ordering". */
function canonical(data: StoreSnapshot): StoreSnapshot {
  const by = <T>(key: (row: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return {
    sessions: [...data.sessions].sort(by((s) => s.id)),
    events: [...data.events].sort(by((e) => `${e.sessionId}/${e.event.id}`)),
    appStates: [...data.appStates].sort(by((a) => a.appName)),
    userStates: [...data.userStates].sort(by((u) => `${u.appName}/${u.userId}`)),
  };
}

function errorOf(run: () => unknown): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return error as InvalidArgumentError;
  }
  throw new Error('expected it to throw');
}

describe('conversations JSON', () => {
  it('writes a versioned, readable file with conversations newest first and events in order', () => {
    const text = toConversationsJson(sampleSnapshot(), exportedAt);
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'hearth-conversations', version: 1, exportedAt: '2026-11-21T14:05:00.000Z' });
    expect(file.conversations.map((c: { id: string; title: string }) => [c.id, c.title])).toEqual([['s-new', 'Groceries'], ['s-old', 'New chat']]);
    expect(file.conversations[0].events.map((e: { id: string }) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(Object.keys(file.conversations[0])).toEqual(['appName', 'userId', 'id', 'title', 'createTime', 'updateTime', 'state', 'events']);
    expect(text).toMatch(/^\{\n {2}"format": "hearth-conversations",\n/);
    expect(text).toContain('🍞');
  });

  it('round-trips exactly: unknown fields, nested args, unicode, tool calls and null state values', () => {
    const data = sampleSnapshot();
    const text = toConversationsJson(data, exportedAt);
    const parsed = parseConversationsJson(text);
    expect(canonical(parsed)).toStrictEqual(canonical(data));
    expect(toConversationsJson(parsed, exportedAt)).toBe(text);
    const e2 = parsed.events.find((e) => e.event.id === 'e2')?.event;
    expect(e2?.usageMetadata).toEqual({ promptTokenCount: 12, nested: { deep: [1, null, 'x'] } });
  });

  it('round-trips an empty store', () => {
    const empty: StoreSnapshot = { sessions: [], events: [], appStates: [], userStates: [] };
    expect(parseConversationsJson(toConversationsJson(empty, exportedAt))).toEqual(empty);
  });

  it('reads a file that an editor saved with a byte order mark', () => {
    const text = toConversationsJson(sampleSnapshot(), exportedAt);
    expect(parseConversationsJson(`\uFEFF${text}`).sessions).toHaveLength(2);
  });

  it('refuses what is not JSON, not a Hearth export, or from a newer Hearth', () => {
    expect(errorOf(() => parseConversationsJson('hello')).message).toMatch(/not JSON/);
    expect(errorOf(() => parseConversationsJson('[]')).message).toMatch(/not a Hearth conversations export/);
    expect(errorOf(() => parseConversationsJson('{"format":"other","version":1}')).message).toMatch(/not a Hearth conversations export/);
    expect(errorOf(() => parseConversationsJson('{"format":"hearth-conversations"}')).message).toMatch(/no valid "version"/);
    const newer = errorOf(() => parseConversationsJson('{"format":"hearth-conversations","version":2,"conversations":"later"}'));
    expect(newer.message).toMatch(/made by a newer Hearth.*Update Hearth/);
    expect(newer.code).toBe('invalid-argument');
  });

  it('names the bad field by its place in the file', () => {
    const file = JSON.parse(toConversationsJson(sampleSnapshot(), exportedAt));
    const broken = (change: (f: typeof file) => void) => {
      const copy = structuredClone(file);
      change(copy);
      return errorOf(() => parseConversationsJson(JSON.stringify(copy))).message;
    };
    expect(broken((f) => (f.conversations = {}))).toMatch(/"conversations" must be a list/);
    expect(broken((f) => (f.conversations[1] = 'x'))).toMatch(/conversations\[1\] must be an object/);
    expect(broken((f) => delete f.conversations[1].events)).toMatch(/conversations\[1\]\.events must be a list/);
    expect(broken((f) => (f.conversations[1].createTime = '2026'))).toMatch(/conversations\[1\]\.createTime must be a time/);
    expect(broken((f) => (f.conversations[0].events[3].timestamp = null))).toMatch(/conversations\[0\]\.events\[3\]\.timestamp must be a time/);
    expect(broken((f) => (f.conversations[0].events[4].id = 'e1'))).toMatch(/conversations\[0\]\.events\[4\] repeats the id/);
    expect(broken((f) => (f.conversations[1].id = f.conversations[0].id))).toMatch(/conversations\[1\] repeats the id/);
    expect(broken((f) => delete f.userStates)).toMatch(/userStates must be a list/);
    expect(broken((f) => (f.appStates[0].state = []))).toMatch(/appStates\[0\]\.state must be an object/);
  });

  it('refuses to write an event whose conversation is missing, rather than drop it', () => {
    const data = sampleSnapshot();
    data.sessions = data.sessions.filter((s) => s.id !== 's-old');
    expect(errorOf(() => toConversationsJson(data, exportedAt)).message).toMatch(/"f1".*"s-old"/);
  });
});
