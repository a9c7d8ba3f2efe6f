import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { idbBackupSlot } from './idb-backup-slot';

describe('the IndexedDB backup slot (Undo import where there is no OPFS)', () => {
  it('keeps one backup, replaced by the next, until cleared', async () => {
    const slot = idbBackupSlot('test', new IDBFactory());
    expect(await slot.load()).toBeUndefined();
    expect(await slot.info()).toBeNull();
    await slot.save(new Uint8Array([1, 2, 3]), 1000);
    await slot.save(new Uint8Array([4, 5]), 2000);
    expect(await slot.info()).toEqual({ createdAt: 2000, bytes: 2 });
    const kept = await slot.load();
    expect(kept?.createdAt).toBe(2000);
    expect([...(kept?.bytes ?? [])]).toEqual([4, 5]);
    await slot.clear();
    expect(await slot.load()).toBeUndefined();
  });
});
