/// <reference lib="webworker" />
// The engine's worker entry: a composition root that only wires platform pieces.
import { DEFAULT_STORE_NAME, openSessionService } from '../store';
import { memoryBackupSlot } from './backup/backup-slot';
import { idbBackupSlot } from './backup/idb-backup-slot';
import { opfsBackupSlot } from './backup/opfs-backup-slot';
import { createEngine } from './engine';

const scope = self as unknown as DedicatedWorkerGlobalScope;

void createEngine({
  endpoint: scope,
  openStore: () => openSessionService({ backend: 'auto' }),
  // The backup for "Undo import" lives where the data does.
  openBackups: (backend) =>
    backend === 'sqlite-opfs'
      ? opfsBackupSlot(DEFAULT_STORE_NAME, scope.navigator.storage)
      : backend === 'indexeddb'
        ? idbBackupSlot(DEFAULT_STORE_NAME, scope.indexedDB)
        : memoryBackupSlot(),
  locks: scope.navigator.locks,
  channel: new BroadcastChannel('hearth:tabs'),
  isOnline: () => scope.navigator.onLine,
}).ready;
