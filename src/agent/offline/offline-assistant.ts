import { ModelError, type ChatMessage, type ModelClient, type ModelRequest, type ModelResponse, type ToolCall, type ToolSpec } from '../model-client';
import { parseIntent, type Intent } from './parse-intent';
import { describeDue } from './parse-time';
import { replyTo, summarise, type ToolOutcome } from './replies';

/**
 * The built-in assistant: no network, no model. It reads plain-English reminder requests
 * and answers by calling the same tools a real model would; once they ran, it sums up
 * their results. Anything else gets an honest "I'm basic" answer.
 */

export interface OfflineAssistantOptions {
  now?: () => Date;
  /** Pause between streamed pieces, in ms; 0 (the default) only yields to the event loop. */
  streamDelayMs?: number;
}

export const OFFLINE_LABEL = 'Built-in assistant (basic, offline)';

/** The tool call for an intent: name and arguments. */
type Call = { name: string; args: Record<string, unknown> };

function toolCallFor(intent: Intent, tools: readonly ToolSpec[], now: Date): Call | undefined {
  switch (intent.kind) {
    case 'add': {
      const spec = tools.find((t) => t.name === 'add_reminder');
      // A tool that takes no `due` still gets the time, in the text.
      const noDue = spec?.parameters.additionalProperties === false && !('due' in spec.parameters.properties);
      if (intent.due === undefined) return { name: 'add_reminder', args: { reminder: intent.text } };
      if (noDue) return { name: 'add_reminder', args: { reminder: `${intent.text} (${describeDue(new Date(intent.due), now)})` } };
      return { name: 'add_reminder', args: { reminder: intent.text, due: intent.due } };
    }
    case 'view':
      return { name: 'view_reminders', args: {} };
    case 'update':
      return { name: 'update_reminder', args: { index: intent.index, updated_text: intent.text } };
    case 'delete':
      return { name: 'delete_reminder', args: { index: intent.index } };
    case 'set-name':
      return { name: 'update_user_name', args: { name: intent.name } };
    default:
      return undefined;
  }
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new ModelError('aborted', 'Stopped.');
}

/** The messages of the current turn: the user's text, then any tool calls and results. */
function currentTurn(messages: readonly ChatMessage[]): { userText: string; outcomes: ToolOutcome[] } {
  let last = -1;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]?.role === 'user') {
      last = i;
      break;
    }
  }
  const user = messages[last];
  const after = messages.slice(last + 1);
  const calls = after.flatMap((m) => (m.role === 'assistant' ? (m.toolCalls ?? []) : []));
  const outcomes = after.flatMap((m): ToolOutcome[] => {
    if (m.role !== 'tool') return [];
    const call = calls.find((c) => c.id === m.toolCallId);
    return [{ name: m.name || call?.name || '', content: m.content, ...(call ? { call } : {}) }];
  });
  return { userText: user?.role === 'user' ? user.content : '', outcomes };
}

/** Word-sized pieces that join back to the text exactly. */
export function pieces(text: string): string[] {
  return text.split(/(?<=\s)(?=\S)/);
}

export function createOfflineAssistant(options: OfflineAssistantOptions = {}): ModelClient {
  const now = options.now ?? (() => new Date());
  const delay = options.streamDelayMs ?? 0;
  let sequence = 0;

  async function stream(text: string, request: ModelRequest): Promise<ModelResponse> {
    for (const piece of pieces(text)) {
      throwIfAborted(request.signal);
      request.onTextDelta?.(piece);
      // Let the UI paint between pieces.
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    throwIfAborted(request.signal);
    return { text, toolCalls: [], finishReason: 'stop' };
  }

  return {
    kind: 'offline',
    label: OFFLINE_LABEL,
    async complete(request: ModelRequest): Promise<ModelResponse> {
      throwIfAborted(request.signal);
      const { userText, outcomes } = currentTurn(request.messages);
      if (outcomes.length > 0) return stream(summarise(outcomes, now()), request);

      const time = now();
      const intent = parseIntent(userText, request.context, time);
      const call = toolCallFor(intent, request.tools, time);
      if (!call) return stream(replyTo(intent, request.context), request);
      if (request.tools.length > 0 && !request.tools.some((t) => t.name === call.name)) {
        return stream(`Sorry, I can't do that here: the ${call.name} tool isn't available.`, request);
      }
      sequence += 1;
      const toolCall: ToolCall = { id: `offline_${Date.now().toString(36)}_${sequence}`, name: call.name, arguments: JSON.stringify(call.args) };
      return { text: '', toolCalls: [toolCall], finishReason: 'tool_calls' };
    },
  };
}
