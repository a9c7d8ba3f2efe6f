import { InvalidArgumentError } from '../../store/errors';
import { compareIds } from '../../store/event-order';
import { validateSnapshot } from '../../store/snapshot/validate-snapshot';
import type { Event, SnapshotEvent, SnapshotSession, StateMap, StoreSnapshot } from '../../store/types';
import { conversationTitle } from './conversation-title';
import { groupConversations } from './group-conversations';

/**
 * Hearth's conversations file, version 1: a UTF-8 JSON object, indented by two spaces.
 *
 *   { "format": "hearth-conversations", "version": 1, "exportedAt": "2026-11-21T14:05:00.000Z",
 *     "conversations": [ { appName, userId, id, title, createTime, updateTime, state, events: [Event…] } ],
 *     "userStates": [ { appName, userId, state, updateTime } ], "appStates": [ { appName, state, updateTime } ] }
 *
 * Times are milliseconds since the epoch, as stored (exportedAt alone is ISO 8601, for people).
 * Conversations come newest `updateTime` first, then by app, user and id; events by timestamp, then
 * id; user and app states by app, then user. Events are ADK events exactly as stored, unknown fields
 * included. `title` is for people reading the file: it repeats `state.title` (or "New chat") and is
 * ignored on import. A reader refuses another `format` and any `version` above its own.
 */
export const CONVERSATIONS_FORMAT = 'hearth-conversations';
export const CONVERSATIONS_VERSION = 1;

interface ConversationJson extends Omit<SnapshotSession, 'state'> {
  title: string;
  state: StateMap;
  events: Event[];
}

export function toConversationsJson(data: StoreSnapshot, exportedAt: number): string {
  const conversations = groupConversations(data).map(({ session, events }): ConversationJson => ({
    appName: session.appName,
    userId: session.userId,
    id: session.id,
    title: conversationTitle(session.state),
    createTime: session.createTime,
    updateTime: session.updateTime,
    state: session.state,
    events,
  }));
  const userStates = [...data.userStates].sort((a, b) => compareIds(a.appName, b.appName) || compareIds(a.userId, b.userId));
  const appStates = [...data.appStates].sort((a, b) => compareIds(a.appName, b.appName));
  const file = {
    format: CONVERSATIONS_FORMAT,
    version: CONVERSATIONS_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    conversations,
    userStates: userStates.map(({ appName, userId, state, updateTime }) => ({ appName, userId, state, updateTime })),
    appStates: appStates.map(({ appName, state, updateTime }) => ({ appName, state, updateTime })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads a conversations file back into a snapshot, or throws InvalidArgumentError saying what is wrong. */
export function parseConversationsJson(text: string): StoreSnapshot {
  const root = readJson(text);
  if (!isRecord(root) || root.format !== CONVERSATIONS_FORMAT) {
    fail('This file is not a Hearth conversations export (it has no "format": "hearth-conversations"). Choose a .json file exported from Hearth.');
  }
  const { version } = root;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) fail('This export has no valid "version"; it may be damaged.');
  if (version > CONVERSATIONS_VERSION) {
    fail(`This export was made by a newer Hearth (format version ${version}; this one reads up to ${CONVERSATIONS_VERSION}). Update Hearth (reload the page), then import it again.`);
  }
  if (!Array.isArray(root.conversations)) fail('This export is damaged: "conversations" must be a list.');

  const sessions: unknown[] = [];
  const events: SnapshotEvent[] = [];
  // Where each snapshot event came from, so errors name the place in the file.
  const places: string[] = [];
  root.conversations.forEach((item: unknown, c) => {
    if (!isRecord(item)) fail(`This export is damaged: conversations[${c}] must be an object.`);
    const { appName, userId, id, state, createTime, updateTime } = item;
    sessions.push({ appName, userId, id, state, createTime, updateTime });
    if (!Array.isArray(item.events)) fail(`This export is damaged: conversations[${c}].events must be a list.`);
    item.events.forEach((event: unknown, e) => {
      events.push({ appName, userId, sessionId: id, event } as SnapshotEvent);
      places.push(`conversations[${c}].events[${e}]`);
    });
  });

  try {
    return validateSnapshot({ sessions, events, appStates: root.appStates, userStates: root.userStates });
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    const message = error.message
      .replace(/^sessions\[(\d+)\]/, 'conversations[$1]')
      .replace(/^events\[(\d+)\](\.event)?/, (_, i: string) => places[Number(i)] ?? `events[${i}]`);
    throw new InvalidArgumentError(`This export is damaged: ${message}`, { cause: error });
  }
}

function readJson(text: string): unknown {
  try {
    // A byte order mark is what Notepad leaves when someone has looked inside the file.
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InvalidArgumentError('This file is not JSON, so it is not a Hearth conversations export. Choose a .json file exported from Hearth.', { cause: error });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function fail(message: string): never {
  throw new InvalidArgumentError(message);
}
