// The e2e model server, driven through the real `openai` package over real HTTP, so the
// browser tests can trust what it speaks.

import OpenAI, { APIConnectionError, AuthenticationError, InternalServerError, RateLimitError } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeModelServer, type FakeModelServer, type FakeModelServerOptions } from './fake-model-server';

const servers: FakeModelServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(options?: FakeModelServerOptions): Promise<FakeModelServer> {
  const server = await startFakeModelServer(options);
  servers.push(server);
  return server;
}

function clientFor(server: FakeModelServer, apiKey = 'sk-test'): OpenAI {
  // No retries: a scripted 429 or 500 must surface at once and take exactly one step.
  return new OpenAI({ baseURL: server.baseURL, apiKey, dangerouslyAllowBrowser: true, maxRetries: 0, timeout: 2_000 });
}

const messages = [{ role: 'user' as const, content: 'Hello?' }];

describe('fake model server', () => {
  it('streams text in order and records the request body', async () => {
    const server = await start();
    server.enqueue({ text: ['Hel', 'lo', ' there'] });
    const stream = await clientFor(server).chat.completions.create({ model: 'fake-model', messages, stream: true });
    const pieces: string[] = [];
    let finish: string | null = null;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (choice?.delta.content) pieces.push(choice.delta.content);
      finish = choice?.finish_reason ?? finish;
    }
    expect(pieces).toEqual(['Hel', 'lo', ' there']);
    expect(finish).toBe('stop');
    expect(server.remaining()).toBe(0);
    const [request] = server.chatRequests();
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer sk-test');
    expect(request?.body).toMatchObject({ model: 'fake-model', stream: true, messages });
  });

  it('streams a tool call whose argument deltas add up', async () => {
    const server = await start();
    server.enqueue({ toolCalls: [{ id: 'call_x', name: 'get_time', arguments: '{"zone":"UTC"}' }] });
    const stream = await clientFor(server).chat.completions.create({ model: 'fake-model', messages, stream: true });
    const calls: Array<{ id?: string; name: string; arguments: string }> = [];
    let finish: string | null = null;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      for (const delta of choice?.delta.tool_calls ?? []) {
        const call = (calls[delta.index] ??= { name: '', arguments: '' });
        if (delta.id) call.id = delta.id;
        call.name += delta.function?.name ?? '';
        call.arguments += delta.function?.arguments ?? '';
      }
      finish = choice?.finish_reason ?? finish;
    }
    expect(calls).toEqual([{ id: 'call_x', name: 'get_time', arguments: '{"zone":"UTC"}' }]);
    expect(finish).toBe('tool_calls');
  });

  it('waits for hold before finishing the stream', async () => {
    const server = await start();
    let release!: () => void;
    server.enqueue({ text: ['a'], hold: new Promise<void>((resolve) => (release = resolve)) });
    const stream = await clientFor(server).chat.completions.create({ model: 'fake-model', messages, stream: true });
    const seen: Array<string | null | undefined> = [];
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      seen.push(choice?.finish_reason);
      if (choice?.delta.content === 'a') release();
    }
    expect(seen.at(-1)).toBe('stop');
  });

  it('survives a client that disconnects mid-stream', async () => {
    const server = await start();
    let release!: () => void;
    server.enqueue({ text: ['partial'], hold: new Promise<void>((resolve) => (release = resolve)) }, { text: ['next'] });
    const client = clientFor(server);
    const controller = new AbortController();
    const stream = await client.chat.completions.create({ model: 'fake-model', messages, stream: true }, { signal: controller.signal });
    const pieces: string[] = [];
    // The SDK ends the iteration quietly when its signal aborts.
    for await (const chunk of stream) {
      const content = chunk.choices[0]?.delta.content;
      if (content) pieces.push(content);
      if (content === 'partial') controller.abort();
    }
    expect(pieces).toEqual(['partial']);
    // Let the server see the socket close before the held stream resumes and would write.
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    const reply = await client.chat.completions.create({ model: 'fake-model', messages, stream: false });
    expect(reply.choices[0]?.message.content).toBe('next');
  });

  it('answers stream: false with a whole chat.completion', async () => {
    const server = await start();
    server.enqueue({ text: ['Hi', '!'] }, { toolCalls: [{ name: 'lookup', arguments: '{}' }] });
    const client = clientFor(server);
    const text = await client.chat.completions.create({ model: 'fake-model', messages, stream: false });
    expect(text.object).toBe('chat.completion');
    expect(text.choices[0]).toMatchObject({ message: { role: 'assistant', content: 'Hi!' }, finish_reason: 'stop' });
    const tool = await client.chat.completions.create({ model: 'fake-model', messages, stream: false });
    expect(tool.choices[0]?.finish_reason).toBe('tool_calls');
    expect(tool.choices[0]?.message.tool_calls?.[0]).toMatchObject({ id: 'call_0', type: 'function', function: { name: 'lookup', arguments: '{}' } });
  });

  it('rejects a wrong API key with 401, and records the request', async () => {
    const server = await start({ apiKey: 'sk-right' });
    server.enqueue({ text: ['never sent'] });
    const error = await clientFor(server, 'sk-wrong').chat.completions.create({ model: 'fake-model', messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as AuthenticationError).code).toBe('invalid_api_key');
    expect(server.requests).toHaveLength(1);
    expect(server.remaining()).toBe(1);
    const page = await clientFor(server, 'sk-right').models.list();
    expect(page.data.map((m) => m.id)).toEqual(['fake-model']);
  });

  it('lists the configured models', async () => {
    const server = await start({ models: ['small', 'large'] });
    const page = await clientFor(server).models.list();
    expect(page.data).toEqual([
      { id: 'small', object: 'model', owned_by: 'fake' },
      { id: 'large', object: 'model', owned_by: 'fake' },
    ]);
  });

  it('answers a CORS preflight with 204 and does not record it', async () => {
    const server = await start({ apiKey: 'sk-right' });
    const response = await fetch(`${server.baseURL}/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:4173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('access-control-allow-private-network')).toBe('true');
    expect(server.requests).toEqual([]);
  });

  it('surfaces a scripted status with its body and headers', async () => {
    const server = await start();
    server.enqueue({ status: 429, body: { error: { message: 'Slow down.', type: 'rate_limit_error' } }, headers: { 'retry-after': '7' } });
    const error = await clientFor(server).chat.completions.create({ model: 'fake-model', messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).status).toBe(429);
    expect((error as RateLimitError).message).toContain('Slow down.');
    expect((error as RateLimitError).headers?.get('retry-after')).toBe('7');
    expect((error as RateLimitError).headers?.get('access-control-allow-origin')).toBe('*');
  });

  it('drops the connection for a networkError step', async () => {
    const server = await start();
    server.enqueue({ networkError: true });
    const error = await clientFor(server).chat.completions.create({ model: 'fake-model', messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
  });

  it('answers 500 once the script runs out, and 404 for unknown paths', async () => {
    const server = await start();
    const error = await clientFor(server).chat.completions.create({ model: 'fake-model', messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(500);
    expect((error as InternalServerError).message).toContain('no scripted reply left');
    const missing = await fetch(`${server.origin}/v1/embeddings`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/json');
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/chat/completions', 'POST /v1/embeddings']);
    expect(server.chatRequests()).toHaveLength(1);
  });
});
