import { localDate } from './local-time';

export type ConversationsFormat = 'json' | 'markdown' | 'csv';

export const MIME_TYPES = {
  json: 'application/json',
  markdown: 'text/markdown;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  database: 'application/vnd.sqlite3',
} as const satisfies Record<ConversationsFormat | 'database', string>;

const EXTENSIONS: Record<ConversationsFormat, string> = { json: 'json', markdown: 'md', csv: 'csv' };

/** `hearth-2026-11-21.sqlite3`, dated in the user's own zone: the day they will look for. */
export function databaseFileName(now: number): string {
  return `hearth-${localDate(now)}.sqlite3`;
}

/** `hearth-conversations-2026-11-21.json` for everything; `hearth-<title>-2026-11-21.md` for one conversation. */
export function conversationsFileName(format: ConversationsFormat, now: number, title?: string): string {
  const name = title === undefined ? 'conversations' : slug(title);
  return `hearth-${name}-${localDate(now)}.${EXTENSIONS[format]}`;
}

const MAX_SLUG = 40;

// Letters that have no decomposition into a base letter and an accent.
const FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' };

/** Plain ASCII, so the name survives every file system, zip tool and mail client. */
function slug(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (letter) => FOLDS[letter] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= MAX_SLUG) return ascii || 'conversation';
  // Cut at a word boundary when one is near, so the name does not end mid-word.
  const cut = ascii.slice(0, MAX_SLUG + 1);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen >= MAX_SLUG / 2 ? cut.slice(0, hyphen) : cut.slice(0, MAX_SLUG)).replace(/-+$/, '');
}
