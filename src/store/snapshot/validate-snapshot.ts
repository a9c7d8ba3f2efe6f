import { InvalidArgumentError } from '../errors';
import type { StoreSnapshot } from '../types';

/**
 * Checks that a value (a parsed JSON export, a decoded database file) has the shape of
 * a StoreSnapshot, so an import can never half-write or store a malformed event. Throws
 * InvalidArgumentError naming the first bad field.
 */
export function validateSnapshot(value: unknown): StoreSnapshot {
  const root = record(value, 'The data');
  const sessions = list(root.sessions, 'sessions');
  const events = list(root.events, 'events');
  const appStates = list(root.appStates, 'appStates');
  const userStates = list(root.userStates, 'userStates');

  const sessionKeys = new Set<string>();
  sessions.forEach((item, i) => {
    const at = `sessions[${i}]`;
    const row = record(item, at);
    const key = JSON.stringify([name(row.appName, `${at}.appName`), name(row.userId, `${at}.userId`), name(row.id, `${at}.id`)]);
    record(row.state, `${at}.state`);
    time(row.createTime, `${at}.createTime`);
    time(row.updateTime, `${at}.updateTime`);
    if (sessionKeys.has(key)) fail(`${at} repeats the id of an earlier session.`);
    sessionKeys.add(key);
  });

  const eventKeys = new Set<string>();
  events.forEach((item, i) => {
    const at = `events[${i}]`;
    const row = record(item, at);
    const sessionKey = JSON.stringify([name(row.appName, `${at}.appName`), name(row.userId, `${at}.userId`), name(row.sessionId, `${at}.sessionId`)]);
    if (!sessionKeys.has(sessionKey)) fail(`${at} belongs to a session that is not in the data.`);
    const event = record(row.event, `${at}.event`);
    const id = name(event.id, `${at}.event.id`);
    if (typeof event.invocationId !== 'string') fail(`${at}.event.invocationId must be text.`);
    if (typeof event.author !== 'string') fail(`${at}.event.author must be text.`);
    time(event.timestamp, `${at}.event.timestamp`);
    record(record(event.actions, `${at}.event.actions`).stateDelta, `${at}.event.actions.stateDelta`);
    if (event.content !== undefined) record(event.content, `${at}.event.content`);
    if (event.partial === true) fail(`${at}.event is a partial (streaming) event, which is never stored.`);
    const key = `${sessionKey}${JSON.stringify(id)}`;
    if (eventKeys.has(key)) fail(`${at} repeats the id of an earlier event in its session.`);
    eventKeys.add(key);
  });

  const appNames = new Set<string>();
  appStates.forEach((item, i) => {
    const at = `appStates[${i}]`;
    const row = record(item, at);
    const app = name(row.appName, `${at}.appName`);
    record(row.state, `${at}.state`);
    time(row.updateTime, `${at}.updateTime`);
    if (appNames.has(app)) fail(`${at} repeats an app.`);
    appNames.add(app);
  });

  const users = new Set<string>();
  userStates.forEach((item, i) => {
    const at = `userStates[${i}]`;
    const row = record(item, at);
    const key = JSON.stringify([name(row.appName, `${at}.appName`), name(row.userId, `${at}.userId`)]);
    record(row.state, `${at}.state`);
    time(row.updateTime, `${at}.updateTime`);
    if (users.has(key)) fail(`${at} repeats a user.`);
    users.add(key);
  });

  return value as StoreSnapshot;
}

function fail(message: string): never {
  throw new InvalidArgumentError(message);
}

function record(value: unknown, at: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(`${at} must be an object.`);
  return value as Record<string, unknown>;
}

function list(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) fail(`${at} must be a list.`);
  return value;
}

function name(value: unknown, at: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(`${at} must be non-empty text.`);
  return value;
}

function time(value: unknown, at: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${at} must be a time in milliseconds.`);
  return value;
}
