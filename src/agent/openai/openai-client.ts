import OpenAI from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { ModelError, type ModelClient, type ModelRequest, type ModelResponse } from '../model-client';
import { ModelAbortedError, isRateLimit, retryAfterMs, toModelError, type ErrorContext } from './error-mapping';
import { endpointHost, toOpenAiMessages, toOpenAiTools } from './request-mapping';
import { ToolCallAccumulator } from './tool-call-accumulator';

export { ModelAbortedError } from './error-mapping';

export interface OpenAiClientOptions {
  /** e.g. https://api.openai.com/v1 or http://localhost:11434/v1 */
  baseURL: string;
  /** May be empty for local servers (Ollama, LM Studio); a placeholder is sent then. */
  apiKey?: string;
  model: string;
  /** Omit the x-stainless-* headers that some compatible servers reject in CORS preflight. Default true. */
  omitSdkHeaders?: boolean;
  /** Injected in tests. */
  fetch?: typeof fetch;
  /** Sleeps (for Retry-After); injected in tests. Default: setTimeout-based, abortable. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export type ListModelsOptions = Omit<OpenAiClientOptions, 'model'> & {
  /** Ignored: listing does not depend on the configured model. */
  model?: string;
  signal?: AbortSignal;
};

/** Sent when no key is configured: the openai package requires one, local servers ignore it. */
const PLACEHOLDER_API_KEY = 'no-key';

/** The model port over any OpenAI-compatible chat-completions endpoint, streamed. */
export function createOpenAiClient(options: OpenAiClientOptions): ModelClient {
  const sdk = createSdk(options);
  const host = endpointHost(options.baseURL);
  const sleep = options.sleep ?? abortableSleep;
  let generatedIds = 0;
  const makeId = () => `call_${++generatedIds}`;

  return {
    kind: 'openai-compatible',
    label: `${options.model} · ${host}`,
    async complete(request: ModelRequest): Promise<ModelResponse> {
      const { signal } = request;
      const context: ErrorContext = { host, model: options.model, signal, partialText: '' };
      if (options.apiKey) context.apiKey = options.apiKey;
      const tools = toOpenAiTools(request.tools);
      const body = {
        model: options.model,
        messages: toOpenAiMessages(request.messages),
        ...(tools.length > 0 ? { tools } : {}),
        stream: true as const,
      };
      try {
        const stream = await withRateLimitRetry(() => sdk.chat.completions.create(body, { signal }), signal, sleep);
        return await readStream(stream, request, context, makeId);
      } catch (error) {
        throw toModelError(error, context);
      }
    },
  };
}

/** The model ids the endpoint offers (GET /models), sorted; for "Test connection". Errors as `complete`. */
export async function listModels(options: ListModelsOptions): Promise<string[]> {
  const sdk = createSdk(options);
  const signal = options.signal ?? new AbortController().signal;
  const context: ErrorContext = { host: endpointHost(options.baseURL), signal };
  if (options.apiKey) context.apiKey = options.apiKey;
  try {
    const page = await withRateLimitRetry(() => sdk.models.list({ signal }), signal, options.sleep ?? abortableSleep);
    const data: unknown = (page as { data?: unknown }).data;
    if (!Array.isArray(data)) {
      throw new ModelError('bad-response', `${context.host} answered /models without a model list. Check that the endpoint URL points to an OpenAI-compatible API.`);
    }
    const ids = data.map((entry: unknown) => (entry as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string');
    return [...new Set(ids)].sort((a, b) => a.localeCompare(b));
  } catch (error) {
    throw toModelError(error, context);
  }
}

function createSdk(options: Omit<OpenAiClientOptions, 'model'>): OpenAI {
  const omitSdkHeaders = options.omitSdkHeaders ?? true;
  return new OpenAI({
    baseURL: options.baseURL,
    apiKey: options.apiKey || PLACEHOLDER_API_KEY,
    // Never pick these up from the environment (a developer's OPENAI_ORG_ID, say).
    organization: null,
    project: null,
    webhookSecret: null,
    fetch: omitSdkHeaders ? withoutSdkHeaders(options.fetch) : options.fetch,
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
    // Failures reach the user as ModelErrors; the SDK need not also log them.
    logLevel: 'off',
  });
}

/**
 * Wraps fetch to drop the SDK's `x-stainless-*` headers, which servers that list allowed headers
 * explicitly reject in CORS preflight. The SDK passes a Headers object; records and pairs work too.
 */
export function withoutSdkHeaders(inner: typeof fetch | undefined): typeof fetch {
  return (input, init) => {
    const send = inner ?? globalThis.fetch;
    if (!init?.headers) return send(input, init);
    const headers = new Headers();
    new Headers(init.headers).forEach((value, name) => {
      if (!name.toLowerCase().startsWith('x-stainless')) headers.append(name, value);
    });
    return send(input, { ...init, headers });
  };
}

async function withRateLimitRetry<T>(
  run: () => PromiseLike<T>,
  signal: AbortSignal,
  sleep: (ms: number, signal: AbortSignal) => Promise<void>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isRateLimit(error) || signal.aborted) throw error;
    await sleep(retryAfterMs(error.headers), signal);
    return await run();
  }
}

async function readStream(
  stream: AsyncIterable<ChatCompletionChunk>,
  request: ModelRequest,
  context: ErrorContext,
  makeId: () => string,
): Promise<ModelResponse> {
  const calls = new ToolCallAccumulator(makeId);
  let text = '';
  let finishReason: string | undefined;
  let sawChoice = false;

  for await (const chunk of stream) {
    if (request.signal.aborted) break;
    const choice = firstChoice(chunk, context.host);
    if (!choice) continue; // e.g. a usage chunk
    sawChoice = true;
    const delta = choice['delta'];
    if (delta !== undefined && delta !== null) {
      if (typeof delta !== 'object') throw malformed(context.host, 'a delta that is not an object');
      const { content, tool_calls: toolCalls } = delta as Record<string, unknown>;
      if (typeof content === 'string' && content !== '') {
        text += content;
        context.partialText = text;
        request.onTextDelta?.(content);
      }
      if (toolCalls !== undefined && toolCalls !== null) {
        if (!Array.isArray(toolCalls)) throw malformed(context.host, '`tool_calls` that is not a list');
        for (const call of toolCalls) {
          try {
            calls.add(call);
          } catch (error) {
            throw malformed(context.host, error instanceof Error ? error.message : 'a bad tool call', error);
          }
        }
      }
    }
    const reason = choice['finish_reason'];
    if (typeof reason === 'string' && reason !== '') finishReason = reason;
  }

  // The SDK ends the iteration quietly when the request is aborted mid-stream.
  if (request.signal.aborted) throw new ModelAbortedError(text);
  if (!sawChoice) {
    throw new ModelError('bad-response', `${context.host} ended the response without any completion data. Check that the endpoint URL points to an OpenAI-compatible API that supports streaming.`);
  }
  const response: ModelResponse = { text, toolCalls: calls.toolCalls() };
  if (finishReason !== undefined) response.finishReason = finishReason;
  return response;
}

function firstChoice(chunk: unknown, host: string): Record<string, unknown> | undefined {
  if (typeof chunk !== 'object' || chunk === null) throw malformed(host, 'a chunk that is not an object');
  const choices = (chunk as { choices?: unknown }).choices;
  if (choices === undefined || choices === null) return undefined;
  if (!Array.isArray(choices)) throw malformed(host, '`choices` that is not a list');
  const choice: unknown = choices.find((c: unknown) => (c as { index?: unknown } | null)?.index === 0) ?? choices[0];
  if (choice === undefined) return undefined;
  if (typeof choice !== 'object' || choice === null) throw malformed(host, 'a choice that is not an object');
  return choice as Record<string, unknown>;
}

function malformed(host: string, what: string, cause?: unknown): ModelError {
  return new ModelError('bad-response', `${host} sent a stream that could not be understood (${what}). Check that the endpoint is OpenAI-compatible.`, { cause });
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new DOMException('Aborted while waiting to retry.', 'AbortError'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted while waiting to retry.', 'AbortError'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
