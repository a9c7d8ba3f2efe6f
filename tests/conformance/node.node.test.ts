import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openSessionService } from '../../src/store';
import { describeDataConformance } from './data.suite';
import { describeSessionServiceConformance, type ConformanceTarget } from './session-service.suite';

// One fake IndexedDB for the file, so a reopen by name finds the same data.
const indexedDB = new IDBFactory();

const targets: ConformanceTarget[] = [
  { backend: 'memory', persistent: false, open: (name) => openSessionService({ backend: 'memory', name }) },
  { backend: 'sqlite-memory', persistent: false, open: (name) => openSessionService({ backend: 'sqlite-memory', name }) },
  { backend: 'indexeddb', persistent: true, open: (name) => openSessionService({ backend: 'indexeddb', name, indexedDB, IDBKeyRange }) },
];

for (const target of targets) {
  describeSessionServiceConformance(target);
  describeDataConformance(target);
}

describe("openSessionService 'auto' in Node", () => {
  it('falls back to IndexedDB when OPFS is missing, and says so', async () => {
    const service = await openSessionService({ backend: 'auto', name: 'auto-node', indexedDB, IDBKeyRange });
    expect(service.backend).toBe('indexeddb');
    expect(service.notices.join(' ')).toMatch(/OPFS/);
    await service.close();
  });

  it('rejects with StorageUnavailableError when neither works, never using memory silently', async () => {
    await expect(openSessionService({ backend: 'auto', name: 'auto-none' })).rejects.toMatchObject({
      name: 'StorageUnavailableError',
      code: 'storage-unavailable',
    });
  });

  it('rejects a store name that could escape its directory', async () => {
    await expect(openSessionService({ backend: 'memory', name: '../etc' })).rejects.toMatchObject({ name: 'InvalidArgumentError' });
  });
});
