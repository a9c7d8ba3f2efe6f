import { messageText } from '../../store/search/message-text';
import type { StoreSnapshot } from '../../store/types';
import { conversationTitle } from './conversation-title';
import { groupConversations } from './group-conversations';

export interface CsvOptions {
  /**
   * Accepted so every exporter takes the same options, and not used: CSV times are UTC
   * (ISO 8601), so they sort and parse alike in any spreadsheet, wherever it is opened.
   */
  timeZone?: string;
}

const HEADER = ['conversation_id', 'conversation_title', 'message_id', 'time', 'author', 'role', 'text'];

/**
 * One row per message (an event with text; tool calls and results are not messages),
 * conversations newest first, messages in order. RFC 4180 with CRLF line ends, and a byte
 * order mark so Excel reads the file as UTF-8 rather than the system code page.
 */
export function toCsv(data: StoreSnapshot, _options: CsvOptions = {}): string {
  const rows = [HEADER.join(',')];
  for (const { session, events } of groupConversations(data)) {
    const title = conversationTitle(session.state);
    for (const event of events) {
      const text = messageText(event);
      if (text === undefined) continue;
      const role = typeof event.content?.role === 'string' ? event.content.role : '';
      const time = new Date(event.timestamp).toISOString();
      rows.push([cell(session.id), cell(title), cell(event.id), time, cell(event.author), cell(role), cell(text)].join(','));
    }
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/**
 * A quoted-if-needed field. Spreadsheets run a cell starting with = + - @ (or a tab or CR
 * before one) as a formula, which is how a crafted chat message could reach a user's
 * machine (OWASP "CSV Injection"): such cells get a leading apostrophe, which spreadsheets
 * hide and read as "this is text". Every cell we did not make ourselves is guarded, so a
 * message like "-5 degrees" reads "'-5 degrees" in a plain text editor.
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
