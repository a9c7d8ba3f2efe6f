import { describe, expect, it } from 'vitest';
import {
  AlreadyExistsError,
  SchemaVersionError,
  StaleSessionError,
  StorageUnavailableError,
  fromStoreErrorData,
  toStoreErrorData,
} from './errors';

describe('store errors across postMessage', () => {
  it('serialise to plain data and revive as the same class', () => {
    for (const original of [
      new AlreadyExistsError('taken'),
      new StaleSessionError('stale'),
      new StorageUnavailableError('in use', { code: 'storage-in-use' }),
      new SchemaVersionError(9, 1),
    ]) {
      const data = structuredClone(toStoreErrorData(original));
      const revived = fromStoreErrorData(data);
      expect(revived).toBeInstanceOf(original.constructor);
      expect(revived).toMatchObject({ name: original.name, code: original.code, message: original.message });
    }
  });

  it('turns an unknown throw into an internal error with its message', () => {
    expect(toStoreErrorData(new TypeError('boom'))).toEqual({ name: 'StoreError', code: 'internal', message: 'boom' });
    expect(toStoreErrorData('plain')).toEqual({ name: 'StoreError', code: 'internal', message: 'plain' });
  });
});
