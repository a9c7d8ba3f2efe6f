import { describe, expect, it } from 'vitest';
import type { ChatMessage, ModelRequest, ToolSpec } from '../model-client';
import { ModelAbortedError, createOpenAiClient, type OpenAiClientOptions } from './openai-client';
import { chunk, scriptedServer, type Scripted } from './sse-test-server';

const BASE = 'http://localhost:11434/v1';

function setup(script: Scripted[], options: Partial<OpenAiClientOptions> = {}) {
  const server = scriptedServer(...script);
  const client = createOpenAiClient({ baseURL: BASE, apiKey: 'sk-test-123', model: 'llama3.2', fetch: server.fetch, ...options });
  return { server, client };
}

function request(overrides: Partial<ModelRequest> = {}): ModelRequest {
  return {
    messages: [{ role: 'user', content: 'hi' }],
    context: { reminders: [] },
    tools: [],
    signal: new AbortController().signal,
    ...overrides,
  };
}

const sse = (...events: (object | string)[]): Scripted => ({ kind: 'sse', events });

describe('createOpenAiClient: text', () => {
  it('labels itself with the model and host', () => {
    const { client } = setup([]);
    expect(client.kind).toBe('openai-compatible');
    expect(client.label).toBe('llama3.2 · localhost:11434');
  });

  it('streams text deltas in order and returns the whole text', async () => {
    const { client } = setup([
      sse(chunk({ role: 'assistant', content: '' }), chunk({ content: 'Hel' }), chunk({ content: 'lo, ' }), chunk({ content: 'Ada.' }), chunk({}, 'stop'), {
        id: 'u',
        choices: [],
        usage: { prompt_tokens: 1, completion_tokens: 3, total_tokens: 4 },
      }),
    ]);
    const deltas: string[] = [];
    const response = await client.complete(request({ onTextDelta: (text) => deltas.push(text) }));
    expect(deltas).toEqual(['Hel', 'lo, ', 'Ada.']);
    expect(response).toEqual({ text: 'Hello, Ada.', toolCalls: [], finishReason: 'stop' });
  });

  it('calls onTextDelta before the next chunk arrives', async () => {
    const { server, client } = setup([sse(chunk({ content: 'a' }), chunk({ content: 'b' }), chunk({}, 'stop'))]);
    await client.complete(request({ onTextDelta: (text) => server.log.push(`delta ${text}`) }));
    expect(server.log).toEqual(['sent 0', 'delta a', 'sent 1', 'delta b', 'sent 2', 'sent 3']);
  });
});

describe('createOpenAiClient: tool calls', () => {
  const call = (fields: object) => chunk({ tool_calls: [fields] });

  it('accumulates a call by index across several chunks', async () => {
    const { client } = setup([
      sse(
        chunk({ role: 'assistant', content: null }),
        call({ index: 0, id: 'call_x', type: 'function', function: { name: 'add_reminder', arguments: '' } }),
        call({ index: 0, function: { arguments: '{"text":"buy' } }),
        call({ index: 0, function: { arguments: ' milk"}' } }),
        chunk({}, 'tool_calls'),
      ),
    ]);
    const response = await client.complete(request());
    expect(response).toEqual({
      text: '',
      toolCalls: [{ id: 'call_x', name: 'add_reminder', arguments: '{"text":"buy milk"}' }],
      finishReason: 'tool_calls',
    });
  });

  it('copes with a missing index', async () => {
    const { client } = setup([
      sse(call({ id: 'a', function: { name: 'one', arguments: '{"q":' } }), call({ function: { arguments: '1}' } }), call({ id: 'b', function: { name: 'two', arguments: '{}' } })),
    ]);
    expect((await client.complete(request())).toolCalls).toEqual([
      { id: 'a', name: 'one', arguments: '{"q":1}' },
      { id: 'b', name: 'two', arguments: '{}' },
    ]);
  });

  it('copes with the name arriving after the id', async () => {
    const { client } = setup([sse(call({ index: 0, id: 'a' }), call({ index: 0, function: { name: 'recall' } }), call({ index: 0, function: { arguments: '{"q":"x"}' } }))]);
    expect((await client.complete(request())).toolCalls).toEqual([{ id: 'a', name: 'recall', arguments: '{"q":"x"}' }]);
  });

  it('copes with all arguments in one chunk, and with no arguments', async () => {
    const { client } = setup([sse(call({ index: 0, id: 'a', function: { name: 'f', arguments: '{"a":1}' } }), call({ index: 1, id: 'b', function: { name: 'g' } }))]);
    expect((await client.complete(request())).toolCalls).toEqual([
      { id: 'a', name: 'f', arguments: '{"a":1}' },
      { id: 'b', name: 'g', arguments: '{}' },
    ]);
  });

  it('stringifies arguments sent as an object', async () => {
    const { client } = setup([sse(call({ index: 0, id: 'a', function: { name: 'f', arguments: { text: 'tea', n: 2 } } }))]);
    expect((await client.complete(request())).toolCalls).toEqual([{ id: 'a', name: 'f', arguments: '{"text":"tea","n":2}' }]);
  });

  it('generates ids when the provider sends none, unique per client', async () => {
    const { client } = setup([sse(call({ index: 0, function: { name: 'f', arguments: '{}' } }), call({ index: 1, function: { name: 'g', arguments: '{}' } }))]);
    const first = (await client.complete(request())).toolCalls.map((c) => c.id);
    const second = (await client.complete(request())).toolCalls.map((c) => c.id);
    expect(first).toEqual(['call_1', 'call_2']);
    expect(second).toEqual(['call_3', 'call_4']);
  });

  it('keeps two parallel calls apart, in index order', async () => {
    const { client } = setup([
      sse(
        call({ index: 0, id: 'a', function: { name: 'one', arguments: '' } }),
        call({ index: 1, id: 'b', function: { name: 'two', arguments: '' } }),
        call({ index: 1, function: { arguments: '{"y":2}' } }),
        call({ index: 0, function: { arguments: '{"x":1}' } }),
        chunk({}, 'tool_calls'),
      ),
    ]);
    const response = await client.complete(request({ onTextDelta: () => expect.unreachable() }));
    expect(response.toolCalls).toEqual([
      { id: 'a', name: 'one', arguments: '{"x":1}' },
      { id: 'b', name: 'two', arguments: '{"y":2}' },
    ]);
  });
});

describe('createOpenAiClient: the request', () => {
  const tool: ToolSpec = {
    name: 'add_reminder',
    description: 'Add a reminder.',
    parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
  };

  it('maps messages and tools, asks for a stream, and sends to /chat/completions', async () => {
    const { server, client } = setup([sse(chunk({ content: 'ok' }, 'stop'))]);
    const messages: ChatMessage[] = [
      { role: 'system', content: 'You are Hearth.' },
      { role: 'user', content: 'Remind me to buy milk' },
      { role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'add_reminder', arguments: '{"text":"buy milk"}' }] },
      { role: 'tool', toolCallId: 'c1', name: 'add_reminder', content: '{"ok":true}' },
      { role: 'assistant', content: 'Done.' },
    ];
    await client.complete(request({ messages, tools: [tool] }));
    const sent = server.requests[0];
    expect(sent?.url).toBe(`${BASE}/chat/completions`);
    expect(sent?.method).toBe('POST');
    expect(sent?.body).toEqual({
      model: 'llama3.2',
      stream: true,
      messages: [
        { role: 'system', content: 'You are Hearth.' },
        { role: 'user', content: 'Remind me to buy milk' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'c1', type: 'function', function: { name: 'add_reminder', arguments: '{"text":"buy milk"}' } }],
        },
        { role: 'tool', tool_call_id: 'c1', content: '{"ok":true}' },
        { role: 'assistant', content: 'Done.' },
      ],
      tools: [{ type: 'function', function: { name: 'add_reminder', description: 'Add a reminder.', parameters: tool.parameters } }],
    });
  });

  it('omits tools when there are none', async () => {
    const { server, client } = setup([sse(chunk({ content: 'ok' }, 'stop'))]);
    await client.complete(request());
    expect(server.requests[0]?.body).not.toHaveProperty('tools');
  });

  it('sends Authorization but no x-stainless headers by default', async () => {
    const { server, client } = setup([sse(chunk({ content: 'ok' }, 'stop'))]);
    await client.complete(request());
    const headers = server.requests[0]!.headers;
    expect(headers.get('authorization')).toBe('Bearer sk-test-123');
    expect([...headers.keys()].filter((name) => name.startsWith('x-stainless'))).toEqual([]);
  });

  it('keeps the SDK headers when omitSdkHeaders is false', async () => {
    const { server, client } = setup([sse(chunk({ content: 'ok' }, 'stop'))], { omitSdkHeaders: false });
    await client.complete(request());
    expect([...server.requests[0]!.headers.keys()].some((name) => name.startsWith('x-stainless'))).toBe(true);
  });

  it('sends a placeholder key when none is configured', async () => {
    const { server, client } = setup([sse(chunk({ content: 'ok' }, 'stop'))], { apiKey: '' });
    await client.complete(request());
    expect(server.requests[0]!.headers.get('authorization')).toMatch(/^Bearer \S+$/);
  });
});

describe('createOpenAiClient: stop', () => {
  it('keeps the text received before an abort mid-stream', async () => {
    const controller = new AbortController();
    const { client } = setup([{ kind: 'sse', events: [chunk({ content: 'Once upon' }), chunk({ content: ' a time' })], stallAfter: 1 }]);
    const received: string[] = [];
    const onTextDelta = (text: string) => {
      received.push(text);
      setTimeout(() => controller.abort(), 5);
    };
    const error = await client.complete(request({ signal: controller.signal, onTextDelta })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelAbortedError);
    expect(error).toMatchObject({ code: 'aborted', retryable: false, partialText: 'Once upon' });
    expect(received).toEqual(['Once upon']);
  });

  it('stops at once when aborted while handling a delta', async () => {
    const controller = new AbortController();
    const { client } = setup([sse(chunk({ content: 'A' }), chunk({ content: 'B' }), chunk({}, 'stop'))]);
    const error = await client.complete(request({ signal: controller.signal, onTextDelta: () => controller.abort() })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'aborted', partialText: 'A' });
  });

  it('reports an abort before the request as aborted with no text', async () => {
    const controller = new AbortController();
    controller.abort();
    const { server, client } = setup([sse(chunk({ content: 'A' }))]);
    const error = await client.complete(request({ signal: controller.signal })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'aborted', partialText: '' });
    expect(server.requests).toHaveLength(0);
  });
});
