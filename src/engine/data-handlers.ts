import { readReminders } from '../agent/tools/reminder-tools';
import { MAX_DATABASE_FILE_BYTES, type EngineEvent, type ImportReport } from '../protocol/protocol';
import type { Handlers } from '../protocol/rpc-server';
import { InvalidArgumentError, emptySnapshot, readHearthFile, type SessionService, type StoreSnapshot } from '../store';
import type { BackupSlot } from './backup/backup-slot';
import { APP_NAME, USER_ID, listConversations } from './conversations';
import { toCsv } from './exports/conversations-csv';
import { parseConversationsJson, toConversationsJson } from './exports/conversations-json';
import { toMarkdown } from './exports/conversations-markdown';
import { MIME_TYPES, conversationsFileName, databaseFileName } from './exports/export-file-names';
import { selectConversation } from './exports/select-conversation';

type DataMethods =
  | 'searchMessages'
  | 'getStats'
  | 'exportDatabase'
  | 'importDatabase'
  | 'undoImport'
  | 'getBackup'
  | 'exportConversations'
  | 'importConversations'
  | 'deleteEverything';

export interface DataContext {
  store(): SessionService;
  backups(): BackupSlot;
  emit(event: EngineEvent): void;
  now(): number;
  /** Stops running replies before the whole store changes under them. */
  stopTurns(): Promise<void>;
  /** After the whole store changed: drop cached sessions and tell the UI. */
  replaced(): Promise<void>;
}

/** "Your data": search, stats, the database file, exports and imports, delete everything. */
export function createDataHandlers(ctx: DataContext): Pick<Handlers, DataMethods> {
  const scope = { appName: APP_NAME, userId: USER_ID };

  /** This user's part of the store: what Hearth shows, and so what it exports. */
  async function ownSnapshot(): Promise<StoreSnapshot> {
    const all = await ctx.store().exportSnapshot();
    const mine = (row: { appName: string; userId?: string }) => row.appName === APP_NAME && (row.userId === undefined || row.userId === USER_ID);
    return {
      sessions: all.sessions.filter(mine),
      events: all.events.filter(mine),
      appStates: all.appStates.filter(mine),
      userStates: all.userStates.filter(mine),
    };
  }

  /** Keeps what is stored now as a database file, then writes `snapshot` in one transaction. */
  async function swapIn(snapshot: StoreSnapshot, mode: 'replace' | 'merge'): Promise<ImportReport> {
    const store = ctx.store();
    await ctx.stopTurns();
    ctx.emit({ type: 'import-progress', phase: 'saving-backup' });
    await ctx.backups().save(await store.exportDatabaseFile(), ctx.now());
    ctx.emit({ type: 'import-progress', phase: 'writing', done: 0, total: snapshot.events.length });
    const summary = await store.importSnapshot(snapshot, mode);
    ctx.emit({ type: 'import-progress', phase: 'done', done: snapshot.events.length, total: snapshot.events.length });
    await ctx.replaced();
    return { mode, ...summary, undoAvailable: true };
  }

  return {
    async searchMessages({ query, from, to, limit }) {
      const store = ctx.store();
      const hits = await store.searchMessages({ ...scope, query, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), ...(limit !== undefined ? { limit } : {}) });
      if (hits.length === 0) return [];
      const titles = new Map((await listConversations(store)).map((c) => [c.id, c.title]));
      return hits.map((hit) => ({ ...hit, title: titles.get(hit.sessionId) ?? '' }));
    },

    async getStats({ boundaries }) {
      const store = ctx.store();
      const stats = await store.messageStats({ ...scope, boundaries });
      const user = await store.getUserState(scope);
      return {
        conversations: stats.sessions,
        messages: stats.messages,
        reminders: readReminders(user.reminders).length,
        perInterval: stats.perInterval,
        ...(stats.bytes !== undefined ? { databaseBytes: stats.bytes } : {}),
      };
    },

    async exportDatabase() {
      const bytes = await ctx.store().exportDatabaseFile();
      return { fileName: databaseFileName(ctx.now()), mimeType: MIME_TYPES.database, bytes };
    },

    async importDatabase({ bytes, mode }) {
      if (!(bytes instanceof Uint8Array)) throw new InvalidArgumentError('The database file did not arrive as bytes.');
      ctx.emit({ type: 'import-progress', phase: 'checking' });
      // Checked completely before anything is touched: a bad file changes nothing.
      const snapshot = await readHearthFile(bytes, { maxBytes: MAX_DATABASE_FILE_BYTES });
      return swapIn(snapshot, mode);
    },

    async undoImport() {
      const kept = await ctx.backups().load();
      if (!kept) throw new InvalidArgumentError('There is no import to undo.');
      const snapshot = await readHearthFile(kept.bytes, { maxBytes: Number.MAX_SAFE_INTEGER });
      await ctx.stopTurns();
      const summary = await ctx.store().importSnapshot(snapshot, 'replace');
      await ctx.backups().clear();
      await ctx.replaced();
      return summary;
    },

    getBackup: () => ctx.backups().info(),

    async exportConversations({ sessionId, format }) {
      const own = await ownSnapshot();
      const data = sessionId === undefined ? own : selectConversation(own, APP_NAME, USER_ID, sessionId);
      if (sessionId !== undefined && data.sessions.length === 0) throw new InvalidArgumentError('This conversation no longer exists.');
      const title = sessionId === undefined ? undefined : String(data.sessions[0]?.state.title ?? '');
      const now = ctx.now();
      const text = format === 'json' ? toConversationsJson(data, now) : format === 'markdown' ? toMarkdown(data, { now }) : toCsv(data, {});
      return { fileName: conversationsFileName(format, now, title), mimeType: MIME_TYPES[format], text };
    },

    async importConversations({ text }) {
      const snapshot = parseConversationsJson(text);
      const summary = await ctx.store().importSnapshot(snapshot, 'merge');
      await ctx.replaced();
      return { mode: 'merge', ...summary, undoAvailable: false };
    },

    async deleteEverything() {
      await ctx.stopTurns();
      await ctx.store().importSnapshot(emptySnapshot(), 'replace');
      await ctx.backups().clear();
      await ctx.replaced();
    },
  };
}
