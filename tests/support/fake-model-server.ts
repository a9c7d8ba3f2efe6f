// A scripted OpenAI-compatible HTTP server for end-to-end tests: the app (in Chromium, on
// another origin) is pointed at `baseURL`, and each chat-completions request takes the next
// queued step — the same `Step` script as the in-process fetch in fake-openai.ts, streamed
// with the same chunks. Requests are recorded for assertions. Never a real provider.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeScriptedStream, type ReplyStep, type Step } from './fake-openai';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

export interface FakeModelServer {
  /** Base URL to put in the app's settings, e.g. http://127.0.0.1:PORT/v1 */
  baseURL: string;
  origin: string;
  /** Each POST /v1/chat/completions takes the next queued step, in order. */
  enqueue(...steps: Step[]): void;
  /** Every request except OPTIONS preflights, in arrival order. */
  requests: RecordedRequest[];
  /** Only chat-completions requests. */
  chatRequests(): RecordedRequest[];
  /** Steps not yet taken. */
  remaining(): number;
  /** Stops listening and drops every open connection, streams included. */
  close(): Promise<void>;
}

export interface FakeModelServerOptions {
  /** Ids listed by GET /v1/models; default ['fake-model']. */
  models?: string[];
  /** When set, every request must carry `Authorization: Bearer <apiKey>` or gets a 401. */
  apiKey?: string;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
}

const CHAT_PATH = '/v1/chat/completions';
const MODELS_PATH = '/v1/models';

// Every response carries these, so the app's worker can read bodies (and headers such as
// `retry-after` on a scripted 429) cross-origin.
const CORS_HEADERS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': '*' };

export async function startFakeModelServer(options: FakeModelServerOptions = {}): Promise<FakeModelServer> {
  const models = options.models ?? ['fake-model'];
  const host = options.host ?? '127.0.0.1';
  const steps: Step[] = [];
  const requests: RecordedRequest[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    if (method === 'OPTIONS') return preflight(req, res);

    const text = await readBody(req);
    let body: Record<string, unknown> = {};
    let invalidJson = false;
    try {
      if (text) body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      invalidJson = true;
    }
    requests.push({ method, path, headers: { ...req.headers }, body });

    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return sendJson(res, 401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } });
    }
    if (method === 'GET' && path === MODELS_PATH) {
      return sendJson(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', owned_by: 'fake' })) });
    }
    if (method !== 'POST' || path !== CHAT_PATH) {
      return sendJson(res, 404, { error: { message: `fake model server: no route for ${method} ${path}`, type: 'invalid_request_error', code: 'not_found' } });
    }
    if (invalidJson) {
      return sendJson(res, 400, { error: { message: 'fake model server: the request body is not valid JSON', type: 'invalid_request_error' } });
    }

    const step = steps.shift();
    if (!step) return sendJson(res, 500, { error: { message: 'fake model server: no scripted reply left for this request' } });
    if ('networkError' in step) {
      res.socket?.destroy();
      return;
    }
    if ('status' in step) {
      return sendJson(res, step.status, step.body ?? { error: { message: `status ${step.status}` } }, step.headers);
    }
    if (body.stream === false) return sendCompletion(res, step);
    return sendStream(res, step);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A bug in the fake must fail the test visibly, not hang it.
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { error: { message: `fake model server crashed: ${String(error)}` } });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    baseURL: `${origin}/v1`,
    origin,
    enqueue: (...more) => void steps.push(...more),
    requests,
    chatRequests: () => requests.filter((r) => r.method === 'POST' && r.path === CHAT_PATH),
    remaining: () => steps.length,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets and held streams would otherwise keep close() waiting.
        server.closeAllConnections();
      })),
  };
}

function preflight(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(204, {
    ...CORS_HEADERS,
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    // `*` does not cover Authorization, so echo what the browser asks for.
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
    'access-control-max-age': '600',
    // Chrome's Private Network Access preflight asks for this before reaching a local address.
    'access-control-allow-private-network': 'true',
  });
  res.end();
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const piece of req) chunks.push(piece as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...CORS_HEADERS, 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function sendStream(res: ServerResponse, step: ReplyStep): Promise<void> {
  // 'close' also fires when the client goes away mid-stream; from then on write nothing.
  let closed = false;
  res.once('close', () => (closed = true));
  res.writeHead(200, { ...CORS_HEADERS, 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  await writeScriptedStream(step, (frame) => void (closed || res.write(frame)), () => closed);
  if (!closed) res.end();
}

async function sendCompletion(res: ServerResponse, step: ReplyStep): Promise<void> {
  let closed = false;
  res.once('close', () => (closed = true));
  if (step.hold) await step.hold;
  if (closed) return;
  const toolCalls = (step.toolCalls ?? []).map((call, index) => ({
    id: call.id ?? `call_${index}`,
    type: 'function',
    function: { name: call.name, arguments: call.arguments },
  }));
  const message = { role: 'assistant', content: step.text?.join('') ?? null, refusal: null, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) };
  sendJson(res, 200, {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model: 'fake-model',
    choices: [{ index: 0, message, logprobs: null, finish_reason: toolCalls.length ? 'tool_calls' : 'stop' }],
  });
}
