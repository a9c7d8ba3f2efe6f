import type { Reminder } from '../../shared/reminder';
import type { ToolSpec } from '../model-client';
import type { ToolContext } from './tool-context';

/** The seed's reminder agent's tools, with its names and parameters. */

export const NAME_KEY = 'user:name';
export const REMINDERS_KEY = 'user:reminders';

export type ToolResult = { status: 'success' | 'error'; action: string; message: string } & Record<string, unknown>;

export interface Tool {
  spec: ToolSpec;
  run(args: Record<string, unknown>, context: ToolContext): ToolResult;
}

export function readReminders(value: unknown): Reminder[] {
  if (!Array.isArray(value)) return [];
  // Older or hand-made data may hold plain strings, as the seed's agent stored them.
  return value.flatMap((item: unknown, i): Reminder[] => {
    if (typeof item === 'string') return [{ id: `legacy-${i}`, text: item, createdAt: 0 }];
    if (item && typeof item === 'object' && typeof (item as Reminder).text === 'string') return [item as Reminder];
    return [];
  });
}

const error = (action: string, message: string): ToolResult => ({ status: 'error', action, message });

function text(args: Record<string, unknown>, key: string): string | undefined {
  const value = args[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A 1-based index: a whole number, or a string holding one (small models send "2"). */
function index(args: Record<string, unknown>, count: number, action: string): number | ToolResult {
  const raw = args.index;
  const value = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return error(action, 'index must be a whole number: the 1-based position shown by view_reminders.');
  }
  if (count === 0) return error(action, 'There are no reminders yet.');
  if (value < 1 || value > count) {
    return error(action, `There is no reminder ${value}; there ${count === 1 ? 'is 1 reminder' : `are ${count} reminders`} (1–${count}).`);
  }
  return value;
}

/** An optional due time: an ISO 8601 date-time; null or '' clears it. */
function due(args: Record<string, unknown>, action: string): string | null | undefined | ToolResult {
  const value = args.due;
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    return error(action, 'due must be an ISO 8601 date-time, e.g. 2026-11-21T17:00:00.');
  }
  return new Date(value).toISOString();
}

const isResult = (value: unknown): value is ToolResult => typeof value === 'object' && value !== null;

const summary = (r: Reminder, i: number) => ({ index: i + 1, text: r.text, ...(r.done ? { done: true } : {}), ...(r.due ? { due: r.due } : {}) });

export const reminderTools: readonly Tool[] = [
  {
    spec: {
      name: 'add_reminder',
      description: "Adds a new reminder to the user's list. Pass `due` only when the user gave a date or time.",
      parameters: {
        type: 'object',
        properties: {
          reminder: { type: 'string', description: 'The reminder text, in the user\'s words.' },
          due: { type: 'string', description: 'Optional ISO 8601 date-time when it is due.' },
        },
        required: ['reminder'],
      },
    },
    run(args, context) {
      const reminder = text(args, 'reminder');
      if (!reminder) return error('add_reminder', 'reminder must be a non-empty text.');
      const when = due(args, 'add_reminder');
      if (isResult(when)) return when;
      const reminders = readReminders(context.get(REMINDERS_KEY));
      const added: Reminder = { id: context.newId(), text: reminder, createdAt: context.now(), ...(when ? { due: when } : {}) };
      context.set(REMINDERS_KEY, [...reminders, added]);
      return { status: 'success', action: 'add_reminder', reminder, message: `Added reminder: ${reminder}`, count: reminders.length + 1 };
    },
  },
  {
    spec: {
      name: 'view_reminders',
      description: 'Shows all current reminders, numbered from 1.',
      parameters: { type: 'object', properties: {} },
    },
    run(_args, context) {
      const reminders = readReminders(context.get(REMINDERS_KEY));
      return {
        status: 'success',
        action: 'view_reminders',
        reminders: reminders.map(summary),
        count: reminders.length,
        message: reminders.length === 0 ? 'You have no reminders.' : `You have ${reminders.length} reminder${reminders.length === 1 ? '' : 's'}.`,
      };
    },
  },
  {
    spec: {
      name: 'update_reminder',
      description: 'Changes the text of an existing reminder.',
      parameters: {
        type: 'object',
        properties: {
          index: { type: 'integer', description: '1-based position of the reminder, as shown by view_reminders.' },
          updated_text: { type: 'string', description: 'The new reminder text.' },
          done: { type: 'boolean', description: 'Optional: mark it done (true) or not done (false).' },
          due: { type: 'string', description: 'Optional ISO 8601 date-time; empty to clear it.' },
        },
        required: ['index', 'updated_text'],
      },
    },
    run(args, context) {
      const reminders = readReminders(context.get(REMINDERS_KEY));
      const at = index(args, reminders.length, 'update_reminder');
      if (isResult(at)) return at;
      const updated = text(args, 'updated_text');
      if (!updated) return error('update_reminder', 'updated_text must be a non-empty text.');
      const when = due(args, 'update_reminder');
      if (isResult(when)) return when;
      const old = reminders[at - 1] as Reminder;
      const next: Reminder = { ...old, text: updated };
      if (typeof args.done === 'boolean') {
        if (args.done) next.done = true;
        else delete next.done;
      }
      if (when === null) delete next.due;
      else if (when) next.due = when;
      context.set(REMINDERS_KEY, reminders.map((r, i) => (i === at - 1 ? next : r)));
      return { status: 'success', action: 'update_reminder', index: at, message: `Updated reminder ${at} to: ${updated}`, old_text: old.text };
    },
  },
  {
    spec: {
      name: 'delete_reminder',
      description: 'Removes a reminder.',
      parameters: {
        type: 'object',
        properties: { index: { type: 'integer', description: '1-based position of the reminder, as shown by view_reminders.' } },
        required: ['index'],
      },
    },
    run(args, context) {
      const reminders = readReminders(context.get(REMINDERS_KEY));
      const at = index(args, reminders.length, 'delete_reminder');
      if (isResult(at)) return at;
      const removed = reminders[at - 1] as Reminder;
      context.set(REMINDERS_KEY, reminders.filter((_, i) => i !== at - 1));
      return { status: 'success', action: 'delete_reminder', index: at, message: `Deleted reminder ${at}: ${removed.text}` };
    },
  },
  {
    spec: {
      name: 'update_user_name',
      description: "Saves the user's name, to remember it in every conversation.",
      parameters: {
        type: 'object',
        properties: { name: { type: 'string', description: 'The name the user wants to be called.' } },
        required: ['name'],
      },
    },
    run(args, context) {
      const name = text(args, 'name');
      if (!name) return error('update_user_name', 'name must be a non-empty text.');
      if (name.length > 100) return error('update_user_name', 'name is too long (at most 100 characters).');
      context.set(NAME_KEY, name);
      return { status: 'success', action: 'update_user_name', name, message: `Updated your name to: ${name}` };
    },
  },
];
