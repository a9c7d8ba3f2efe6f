import type { Event } from '../store';
import type { ChatMessage, ToolCall } from './model-client';

/** How many of the newest events are sent to the model. */
export const HISTORY_EVENTS = 200;

/**
 * Rebuilds the chat-completions conversation from a session's events: user text,
 * assistant text with tool calls, and tool results. Tool calls without results (a
 * cancelled round) and results without calls are dropped, since endpoints reject them.
 */
export function buildHistory(events: readonly Event[]): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const event of events.slice(-HISTORY_EVENTS)) {
    const parts = event.content?.parts ?? [];
    const text = parts.map((p) => (typeof p.text === 'string' ? p.text : '')).join('');
    const calls: ToolCall[] = parts.flatMap((p) =>
      p.functionCall ? [{ id: p.functionCall.id ?? '', name: p.functionCall.name, arguments: JSON.stringify(p.functionCall.args ?? {}) }] : [],
    );
    const responses = parts.flatMap((p) => (p.functionResponse ? [p.functionResponse] : []));
    if (responses.length > 0) {
      for (const r of responses) {
        messages.push({ role: 'tool', toolCallId: r.id ?? '', name: r.name, content: JSON.stringify(r.response ?? {}) });
      }
    } else if (event.author === 'user') {
      if (text) messages.push({ role: 'user', content: text });
    } else if (text || calls.length > 0) {
      messages.push(calls.length > 0 ? { role: 'assistant', content: text, toolCalls: calls } : { role: 'assistant', content: text });
    }
  }
  return pairToolMessages(messages);
}

function pairToolMessages(messages: ChatMessage[]): ChatMessage[] {
  const answered = new Set(messages.flatMap((m) => (m.role === 'tool' ? [m.toolCallId] : [])));
  const asked = new Set<string>();
  const paired: ChatMessage[] = [];
  for (const message of messages) {
    if (message.role === 'assistant' && message.toolCalls) {
      const kept = message.toolCalls.filter((c) => answered.has(c.id));
      kept.forEach((c) => asked.add(c.id));
      if (kept.length > 0) paired.push({ ...message, toolCalls: kept });
      else if (message.content) paired.push({ role: 'assistant', content: message.content });
    } else if (message.role === 'tool') {
      if (asked.has(message.toolCallId)) paired.push(message);
    } else {
      paired.push(message);
    }
  }
  // A window that starts mid-exchange would begin with orphans: start at a user message.
  const firstUser = paired.findIndex((m) => m.role === 'user');
  return firstUser <= 0 ? paired : paired.slice(firstUser);
}
