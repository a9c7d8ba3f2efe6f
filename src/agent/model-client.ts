import type { Reminder } from '../shared/reminder';

/**
 * The model port: one chat-completion round with tools, streamed. Two adapters: any
 * OpenAI-compatible endpoint (openai/), and the built-in offline assistant (offline/).
 */

export interface ToolCall {
  id: string;
  name: string;
  /** The arguments as the model sent them: JSON text, possibly malformed. */
  arguments: string;
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCall[] }
  | { role: 'tool'; toolCallId: string; name: string; content: string };

/** JSON Schema of a tool's parameters, as OpenAI's `tools[].function.parameters`. */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: {
    type: 'object';
    properties: Record<string, { type: string; description?: string }>;
    required?: string[];
    additionalProperties?: boolean;
  };
}

/** What the agent knows of the user, for adapters that cannot read the system prompt. */
export interface ModelContext {
  userName?: string;
  reminders: Reminder[];
}

export interface ModelRequest {
  messages: ChatMessage[];
  context: ModelContext;
  tools: ToolSpec[];
  /** Aborts the HTTP request (or the offline assistant's work). */
  signal: AbortSignal;
  /** Called with each piece of assistant text as it streams in. */
  onTextDelta?: (text: string) => void;
}

export interface ModelResponse {
  /** The whole assistant text of this round ('' when it only called tools). */
  text: string;
  toolCalls: ToolCall[];
  finishReason?: string;
}

export interface ModelClient {
  /** e.g. 'openai-compatible' or 'offline'. */
  readonly kind: 'openai-compatible' | 'offline';
  /** What the status line shows, e.g. "gpt-4o-mini · api.example.com" or "Built-in assistant (basic)". */
  readonly label: string;
  complete(request: ModelRequest): Promise<ModelResponse>;
}

export type ModelErrorCode =
  | 'auth' // 401/403: the API key was refused
  | 'unknown-model' // 404
  | 'rate-limited' // 429, after honouring Retry-After once
  | 'server' // 5xx
  | 'network' // no response: offline, DNS, refused, or blocked by CORS
  | 'bad-request' // other 4xx
  | 'bad-response' // the stream could not be understood
  | 'aborted'; // the user pressed Stop

/** A model failure, with a message that says what to do next. */
export class ModelError extends Error {
  override name = 'ModelError';
  readonly code: ModelErrorCode;
  readonly status: number | undefined;
  /** Whether offering "Retry" makes sense. */
  readonly retryable: boolean;

  constructor(code: ModelErrorCode, message: string, options?: { cause?: unknown; status?: number; retryable?: boolean }) {
    super(message, options);
    this.code = code;
    this.status = options?.status;
    this.retryable = options?.retryable ?? (code === 'server' || code === 'network' || code === 'rate-limited');
  }
}
