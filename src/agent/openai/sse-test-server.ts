/**
 * Test helper: a scripted `fetch` that answers like an OpenAI-compatible server, with SSE bodies
 * delivered one event at a time. No network. Used by the adapter's tests only.
 */

/** One `data:` event: an object (sent as JSON) or a raw string (sent verbatim, e.g. malformed JSON). */
export type SseEvent = object | string;

export interface ScriptedSse {
  kind: 'sse';
  events: SseEvent[];
  /** Send `data: [DONE]` at the end. Default true. */
  done?: boolean;
  /** After this many events, stop sending (as a slow model would) until the request is aborted. */
  stallAfter?: number;
}

export interface ScriptedJson {
  kind: 'json';
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** fetch itself fails, as a browser does on a refused connection or a CORS rejection. */
export interface ScriptedFailure {
  kind: 'fail';
  error: unknown;
}

export type Scripted = ScriptedSse | ScriptedJson | ScriptedFailure;

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Headers;
  /** The JSON body, parsed; undefined for GET. */
  body: unknown;
}

export interface ScriptedServer {
  fetch: typeof fetch;
  requests: RecordedRequest[];
  /** "sent <n>" as each SSE event (counting from 0, [DONE] included) goes out; tests may add their own entries. */
  log: string[];
}

/** A fetch that answers the scripted responses in order (the last one repeats). */
export function scriptedServer(...script: Scripted[]): ScriptedServer {
  const requests: RecordedRequest[] = [];
  const log: string[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const text = typeof init?.body === 'string' ? init.body : undefined;
    requests.push({
      url,
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: text === undefined ? undefined : (JSON.parse(text) as unknown),
    });
    const step = script[Math.min(requests.length - 1, script.length - 1)];
    if (!step) throw new Error('scriptedServer: nothing scripted');
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) throw abortError();
    switch (step.kind) {
      case 'fail':
        throw step.error;
      case 'json':
        return jsonResponse(step.body, step.status ?? 200, step.headers);
      case 'sse':
        return sseResponse(step, signal, log);
    }
  };
  return { fetch: fetchImpl as typeof fetch, requests, log };
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** An SSE response whose events are pulled one at a time; it errors like fetch when `signal` aborts. */
export function sseResponse(step: ScriptedSse, signal?: AbortSignal, log: string[] = []): Response {
  const encoder = new TextEncoder();
  const frames = step.events.map((event) => `data: ${typeof event === 'string' ? event : JSON.stringify(event)}\n\n`);
  if (step.done ?? true) frames.push('data: [DONE]\n\n');
  let sent = 0;
  let settled = false;
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        signal?.addEventListener(
          'abort',
          () => {
            if (settled) return;
            settled = true;
            controller.error(abortError());
          },
          { once: true },
        );
      },
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (settled) return;
        if (step.stallAfter !== undefined && sent >= step.stallAfter) {
          await new Promise(() => undefined); // until aborted (the abort listener errors the stream)
        }
        const frame = frames[sent++];
        if (frame === undefined) {
          settled = true;
          controller.close();
          return;
        }
        log.push(`sent ${sent - 1}`);
        controller.enqueue(encoder.encode(frame));
      },
    },
    // Pull only when the reader asks, so each event arrives on its own.
    { highWaterMark: 0 },
  );
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

/** A streamed chat-completion chunk with one choice. */
export function chunk(delta: object, finishReason: string | null = null): object {
  return { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index: 0, delta, finish_reason: finishReason }] };
}

function abortError(): Error {
  return new DOMException('The operation was aborted.', 'AbortError');
}
