import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ModelError } from '../model-client';

/**
 * The user stopped the request. `partialText` is the assistant text that had streamed in before
 * the stop ('' when nothing had), so the turn can keep it. Its `code` is 'aborted'.
 */
export class ModelAbortedError extends ModelError {
  readonly partialText: string;

  constructor(partialText: string, options?: { cause?: unknown }) {
    super('aborted', 'Stopped.', { ...options, retryable: false });
    this.partialText = partialText;
  }
}

/** What an error message may name. */
export interface ErrorContext {
  /** Host of the endpoint, e.g. "api.openai.com" or "localhost:11434". */
  host: string;
  /** The model asked for; absent when listing models. */
  model?: string;
  /** Redacted from every message, in case a server echoes it. */
  apiKey?: string;
  signal: AbortSignal;
  /** Assistant text received before the failure, kept on abort. */
  partialText?: string;
}

/** The longest wait a Retry-After header may impose. */
export const MAX_RETRY_AFTER_MS = 60_000;
/** The wait after a 429 without a usable Retry-After. */
export const DEFAULT_RETRY_AFTER_MS = 2_000;

/** Milliseconds to wait per a Retry-After header (delta-seconds or an HTTP date), capped at 60 s. */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number {
  const value = headers?.get('retry-after')?.trim();
  if (!value) return DEFAULT_RETRY_AFTER_MS;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(value)) {
    ms = Number(value) * 1000;
  } else {
    const date = Date.parse(value);
    if (Number.isNaN(date)) return DEFAULT_RETRY_AFTER_MS;
    ms = date - now;
  }
  return Math.min(Math.max(0, Math.ceil(ms)), MAX_RETRY_AFTER_MS);
}

/** Whether `error` is a 429 from the endpoint. */
export function isRateLimit(error: unknown): error is APIError {
  return error instanceof APIError && error.status === 429;
}

/** Turns anything thrown while talking to the endpoint into a ModelError that says what to do next. */
export function toModelError(error: unknown, context: ErrorContext): ModelError {
  if (error instanceof ModelAbortedError) return error;
  if (context.signal.aborted || error instanceof APIUserAbortError || isAbortError(error)) {
    return new ModelAbortedError(context.partialText ?? '', { cause: error });
  }
  if (error instanceof ModelError) return error;
  const mapped = mapError(error, context);
  return new ModelError(mapped.code, redact(mapped.message, context.apiKey), {
    cause: error,
    ...(mapped.status === undefined ? {} : { status: mapped.status }),
  });
}

type Mapped = { code: ModelError['code']; message: string; status?: number };

function mapError(error: unknown, context: ErrorContext): Mapped {
  const { host } = context;
  if (error instanceof APIConnectionTimeoutError) {
    return { code: 'network', message: `${host} did not answer in time. Check that the server is running, then retry.` };
  }
  if (error instanceof APIConnectionError || error instanceof TypeError) {
    return { code: 'network', message: networkMessage(host) };
  }
  if (error instanceof SyntaxError) {
    const what = error.message.replace(/^Error reading response: /, '').replace(/\.$/, '');
    return { code: 'bad-response', message: `${host} sent a response that could not be read (${what}). Check that the endpoint URL points to an OpenAI-compatible API.` };
  }
  if (error instanceof APIError) {
    const status = error.status;
    if (status === undefined) {
      // An error event inside an otherwise successful stream.
      const detail = serverDetail(error);
      return { code: 'server', message: `${host} reported an error while answering${detail ? `: ${detail}` : ''}. Retry in a moment.` };
    }
    return { ...statusError(status, error, context), status };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'bad-response', message: `Unexpected failure talking to ${host}: ${detail}` };
}

function statusError(status: number, error: APIError, { host, model }: ErrorContext): Mapped {
  if (status === 401 || status === 403) {
    return { code: 'auth', message: `The API key was refused by ${host}. Check it in Settings.` };
  }
  if (status === 404) {
    return model === undefined
      ? { code: 'unknown-model', message: `${host} has no model list here (HTTP 404). Check the endpoint URL in Settings; OpenAI-compatible servers usually end in /v1.` }
      : { code: 'unknown-model', message: `The model "${model}" was not found at ${host}: it may not exist on this endpoint (or the endpoint URL may be missing a path such as /v1). Use Test connection in Settings to list the available models.` };
  }
  if (status === 429) {
    return { code: 'rate-limited', message: `${host} is rate-limiting requests. Wait a little, then retry.` };
  }
  if (status >= 500) {
    return { code: 'server', message: `${host} had a server error (HTTP ${status}). Retry in a moment.` };
  }
  const detail = serverDetail(error);
  return { code: 'bad-request', message: `${host} rejected the request (HTTP ${status})${detail ? `: ${detail}` : ''}. Check the model and endpoint in Settings.` };
}

function networkMessage(host: string): string {
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  if (offline) {
    return `Could not reach ${host}: this device is offline. Reconnect and retry; meanwhile the built-in assistant works offline.`;
  }
  const origin = typeof location !== 'undefined' && location.origin && location.origin !== 'null' ? location.origin : undefined;
  return (
    `Could not reach ${host}. Check that the endpoint URL is right and the server is running. ` +
    `The endpoint must also allow requests from the browser (CORS): for Ollama, set OLLAMA_ORIGINS ` +
    `(e.g. OLLAMA_ORIGINS=*${origin ? ` or OLLAMA_ORIGINS=${origin}` : ' or the app’s origin'}) and restart it. ` +
    `Meanwhile the built-in assistant works offline.`
  );
}

/** The server's own explanation, if it gave one: `{error:{message}}`, `{error:"…"}` or a text body. */
function serverDetail(error: APIError): string | undefined {
  const body: unknown = error.error;
  let detail: string | undefined;
  if (typeof body === 'string') detail = body;
  else if (typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string') {
    detail = (body as { message: string }).message;
  } else if (!/status code \(no body\)|no status code or body/.test(error.message)) {
    detail = error.message.replace(/^\d{3} /, '');
  }
  detail = detail?.trim();
  if (!detail || !/[a-z]/i.test(detail)) return undefined; // nothing worth showing, e.g. "{}".
  return detail.length > 300 ? `${detail.slice(0, 300)}…` : detail;
}

function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

function redact(message: string, apiKey: string | undefined): string {
  return apiKey && apiKey.length >= 4 ? message.split(apiKey).join('***') : message;
}
