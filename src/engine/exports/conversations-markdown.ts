import { NAME_KEY, REMINDERS_KEY, readReminders } from '../../agent/tools/reminder-tools';
import { compareIds } from '../../store/event-order';
import { messageText } from '../../store/search/message-text';
import { USER_PREFIX } from '../../store/state';
import type { Event, FunctionCall, FunctionResponse, Part, SnapshotUserState, StoreSnapshot } from '../../store/types';
import { conversationTitle } from './conversation-title';
import { groupConversations, type ConversationGroup } from './group-conversations';
import { localTimeFormat, type LocalTimeFormat } from './local-time';
import { oneLine } from './one-line';
import { toolUseLine } from './tool-use-line';

export interface MarkdownOptions {
  /** IANA zone for the times shown; the runtime's zone when left out. */
  timeZone?: string;
  /** When given, the file says when it was exported. */
  now?: number;
}

/**
 * A transcript for people: a "Memory" section when the data carries the user's name or reminders
 * (an all-conversations export), then each conversation newest first, separated by rules. It shows
 * what the chat screen shows: messages, with the rounds of one reply read as one message and each
 * tool call as a line in it. Events without content (a rename) are left out, as on screen; the
 * JSON export keeps them.
 */
export function toMarkdown(data: StoreSnapshot, options: MarkdownOptions = {}): string {
  const time = localTimeFormat(options.timeZone);
  const sections: string[] = [];
  const memories = data.userStates.filter(hasMemory).sort((a, b) => compareIds(a.appName, b.appName) || compareIds(a.userId, b.userId));
  for (const row of memories) sections.push(memorySection(row, memories.length > 1, time));
  for (const group of groupConversations(data)) sections.push(conversationSection(group, time));
  if (data.sessions.length === 0) sections.push('_No conversations._');
  const exported = options.now === undefined ? '' : `_Exported from Hearth on ${time(options.now)} (times in ${time.timeZone})._\n\n`;
  return `${exported}${sections.join('\n\n---\n\n')}\n`;
}

// User state is stored without its `user:` prefix (store/state.ts).
const NAME = NAME_KEY.slice(USER_PREFIX.length);
const REMINDERS = REMINDERS_KEY.slice(USER_PREFIX.length);

function hasMemory(row: SnapshotUserState): boolean {
  return nameOf(row) !== undefined || readReminders(row.state[REMINDERS]).length > 0;
}

function nameOf(row: SnapshotUserState): string | undefined {
  const name = row.state[NAME];
  return typeof name === 'string' && name.trim() !== '' ? oneLine(name) : undefined;
}

function memorySection(row: SnapshotUserState, named: boolean, time: LocalTimeFormat): string {
  const lines = [named ? `# Memory of ${row.userId} (${row.appName})` : '# Memory'];
  const name = nameOf(row);
  if (name !== undefined) lines.push('', `Name: ${name}`);
  const reminders = readReminders(row.state[REMINDERS]);
  if (reminders.length > 0) lines.push('', 'Reminders:', '');
  for (const reminder of reminders) {
    const due = reminder.due && !Number.isNaN(Date.parse(reminder.due)) ? ` · due ${time(Date.parse(reminder.due))}` : '';
    lines.push(`- [${reminder.done ? 'x' : ' '}] ${oneLine(reminder.text)}${due}`);
  }
  return lines.join('\n');
}

interface Message {
  who: 'You' | 'Assistant';
  timestamp: number;
  invocationId: string;
  /** Texts and tool lines in the order they happened. */
  blocks: string[];
  interrupted: boolean;
}

function conversationSection({ session, events }: ConversationGroup, time: LocalTimeFormat): string {
  const lines = [`# ${oneLine(conversationTitle(session.state))}`, '', `_Created ${time(session.createTime)} · updated ${time(session.updateTime)}_`];
  for (const message of messages(events)) {
    lines.push('', `**${message.who}** · ${time(message.timestamp)}`);
    for (const block of message.blocks) lines.push('', block);
    if (message.interrupted) lines.push('', '_(interrupted)_');
  }
  return lines.join('\n');
}

/** Folds the event log into messages, as the chat screen does (ui/chat/transcript.ts). */
function messages(events: readonly Event[]): Message[] {
  const responses = responsesByCall(events);
  const result: Message[] = [];
  for (const event of events) {
    const text = messageText(event);
    const calls = partsOf(event).flatMap((part, i) => (part?.functionCall ? [{ call: part.functionCall, key: callKey(event, i) }] : []));
    if (text === undefined && calls.length === 0) continue;
    const blocks = [...(text === undefined ? [] : [text]), ...calls.map(({ call, key }) => `- ${toolUseLine(call, responses.get(key))}`)];
    const who = event.author === 'user' ? 'You' : 'Assistant';
    const previous = result.at(-1);
    const interrupted = event.interrupted === true;
    if (who === 'Assistant' && previous?.who === 'Assistant' && previous.invocationId === event.invocationId) {
      previous.blocks.push(...blocks);
      previous.interrupted ||= interrupted;
    } else {
      result.push({ who, timestamp: event.timestamp, invocationId: event.invocationId, blocks, interrupted });
    }
  }
  return result;
}

// Imported files are checked for shape down to `content`, not inside it.
function partsOf(event: Event): (Part | null | undefined)[] {
  const parts = event.content?.parts;
  return Array.isArray(parts) ? parts : [];
}

function callKey(event: Event, index: number): string {
  return `${event.id}:${index}`;
}

/**
 * Each call's response: by id, as the agent pairs them; a response without an id goes to the
 * earliest unanswered call of the same name.
 */
function responsesByCall(events: readonly Event[]): Map<string, FunctionResponse> {
  const answered = new Map<string, FunctionResponse>();
  const open: { key: string; call: FunctionCall }[] = [];
  for (const event of events) {
    partsOf(event).forEach((part, i) => {
      const response = part?.functionResponse;
      if (response) {
        const at = open.findIndex(({ call }) => (response.id ? call.id === response.id : call.name === response.name));
        const [match] = at === -1 ? [] : open.splice(at, 1);
        if (match) answered.set(match.key, response);
      }
      if (part?.functionCall) open.push({ key: callKey(event, i), call: part.functionCall });
    });
  }
  return answered;
}
