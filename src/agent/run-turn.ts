import { SessionNotFoundError, StaleSessionError, type Event, type EventInput, type Part, type Session, type SessionService } from '../store';
import { buildHistory } from './history';
import { buildInstruction } from './instruction';
import { ModelError, type ModelClient, type ModelResponse } from './model-client';
import { NAME_KEY, REMINDERS_KEY, readReminders, type Tool } from './tools/reminder-tools';
import { runToolCall } from './tools/run-tool';
import { ToolContext } from './tools/tool-context';

/** The agent's name: the author of its events, as in ADK. */
export const AGENT_NAME = 'hearth';
export const MAX_TOOL_ROUNDS = 8;

export interface TurnDeps {
  store: SessionService;
  model: ModelClient;
  tools: readonly Tool[];
  now?: () => number;
  newId?: () => string;
}

export interface TurnInput {
  session: Session;
  /** The user's message; omitted to retry the model on the history as it is. */
  userText?: string;
  /** State changes committed with the user's event (e.g. the conversation's title). */
  userStateDelta?: Record<string, unknown>;
  invocationId: string;
  signal: AbortSignal;
  onEvent?: (event: Event) => void;
  onTextDelta?: (text: string) => void;
}

export type TurnOutcome =
  | { status: 'done' }
  | { status: 'cancelled' }
  | { status: 'failed'; error: unknown };

/**
 * One user turn with ADK runner semantics: the user's event, then model rounds; each
 * round's tool calls are one event and their results (with the state delta the tools
 * recorded) another, committed together; it ends when the model answers without tools.
 * Returns the live session, which may have been reloaded after a StaleSessionError.
 */
export async function runTurn(deps: TurnDeps, input: TurnInput): Promise<{ outcome: TurnOutcome; session: Session }> {
  const { store, model, tools } = deps;
  const now = deps.now ?? (() => Date.now());
  const newId = deps.newId ?? (() => crypto.randomUUID());
  let session = input.session;
  const { invocationId, signal } = input;

  async function append(event: EventInput): Promise<Event> {
    let stored: Event;
    try {
      stored = await store.appendEvent({ session, event });
    } catch (error) {
      if (!(error instanceof StaleSessionError)) throw error;
      // Another writer got there first: reload once and retry (ADK's advice).
      const fresh = await store.getSession({ appName: session.appName, userId: session.userId, sessionId: session.id });
      if (!fresh) throw new SessionNotFoundError(`Session "${session.id}" was deleted.`, { cause: error });
      session = fresh;
      stored = await store.appendEvent({ session, event });
    }
    input.onEvent?.(stored);
    return stored;
  }

  const base = () => ({ id: newId(), invocationId, timestamp: now() });
  let streamed = '';
  try {
    if (input.userText !== undefined) {
      await append({
        ...base(),
        author: 'user',
        content: { role: 'user', parts: [{ text: input.userText }] },
        actions: { stateDelta: input.userStateDelta ?? {} },
      });
    }
    for (let round = 0; ; round++) {
      if (signal.aborted) return { outcome: { status: 'cancelled' }, session };
      const reminders = readReminders(session.state[REMINDERS_KEY]);
      const userName = typeof session.state[NAME_KEY] === 'string' ? (session.state[NAME_KEY] as string) : undefined;
      streamed = '';
      const response: ModelResponse = await model.complete({
        messages: [
          { role: 'system', content: buildInstruction({ userName, reminders, now: new Date(now()) }) },
          ...buildHistory(session.events),
        ],
        tools: tools.map((t) => t.spec),
        context: { userName, reminders },
        signal,
        onTextDelta: (text) => {
          streamed += text;
          input.onTextDelta?.(text);
        },
      });
      if (signal.aborted) throw new ModelError('aborted', 'Stopped.');
      const text = response.text || streamed;
      if (response.toolCalls.length === 0) {
        await append({
          ...base(),
          author: AGENT_NAME,
          content: { role: 'model', parts: [{ text }] },
          actions: { stateDelta: {} },
          turnComplete: true,
        });
        return { outcome: { status: 'done' }, session };
      }
      if (round >= MAX_TOOL_ROUNDS) {
        await append({
          ...base(),
          author: AGENT_NAME,
          content: { role: 'model', parts: [{ text: `${text ? `${text}\n\n` : ''}I stopped after ${MAX_TOOL_ROUNDS} rounds of tool calls in one turn. Please tell me how to continue.` }] },
          actions: { stateDelta: {} },
          turnComplete: true,
        });
        return { outcome: { status: 'done' }, session };
      }
      const calls = response.toolCalls.map((call) => ({ ...call, id: call.id || `call_${newId()}` }));
      const callParts: Part[] = calls.map((call) => ({ functionCall: { id: call.id, name: call.name, args: parseArgs(call.arguments) } }));
      await append({
        ...base(),
        author: AGENT_NAME,
        content: { role: 'model', parts: text ? [{ text }, ...callParts] : callParts },
        actions: { stateDelta: {} },
      });
      const context = new ToolContext(session.state, { now, newId });
      const responseParts: Part[] = calls.map((call) => ({
        functionResponse: { id: call.id, name: call.name, response: runToolCall(tools, call.name, call.arguments, context) },
      }));
      await append({ ...base(), author: AGENT_NAME, content: { role: 'user', parts: responseParts }, actions: { stateDelta: context.delta } });
    }
  } catch (error) {
    if (signal.aborted || (error instanceof ModelError && error.code === 'aborted')) {
      // Stopped: keep what the user already saw, marked as interrupted.
      if (streamed) {
        try {
          await append({
            ...base(),
            author: AGENT_NAME,
            content: { role: 'model', parts: [{ text: streamed }] },
            actions: { stateDelta: {} },
            interrupted: true,
          });
        } catch (storeError) {
          return { outcome: { status: 'failed', error: storeError }, session };
        }
      }
      return { outcome: { status: 'cancelled' }, session };
    }
    return { outcome: { status: 'failed', error }, session };
  }
}

/** Tool-call arguments as stored in the event: the parsed object, or the raw text when malformed. */
function parseArgs(raw: string): Record<string, unknown> {
  try {
    const parsed: unknown = raw.trim() ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { _raw: raw };
  } catch {
    return { _raw: raw };
  }
}
