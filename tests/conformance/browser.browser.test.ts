import { describe, expect, it } from 'vitest';
import { openSessionService } from '../../src/store';
import { describeDataConformance } from './data.suite';
import { describeSessionServiceConformance, type ConformanceTarget } from './session-service.suite';

const targets: ConformanceTarget[] = [
  { backend: 'sqlite-opfs', persistent: true, open: (name) => openSessionService({ backend: 'sqlite-opfs', name }) },
  { backend: 'indexeddb', persistent: true, open: (name) => openSessionService({ backend: 'indexeddb', name }) },
];

for (const target of targets) {
  describeSessionServiceConformance(target);
  describeDataConformance(target);
}

describe('opening in Chromium', () => {
  it("'auto' chooses SQLite on OPFS, with no notices", async () => {
    const service = await openSessionService({ backend: 'auto', name: `auto-${Date.now()}` });
    expect(service.backend).toBe('sqlite-opfs');
    expect(service.notices).toEqual([]);
    await service.close();
  });

  it('refuses a second connection to the same OPFS database, and auto does not fall back to IndexedDB', async () => {
    const name = `locked-${Date.now()}`;
    const first = await openSessionService({ backend: 'sqlite-opfs', name });
    try {
      await expect(openSessionService({ backend: 'sqlite-opfs', name })).rejects.toMatchObject({
        name: 'StorageUnavailableError',
        code: 'storage-in-use',
      });
      await expect(openSessionService({ backend: 'auto', name })).rejects.toMatchObject({ code: 'storage-in-use' });
    } finally {
      await first.close();
    }
    // Once the holder closes, the database opens again.
    const again = await openSessionService({ backend: 'sqlite-opfs', name });
    expect(again.backend).toBe('sqlite-opfs');
    await again.close();
  });
});
