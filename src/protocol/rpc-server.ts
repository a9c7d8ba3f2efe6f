import { toErrorData } from './engine-error';
import type { Endpoint } from './endpoint';
import type { EngineEvent, MethodName, Params, Request, Response, Result } from './protocol';

export type Handlers = { [M in MethodName]: (params: Params<M>) => Promise<Result<M>> | Result<M> };

/** Engine side: answers calls through `handlers` and streams events. */
export function serveEngine(endpoint: Endpoint, handlers: Handlers): { emit(event: EngineEvent): void } {
  const send = (message: Response): void => endpoint.postMessage(message satisfies Response);
  endpoint.addEventListener('message', (message: MessageEvent) => {
    const request = message.data as Request;
    if (request?.kind !== 'call') return;
    const handler = handlers[request.method] as (params: unknown) => unknown;
    let result: Promise<unknown>;
    try {
      result = Promise.resolve(handler(request.params));
    } catch (error) {
      result = Promise.reject(error);
    }
    result.then(
      (value) => send({ kind: 'result', id: request.id, ok: true, value }),
      (error: unknown) => send({ kind: 'result', id: request.id, ok: false, error: toErrorData(error) }),
    );
  });
  endpoint.start?.();
  return { emit: (event) => send({ kind: 'event', event }) };
}
