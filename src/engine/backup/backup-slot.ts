import type { BackupInfo } from '../../protocol/protocol';

/**
 * Where the data from before the last import is kept, as a database file, for "Undo
 * import". One slot: a new import replaces the previous backup.
 */
export interface BackupSlot {
  save(bytes: Uint8Array, createdAt: number): Promise<void>;
  load(): Promise<{ bytes: Uint8Array; createdAt: number } | undefined>;
  info(): Promise<BackupInfo | null>;
  clear(): Promise<void>;
}

/** For the memory back ends (tests): gone with the page, like the data it backs up. */
export function memoryBackupSlot(): BackupSlot {
  let kept: { bytes: Uint8Array; createdAt: number } | undefined;
  return {
    save: (bytes, createdAt) => {
      kept = { bytes: bytes.slice(), createdAt };
      return Promise.resolve();
    },
    load: () => Promise.resolve(kept && { bytes: kept.bytes.slice(), createdAt: kept.createdAt }),
    info: () => Promise.resolve(kept ? { createdAt: kept.createdAt, bytes: kept.bytes.length } : null),
    clear: () => {
      kept = undefined;
      return Promise.resolve();
    },
  };
}
