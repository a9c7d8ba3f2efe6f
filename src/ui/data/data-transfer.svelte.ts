import { toErrorData } from '../../protocol/engine-error';
import { MAX_DATABASE_FILE_BYTES, type BackupInfo, type ExportFormat, type ExportedFile, type ImportMode } from '../../protocol/protocol';
import type { EngineClient } from '../../protocol/rpc-client';
import { formatBytes } from '../storage/format-bytes';
import { importFailure, importSummary, oversizeMessage, type Activity } from './data-messages';
import { readFileBytes } from './read-file';
import { saveFile } from './save-file';

/** Whole-database work can take minutes on a large history; the usual 30 s would give up too early. */
const LONG_CALL = { timeoutMs: 10 * 60_000 };

/**
 * Moving data in and out: database file download and upload (with Undo), conversation
 * exports and JSON imports, and deleting everything. One thing runs at a time; what runs
 * is `activity`, how it ended is `outcome` (for role="status") or `problem` (role="alert").
 */
export class DataTransfer {
  activity = $state.raw<Activity | null>(null);
  outcome = $state<string | null>(null);
  problem = $state<string | null>(null);
  /** The data kept from before the last import, which "Undo import" restores. */
  backup = $state.raw<BackupInfo | null>(null);

  readonly #engine: EngineClient;

  constructor(engine: EngineClient) {
    this.#engine = engine;
    engine.onEvent((event) => {
      if (event.type === 'import-progress' && this.activity?.kind === 'importing') {
        this.activity = { kind: 'importing', phase: event.phase, done: event.done, total: event.total };
      }
    });
  }

  get busy(): boolean {
    return this.activity !== null;
  }

  /** Whether an import backup exists (asked when the dialog opens). */
  async loadBackup(): Promise<void> {
    try {
      this.backup = await this.#engine.call('getBackup', {});
    } catch {
      // Only Undo depends on it; an import reports again whether undo is available.
      this.backup = null;
    }
  }

  downloadDatabase(): Promise<boolean> {
    return this.#run({ kind: 'working', text: 'Preparing the database file…' }, async () => {
      const file = await this.#engine.call('exportDatabase', {}, LONG_CALL);
      return this.#save(file);
    });
  }

  async importDatabase(file: File, mode: ImportMode): Promise<boolean> {
    if (this.busy) return false;
    if (file.size > MAX_DATABASE_FILE_BYTES) {
      // Refused before reading: a file this large would not fit the checks in memory.
      this.outcome = null;
      this.problem = oversizeMessage(file, MAX_DATABASE_FILE_BYTES);
      return false;
    }
    return this.#run(
      { kind: 'reading', fraction: 0 },
      async () => {
        let shown = -1;
        const bytes = await readFileBytes(file, (fraction) => {
          // Whole percents only: the status region is read aloud.
          const percent = Math.floor(fraction * 100);
          if (percent !== shown) this.activity = { kind: 'reading', fraction: (shown = percent) / 100 };
        });
        this.activity = { kind: 'importing', phase: 'checking' };
        const report = await this.#engine.call('importDatabase', { bytes, mode }, { ...LONG_CALL, transfer: [bytes.buffer] });
        await this.loadBackup();
        return importSummary(report);
      },
      importFailure,
    );
  }

  undoImport(): Promise<boolean> {
    return this.#run({ kind: 'working', text: 'Restoring the data from before the import…' }, async () => {
      await this.#engine.call('undoImport', {}, LONG_CALL);
      this.backup = null;
      return 'Restored the data from before the import.';
    });
  }

  exportConversations(format: ExportFormat, sessionId?: string): Promise<boolean> {
    return this.#run({ kind: 'working', text: 'Preparing the export…' }, async () => {
      const file = await this.#engine.call('exportConversations', { format, ...(sessionId ? { sessionId } : {}) }, LONG_CALL);
      return this.#save(file);
    });
  }

  importConversations(file: File): Promise<boolean> {
    return this.#run(
      { kind: 'working', text: `Importing “${file.name}”…` },
      async () => {
        // A JSON import only adds, and keeps no backup: the Undo offer stays as it was.
        const report = await this.#engine.call('importConversations', { text: await file.text() }, LONG_CALL);
        return importSummary(report);
      },
      importFailure,
    );
  }

  deleteEverything(): Promise<boolean> {
    return this.#run({ kind: 'working', text: 'Deleting everything…' }, async () => {
      await this.#engine.call('deleteEverything', {}, LONG_CALL);
      this.backup = null;
      return 'Everything was deleted.';
    });
  }

  #save(file: ExportedFile): string {
    if (file.bytes) {
      // Structured clone gives the worker's bytes a buffer of their own, never a shared one.
      saveFile({ fileName: file.fileName, mimeType: file.mimeType, data: file.bytes as Uint8Array<ArrayBuffer> });
      return `Downloaded ${file.fileName} (${formatBytes(file.bytes.byteLength)}).`;
    }
    saveFile({ fileName: file.fileName, mimeType: file.mimeType, data: file.text ?? '' });
    return `Downloaded ${file.fileName}.`;
  }

  /** Runs one job: shows `start` meanwhile, then its result as `outcome` or its error as `problem`. */
  async #run(start: Activity, job: () => Promise<string>, failure: (message: string) => string = (m) => m): Promise<boolean> {
    if (this.busy) return false;
    this.activity = start;
    this.outcome = null;
    this.problem = null;
    try {
      this.outcome = await job();
      return true;
    } catch (error) {
      this.problem = failure(toErrorData(error).message);
      return false;
    } finally {
      this.activity = null;
    }
  }
}
