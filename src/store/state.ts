import type { StateMap } from './types';

/** ADK's state key prefixes (google.adk.sessions.State). */
export const APP_PREFIX = 'app:';
export const USER_PREFIX = 'user:';
export const TEMP_PREFIX = 'temp:';

export interface ScopedDelta {
  app: StateMap;
  user: StateMap;
  session: StateMap;
}

/**
 * Splits a state delta into its persisted scopes, with prefixes removed from app and
 * user keys. `temp:` keys are dropped: they never reach storage.
 */
export function splitDelta(delta: StateMap): ScopedDelta {
  const scoped: ScopedDelta = { app: {}, user: {}, session: {} };
  for (const [key, value] of Object.entries(delta)) {
    if (key.startsWith(APP_PREFIX)) scoped.app[key.slice(APP_PREFIX.length)] = value;
    else if (key.startsWith(USER_PREFIX)) scoped.user[key.slice(USER_PREFIX.length)] = value;
    else if (!key.startsWith(TEMP_PREFIX)) scoped.session[key] = value;
  }
  return scoped;
}

/** The delta without its `temp:` keys, i.e. what is stored with the event. */
export function withoutTemp(delta: StateMap): StateMap {
  const kept: StateMap = {};
  for (const [key, value] of Object.entries(delta)) {
    if (!key.startsWith(TEMP_PREFIX)) kept[key] = value;
  }
  return kept;
}

/** Merges the three stored scopes back into one map, prefixes restored (ADK's `_merge_state`). */
export function mergeState(app: StateMap, user: StateMap, session: StateMap): StateMap {
  const merged: StateMap = { ...session };
  for (const [key, value] of Object.entries(app)) merged[APP_PREFIX + key] = value;
  for (const [key, value] of Object.entries(user)) merged[USER_PREFIX + key] = value;
  return merged;
}

/** A top-level replace: every key of the delta replaces the old value; `null` is stored, not deleted. */
export function applyDelta(state: StateMap, delta: StateMap): StateMap {
  return { ...state, ...delta };
}

export function isEmpty(map: StateMap): boolean {
  for (const _key in map) return false;
  return true;
}
