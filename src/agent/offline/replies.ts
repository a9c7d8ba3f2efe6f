import type { ModelContext, ToolCall } from '../model-client';
import type { Intent } from './parse-intent';
import { describeDue } from './parse-time';
import type { Candidate } from './reference';

/** What the offline assistant says: its own answers, and summaries of tool results. */

export const EXAMPLES = ['“remind me to call mum tomorrow at 6pm”', '“what are my reminders?”', '“my name is Sam”'];

export function helpText(): string {
  return (
    "I'm the basic built-in assistant: I work offline, but I can only handle reminders and your name. Try:\n" +
    EXAMPLES.map((e) => `• ${e}`).join('\n') +
    '\nFor open conversation, connect a model in Settings.'
  );
}

const list = (items: readonly Candidate[]) => items.map((c) => `${c.index}. ${c.text}`).join('\n');
const plural = (n: number) => `${n} reminder${n === 1 ? '' : 's'}`;

/** The answer to an intent that needs no tool. */
export function replyTo(intent: Intent, context: ModelContext): string {
  const name = context.userName?.trim();
  switch (intent.kind) {
    case 'greet':
      return `Hi${name ? ` ${name}` : ''}! I'm the basic built-in assistant. I can keep reminders for you — try “remind me to buy milk tomorrow at 9”.`;
    case 'thanks':
      return "You're welcome!";
    case 'ask-name':
      return name ? `Your name is ${name}.` : "I don't know your name yet. Tell me “my name is …” and I'll remember it.";
    // Help, and for intents that go to tools (never here), the sensible answer.
    case 'help':
    case 'add':
    case 'view':
    case 'update':
    case 'delete':
    case 'set-name':
      return helpText();
    case 'unknown':
      return `Sorry, I didn't understand that. ${helpText()}`;
    case 'unclear':
      return unclearText(intent);
  }
}

function unclearText(intent: Extract<Intent, { kind: 'unclear' }>): string {
  const { action, problem, count, requested, query, candidates } = intent;
  const example = action === 'update' ? '“change reminder 1 to …”' : '“delete reminder 1”';
  const listed = candidates.length > 0 ? `\nYour reminders:\n${list(candidates)}` : '';
  switch (problem) {
    case 'missing-text':
      if (action === 'add') return 'What should I remind you about? For example: “remind me to buy milk tomorrow at 9”.';
      if (action === 'update') return `What should reminder ${requested ?? 1} say instead? For example: “change reminder ${requested ?? 1} to buy oat milk”.`;
      return count === 0 ? "You don't have any reminders to delete." : `Which reminder should I delete? Say e.g. ${example}.${listed}`;
    case 'no-reminders':
      return `You don't have any reminders yet, so there's nothing to ${action === 'update' ? 'change' : 'delete'}.`;
    case 'out-of-range':
      return `You have ${plural(count)}, so there's no reminder ${requested ?? ''}.${listed}`;
    case 'no-match':
      return `I couldn't find a reminder about “${query ?? ''}”.${listed}`;
    case 'ambiguous':
      return `More than one reminder matches “${query ?? ''}” — which one?\n${list(candidates)}\nSay e.g. ${example.replace('1', String(candidates[0]?.index ?? 1))}.`;
    case 'all':
      return `I can only ${action === 'update' ? 'change' : 'delete'} one reminder at a time — say e.g. ${example}.${listed}`;
  }
}

interface ParsedResult {
  ok: boolean;
  /** Whether the content was a JSON object (else it is plain text to relay). */
  json: boolean;
  message?: string;
  reminders?: unknown[];
  raw: string;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function parseResult(content: string): ParsedResult {
  const o = parseObject(content);
  if (!o) return { ok: true, json: false, raw: content };
  const message = typeof o.message === 'string' ? o.message : typeof o.error === 'string' ? o.error : undefined;
  const ok = o.status !== 'error' && o.status !== 'failed' && !(typeof o.error === 'string' && o.status === undefined);
  return { ok, json: true, raw: content, ...(message ? { message } : {}), ...(Array.isArray(o.reminders) ? { reminders: o.reminders } : {}) };
}

function dueText(value: unknown, now: Date): string {
  if (typeof value !== 'string' || value === '') return '';
  const due = new Date(value);
  return Number.isNaN(due.getTime()) ? ` (due ${value})` : ` (due ${describeDue(due, now)})`;
}

function reminderLine(item: unknown, i: number, now: Date): string {
  if (typeof item === 'string') return `${i + 1}. ${item}`;
  const o = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
  const text = typeof o.text === 'string' ? o.text : JSON.stringify(item);
  return `${i + 1}. ${text}${o.done === true ? ' ✓ done' : ''}${dueText(o.due, now)}`;
}

export interface ToolOutcome {
  name: string;
  content: string;
  /** The call's arguments, when the call is in the history. */
  call?: ToolCall;
}

/** The final answer after the tools ran: one line (or list) per result. */
export function summarise(outcomes: readonly ToolOutcome[], now: Date): string {
  return outcomes.map((o) => summariseOne(o, now)).join('\n\n') || 'Done.';
}

function summariseOne({ name, content, call }: ToolOutcome, now: Date): string {
  const result = parseResult(content);
  const args = (call ? parseObject(call.arguments) : undefined) ?? {};
  const raw = result.raw.trim();
  // The tool's message, else its plain-text answer, else what the arguments say, else the raw JSON.
  const relay = (fallback?: string) => result.message ?? (!result.json && raw ? raw : (fallback ?? (raw || 'Done.')));
  if (!result.ok) return relay();
  switch (name) {
    case 'add_reminder':
      return typeof args.reminder === 'string' ? `Added “${args.reminder}”${dueText(args.due, now)}.` : relay();
    case 'view_reminders':
      if (!result.reminders) return relay();
      if (result.reminders.length === 0) return 'You have no reminders.';
      return `Your reminders:\n${result.reminders.map((r, i) => reminderLine(r, i, now)).join('\n')}`;
    case 'update_reminder':
      return relay(typeof args.updated_text === 'string' ? `Updated reminder ${String(args.index)} to “${args.updated_text}”.` : undefined);
    case 'delete_reminder':
      return relay(args.index !== undefined ? `Deleted reminder ${String(args.index)}.` : undefined);
    case 'update_user_name':
      return typeof args.name === 'string' ? `Nice to meet you, ${args.name}! I'll remember your name.` : relay();
    default:
      return relay();
  }
}
