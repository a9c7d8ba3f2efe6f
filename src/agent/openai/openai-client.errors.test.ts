import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModelError, type ModelRequest } from '../model-client';
import { createOpenAiClient, listModels, type OpenAiClientOptions } from './openai-client';
import { chunk, scriptedServer, type Scripted } from './sse-test-server';

const KEY = 'sk-secret-key-0042';
const BASE = 'https://api.example.com/v1';

function setup(script: Scripted[], options: Partial<OpenAiClientOptions> = {}) {
  const server = scriptedServer(...script);
  const sleep = vi.fn((_ms: number, _signal: AbortSignal) => Promise.resolve());
  const client = createOpenAiClient({ baseURL: BASE, apiKey: KEY, model: 'gpt-x', fetch: server.fetch, sleep, ...options });
  return { server, client, sleep };
}

function request(): ModelRequest {
  return { messages: [{ role: 'user', content: 'hi' }], context: { reminders: [] }, tools: [], signal: new AbortController().signal };
}

async function failure(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => expect.unreachable('expected a failure'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  const modelError = error as ModelError;
  expect(modelError.message).not.toContain(KEY);
  return modelError;
}

const status = (code: number, body: unknown = { error: { message: `status ${code}` } }, headers?: Record<string, string>): Scripted => ({
  kind: 'json',
  status: code,
  body,
  ...(headers ? { headers } : {}),
});
const ok: Scripted = { kind: 'sse', events: [chunk({ content: 'fine' }, 'stop')] };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createOpenAiClient: errors', () => {
  it.each([401, 403])('%i → auth, pointing at Settings', async (code) => {
    const { client } = setup([status(code, { error: { message: `Incorrect API key provided: ${KEY}` } })]);
    const error = await failure(client.complete(request()));
    expect(error).toMatchObject({ code: 'auth', status: code, retryable: false });
    expect(error.message).toBe('The API key was refused by api.example.com. Check it in Settings.');
  });

  it('404 → unknown-model, naming the model and Test connection', async () => {
    const { client } = setup([status(404)]);
    const error = await failure(client.complete(request()));
    expect(error).toMatchObject({ code: 'unknown-model', status: 404, retryable: false });
    expect(error.message).toContain('"gpt-x"');
    expect(error.message).toContain('may not exist on this endpoint');
    expect(error.message).toContain('Test connection');
  });

  it('429 honours Retry-After once, then succeeds', async () => {
    const { server, client, sleep } = setup([status(429, { error: { message: 'slow down' } }, { 'retry-after': '1' }), ok]);
    const response = await client.complete(request());
    expect(response.text).toBe('fine');
    expect(sleep).toHaveBeenCalledTimes(1);
    expect(sleep.mock.calls[0]?.[0]).toBe(1000);
    expect(server.requests).toHaveLength(2);
  });

  it('429 without Retry-After waits 2 s; a long Retry-After is capped at 60 s', async () => {
    const first = setup([status(429), ok]);
    await first.client.complete(request());
    expect(first.sleep.mock.calls[0]?.[0]).toBe(2000);
    const second = setup([status(429, {}, { 'retry-after': '3600' }), ok]);
    await second.client.complete(request());
    expect(second.sleep.mock.calls[0]?.[0]).toBe(60_000);
  });

  it('429 twice → rate-limited', async () => {
    const { server, client, sleep } = setup([status(429, {}, { 'retry-after': '1' }), status(429, {}, { 'retry-after': '1' })]);
    const error = await failure(client.complete(request()));
    expect(error).toMatchObject({ code: 'rate-limited', status: 429, retryable: true });
    expect(error.message).toMatch(/rate-limiting.*wait.*retry/i);
    expect(sleep).toHaveBeenCalledTimes(1);
    expect(server.requests).toHaveLength(2);
  });

  it('an abort while waiting out Retry-After → aborted', async () => {
    const controller = new AbortController();
    const { server, client } = setup([status(429, {}, { 'retry-after': '30' }), ok], { sleep: undefined });
    const pending = client.complete({ ...request(), signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const error = await failure(pending);
    expect(error).toMatchObject({ code: 'aborted', partialText: '' });
    expect(server.requests).toHaveLength(1);
  });

  it('500 → server, retryable, naming the status', async () => {
    const { client } = setup([status(500)]);
    const error = await failure(client.complete(request()));
    expect(error).toMatchObject({ code: 'server', status: 500, retryable: true });
    expect(error.message).toContain('500');
  });

  it("other 4xx → bad-request with the server's message, the key redacted", async () => {
    const { client } = setup([status(400, { error: { message: `context too long for ${KEY}` } })]);
    const error = await failure(client.complete(request()));
    expect(error).toMatchObject({ code: 'bad-request', status: 400, retryable: false });
    expect(error.message).toContain('context too long');
  });

  it('fetch throwing TypeError → network, with the CORS / OLLAMA_ORIGINS hint', async () => {
    const { client } = setup([{ kind: 'fail', error: new TypeError('Failed to fetch') }]);
    const error = await failure(client.complete(request()));
    expect(error).toMatchObject({ code: 'network', retryable: true });
    expect(error.message).toContain('api.example.com');
    expect(error.message).toContain('CORS');
    expect(error.message).toContain('OLLAMA_ORIGINS');
    expect(error.message).toContain('built-in assistant');
  });

  it('says so when the browser is offline', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const { client } = setup([{ kind: 'fail', error: new TypeError('Failed to fetch') }]);
    const error = await failure(client.complete(request()));
    expect(error.code).toBe('network');
    expect(error.message).toContain('offline');
    expect(error.message).not.toContain('OLLAMA_ORIGINS');
  });

  it('malformed stream data → bad-response', async () => {
    for (const events of [['{not json'], [{ choices: 'nope' }], [chunk({ tool_calls: [{ index: 0, function: { name: 7 } }] })]]) {
      const { client } = setup([{ kind: 'sse', events }]);
      const error = await failure(client.complete(request()));
      expect(error.code).toBe('bad-response');
    }
  });

  it('a stream without any completion data → bad-response', async () => {
    const { client } = setup([{ kind: 'sse', events: [] }]);
    expect((await failure(client.complete(request()))).code).toBe('bad-response');
  });

  it('an error event inside the stream → server, with its message', async () => {
    const { client } = setup([{ kind: 'sse', events: [chunk({ content: 'a' }), { error: { message: 'model crashed' } }] }]);
    const error = await failure(client.complete(request()));
    expect(error.code).toBe('server');
    expect(error.message).toContain('model crashed');
  });
});

describe('listModels', () => {
  it('lists the model ids, sorted', async () => {
    const server = scriptedServer({
      kind: 'json',
      body: { object: 'list', data: [{ id: 'qwen2.5:7b', object: 'model' }, { id: 'llama3.2', object: 'model' }] },
    });
    const ids = await listModels({ baseURL: 'http://localhost:11434/v1', fetch: server.fetch });
    expect(ids).toEqual(['llama3.2', 'qwen2.5:7b']);
    expect(server.requests[0]).toMatchObject({ url: 'http://localhost:11434/v1/models', method: 'GET' });
    expect([...server.requests[0]!.headers.keys()].filter((name) => name.startsWith('x-stainless'))).toEqual([]);
  });

  it('401 → auth', async () => {
    const server = scriptedServer(status(401));
    const error = await failure(listModels({ baseURL: BASE, apiKey: KEY, fetch: server.fetch }));
    expect(error).toMatchObject({ code: 'auth', status: 401 });
    expect(error.message).toContain('api.example.com');
  });

  it('fetch failing → network', async () => {
    const server = scriptedServer({ kind: 'fail', error: new TypeError('Failed to fetch') });
    const error = await failure(listModels({ baseURL: BASE, fetch: server.fetch }));
    expect(error.code).toBe('network');
  });
});
