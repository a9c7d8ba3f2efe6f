import { EngineError } from './engine-error';
import type { Endpoint } from './endpoint';
import type { EngineEvent, MethodName, Params, Request, Response, Result } from './protocol';

export type ReadyEvent = Extract<EngineEvent, { type: 'ready' }>;

export interface EngineClient {
  /** The engine's handshake: protocol version, storage back end, model. */
  ready: Promise<ReadyEvent>;
  call<M extends MethodName>(method: M, params: Params<M>, options?: CallOptions): Promise<Result<M>>;
  onEvent(listener: (event: EngineEvent) => void): () => void;
  /** Rejects every pending call and refuses new ones (the worker died or was stopped). */
  fail(error: EngineError): void;
}

export interface CallOptions {
  /** For calls that may run long (importing a large file); the default is the client's. */
  timeoutMs?: number;
  /** Buffers to move rather than copy (a file's bytes). */
  transfer?: Transferable[];
}

/**
 * UI side. Calls time out (an agent turn does not count: it returns its id at once and
 * streams), and all of them are rejected if the engine dies.
 */
export function createEngineClient(endpoint: Endpoint, { timeoutMs = 30_000 }: { timeoutMs?: number } = {}): EngineClient {
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void; timer: ReturnType<typeof setTimeout> }>();
  const listeners = new Set<(event: EngineEvent) => void>();
  let nextId = 1;
  let dead: EngineError | undefined;
  let resolveReady!: (event: ReadyEvent) => void;
  let rejectReady!: (error: EngineError) => void;
  const ready = new Promise<ReadyEvent>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // Nobody may be waiting yet; the rejection still reaches whoever awaits `ready`.
  ready.catch(() => undefined);

  endpoint.addEventListener('message', (message: MessageEvent) => {
    const response = message.data as Response;
    switch (response.kind) {
      case 'event':
        if (response.event.type === 'ready') resolveReady(response.event);
        for (const listener of listeners) listener(response.event);
        return;
      case 'result': {
        const call = pending.get(response.id);
        if (!call) return;
        pending.delete(response.id);
        clearTimeout(call.timer);
        if (response.ok) call.resolve(response.value);
        else call.reject(new EngineError(response.error));
        return;
      }
      default: {
        const unreachable: never = response;
        throw new Error(`Unknown engine message ${JSON.stringify(unreachable)}`);
      }
    }
  });
  endpoint.start?.();

  return {
    ready,
    call<M extends MethodName>(method: M, params: Params<M>, options: CallOptions = {}): Promise<Result<M>> {
      if (dead) return Promise.reject(dead);
      const id = nextId++;
      const limit = options.timeoutMs ?? timeoutMs;
      return new Promise<Result<M>>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new EngineError({ name: 'TimeoutError', code: 'timeout', message: `The engine did not answer ${method} in ${limit / 1000} s.`, retryable: true }));
        }, limit);
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
        endpoint.postMessage({ kind: 'call', id, method, params } as Request, options.transfer ?? []);
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fail(error) {
      dead = error;
      rejectReady(error);
      for (const call of pending.values()) {
        clearTimeout(call.timer);
        call.reject(error);
      }
      pending.clear();
    },
  };
}
