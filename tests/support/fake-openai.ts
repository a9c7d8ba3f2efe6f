// A scripted OpenAI-compatible endpoint as a `fetch`: each chat-completions request takes
// the next step of the script and answers with SSE chunks (or an HTTP error, or a network
// failure). Requests are recorded for assertions. Never a real provider.

export interface ScriptedToolCall {
  id?: string;
  name: string;
  arguments: string;
}

export type Step =
  | { text?: string[]; toolCalls?: ScriptedToolCall[]; /** wait for this promise before the last chunk */ hold?: Promise<void> }
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { networkError: true };

export interface FakeOpenAi {
  fetch: typeof fetch;
  requests: Array<{ url: string; body: Record<string, unknown>; headers: Headers }>;
  /** Steps not yet used. */
  remaining(): number;
}

/** A step that answers 200 with a completion (streamed or not). */
export type ReplyStep = Exclude<Step, { status: number } | { networkError: true }>;

const encoder = new TextEncoder();

function sseChunk(delta: Record<string, unknown>, finish: string | null = null): string {
  const payload = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model: 'fake-model', choices: [{ index: 0, delta, finish_reason: finish }] };
  return `data: ${JSON.stringify(payload)}\n\n`;
}

/**
 * Writes a reply step as SSE frames: the role chunk, one chunk per text piece (1 ms apart),
 * two chunks per tool call (id and name, then arguments), then after `hold` the finish chunk
 * and `[DONE]`. Shared by the in-process fetch and the HTTP server (fake-model-server.ts) so
 * both speak the same stream. Returns early, writing nothing more, once `stopped()` is true.
 */
export async function writeScriptedStream(step: ReplyStep, write: (frame: string) => void, stopped: () => boolean): Promise<void> {
  write(sseChunk({ role: 'assistant', content: '' }));
  for (const piece of step.text ?? []) {
    write(sseChunk({ content: piece }));
    await new Promise((r) => setTimeout(r, 1));
    if (stopped()) return;
  }
  (step.toolCalls ?? []).forEach((call, index) => {
    write(sseChunk({ tool_calls: [{ index, id: call.id ?? `call_${index}`, type: 'function', function: { name: call.name, arguments: '' } }] }));
    write(sseChunk({ tool_calls: [{ index, function: { arguments: call.arguments } }] }));
  });
  if (step.hold) await step.hold;
  if (stopped()) return;
  write(sseChunk({}, step.toolCalls?.length ? 'tool_calls' : 'stop'));
  write('data: [DONE]\n\n');
}

export function fakeOpenAi(script: Step[]): FakeOpenAi {
  const steps = [...script];
  const requests: FakeOpenAi['requests'] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = request.url;
    const text = request.method === 'POST' ? await request.text() : '';
    requests.push({ url, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: request.headers });
    if (url.endsWith('/models')) {
      return Response.json({ object: 'list', data: [{ id: 'fake-model', object: 'model' }] });
    }
    const step = steps.shift();
    if (!step) throw new Error(`fake-openai: no scripted step left for request ${requests.length}`);
    if ('networkError' in step) throw new TypeError('Failed to fetch');
    if ('status' in step) {
      return new Response(JSON.stringify(step.body ?? { error: { message: `status ${step.status}` } }), {
        status: step.status,
        headers: { 'content-type': 'application/json', ...step.headers },
      });
    }
    const signal = init?.signal ?? request.signal;
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const abort = () => controller.error(new DOMException('The operation was aborted.', 'AbortError'));
        if (signal?.aborted) return abort();
        signal?.addEventListener('abort', abort, { once: true });
        try {
          const aborted = () => signal?.aborted ?? false;
          await writeScriptedStream(step, (frame) => controller.enqueue(encoder.encode(frame)), aborted);
          if (aborted()) return;
          controller.close();
        } catch (error) {
          controller.error(error);
        } finally {
          signal?.removeEventListener('abort', abort);
        }
      },
    });
    return new Response(stream, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  };
  return { fetch: fetchImpl as typeof fetch, requests, remaining: () => steps.length };
}
