import type { BackupSlot } from './backup-slot';

/**
 * The backup as a file in the origin private file system, beside (not inside) the
 * SQLite pool directory. The time it was taken is in the file name, so reading the
 * info never opens the file.
 */
export function opfsBackupSlot(name: string, storage: StorageManager): BackupSlot {
  const prefix = `hearth-${name}-backup-`;
  const suffix = '.sqlite3';

  async function current(): Promise<{ handle: FileSystemFileHandle; createdAt: number } | undefined> {
    const root = await storage.getDirectory();
    let found: { handle: FileSystemFileHandle; createdAt: number } | undefined;
    for await (const handle of (root as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
      if (handle.kind !== 'file' || !handle.name.startsWith(prefix) || !handle.name.endsWith(suffix)) continue;
      const createdAt = Number(handle.name.slice(prefix.length, -suffix.length));
      if (Number.isFinite(createdAt) && (!found || createdAt > found.createdAt)) found = { handle: handle as FileSystemFileHandle, createdAt };
    }
    return found;
  }

  async function removeAll(except?: string): Promise<void> {
    const root = await storage.getDirectory();
    const names: string[] = [];
    for await (const handle of (root as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
      if (handle.name.startsWith(prefix) && handle.name !== except) names.push(handle.name);
    }
    for (const entry of names) await root.removeEntry(entry);
  }

  return {
    async save(bytes, createdAt) {
      const root = await storage.getDirectory();
      const fileName = `${prefix}${createdAt}${suffix}`;
      const handle = await root.getFileHandle(fileName, { create: true });
      await writeWhole(handle, bytes);
      // Only once the new backup is complete does the old one go.
      await removeAll(fileName);
    },
    async load() {
      const found = await current();
      if (!found) return undefined;
      const file = await found.handle.getFile();
      return { bytes: new Uint8Array(await file.arrayBuffer()), createdAt: found.createdAt };
    },
    async info() {
      const found = await current();
      if (!found) return null;
      return { createdAt: found.createdAt, bytes: (await found.handle.getFile()).size };
    },
    clear: () => removeAll(),
  };
}

/** createWritable replaces the file atomically on close; workers without it use a sync handle. */
async function writeWhole(handle: FileSystemFileHandle, bytes: Uint8Array): Promise<void> {
  if (typeof handle.createWritable === 'function') {
    const writable = await handle.createWritable();
    try {
      await writable.write(bytes as Uint8Array<ArrayBuffer>);
      await writable.close();
    } catch (error) {
      await writable.abort().catch(() => undefined);
      throw error;
    }
    return;
  }
  const access = await (handle as unknown as { createSyncAccessHandle(): Promise<FileSystemSyncAccessHandle> }).createSyncAccessHandle();
  try {
    access.truncate(0);
    access.write(bytes, { at: 0 });
    access.flush();
  } finally {
    access.close();
  }
}
