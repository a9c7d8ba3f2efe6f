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

const encoder = new TextEncoder();

function chunk(delta: Record<string, unknown>, finish: string | null = null): Uint8Array {
  const payload = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model: 'fake-model', choices: [{ index: 0, delta, finish_reason: finish }] };
  return encoder.encode(`data: ${JSON.stringify(payload)}\n\n`);
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
          controller.enqueue(chunk({ role: 'assistant', content: '' }));
          for (const piece of step.text ?? []) {
            controller.enqueue(chunk({ content: piece }));
            await new Promise((r) => setTimeout(r, 1));
          }
          (step.toolCalls ?? []).forEach((call, index) => {
            controller.enqueue(chunk({ tool_calls: [{ index, id: call.id ?? `call_${index}`, type: 'function', function: { name: call.name, arguments: '' } }] }));
            controller.enqueue(chunk({ tool_calls: [{ index, function: { arguments: call.arguments } }] }));
          });
          if (step.hold) await step.hold;
          if (signal?.aborted) return;
          controller.enqueue(chunk({}, step.toolCalls?.length ? 'tool_calls' : 'stop'));
          controller.enqueue(encoder.encode('data: [DONE]\n\n'));
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
