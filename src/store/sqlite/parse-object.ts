import type { SqlValue } from '@sqlite.org/sqlite-wasm';
import type { StateMap } from '../types';

/** A state column's JSON as an object; anything else (NULL, '', an array) reads as empty. */
export function parseObject(value: SqlValue | undefined): StateMap {
  if (typeof value !== 'string' || value === '') return {};
  const parsed: unknown = JSON.parse(value);
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as StateMap) : {};
}
