import type { Event } from '../../protocol/protocol';

/** One tool use as the log shows it: the call and, once it ran, its result. */
export interface ToolUse {
  id: string;
  name: string;
  args: Record<string, unknown>;
  status?: string;
  message?: string;
}

export type TranscriptItem =
  | { kind: 'user'; id: string; text: string; timestamp: number }
  | { kind: 'assistant'; id: string; text: string; timestamp: number; interrupted: boolean; tools: ToolUse[] }
  /** The user's own edits from the memory panel: the same tools, run by the user. */
  | { kind: 'edit'; id: string; timestamp: number; tools: ToolUse[] };

/**
 * The readable transcript of an event log: user and assistant messages, each tool call
 * folded into the message that made it together with its result. Events without content
 * (a rename) appear only in the event inspector.
 */
export function toTranscript(events: readonly Event[]): TranscriptItem[] {
  return build(events);
}

/** The id of the transcript item that shows the event `eventId` (a reply folds several events into one). */
export function transcriptItemOf(events: readonly Event[], eventId: string): string | undefined {
  const owners = new Map<string, string>();
  build(events, owners);
  return owners.get(eventId);
}

/** Builds the transcript; `owners`, if given, maps each shown event's id to its item's id. */
function build(events: readonly Event[], owners?: Map<string, string>): TranscriptItem[] {
  const items: TranscriptItem[] = [];
  const pending = new Map<string, ToolUse>();
  const invocations = new Map<string, string>();
  for (const event of events) {
    const parts = event.content?.parts ?? [];
    const text = parts.map((p) => p.text ?? '').join('');
    const calls: ToolUse[] = parts.flatMap((p, i) =>
      p.functionCall ? [{ id: p.functionCall.id ?? `${event.id}:${i}`, name: p.functionCall.name, args: p.functionCall.args ?? {} }] : [],
    );
    for (const part of parts) {
      const response = part.functionResponse;
      const use = response?.id ? pending.get(response.id) : undefined;
      if (!response || !use) continue;
      const { status, message } = response.response ?? {};
      if (typeof status === 'string') use.status = status;
      if (typeof message === 'string') use.message = message;
      pending.delete(response.id!);
    }
    for (const call of calls) pending.set(call.id, call);
    const previous = items.at(-1);
    if (event.author === 'user') {
      if (text) items.push({ kind: 'user', id: event.id, text, timestamp: event.timestamp });
      if (calls.length) items.push({ kind: 'edit', id: event.id, timestamp: event.timestamp, tools: calls });
    } else if (previous?.kind === 'assistant' && invocations.get(previous.id) === event.invocationId) {
      // The rounds of one reply (text, tool calls, more text) read as one message.
      if (text) previous.text = previous.text ? `${previous.text}\n\n${text}` : text;
      previous.tools.push(...calls);
      previous.interrupted ||= event.interrupted === true;
    } else if (text || calls.length) {
      items.push({ kind: 'assistant', id: event.id, text, timestamp: event.timestamp, interrupted: event.interrupted === true, tools: calls });
      invocations.set(event.id, event.invocationId);
    }
    // An event with content is shown by the item just pushed or folded into.
    const shown = items.at(-1);
    if (owners && shown && (text || calls.length)) owners.set(event.id, shown.id);
  }
  return items;
}
