import type { StoreDriver } from './driver';
import { StorageUnavailableError, StoreError, fromStoreErrorData, toStoreErrorData, type StoreErrorData } from './errors';
import type { BackendName } from './types';

/**
 * The wire protocol between a StoreDriver proxy and the worker that hosts the real
 * driver. Arguments and results are structured-cloned; errors travel as data.
 */

/** Optional methods included: the proxy forwards them all, and the hosted driver answers or reports it has none. */
type DriverMethods = Required<Omit<StoreDriver, 'backend'>>;
type MethodName = keyof DriverMethods;

export type DriverRequest =
  | { type: 'open'; name: string }
  | { [M in MethodName]: { type: 'call'; id: number; method: M; args: Parameters<DriverMethods[M]> } }[MethodName];

export type DriverResponse =
  | { type: 'opened'; backend: BackendName }
  | { type: 'open-failed'; error: StoreErrorData }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: StoreErrorData };

interface Endpoint {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** Worker side: opens the driver on request, then answers calls in order of arrival. */
export function serveDriver(endpoint: Endpoint, open: (name: string) => Promise<StoreDriver>): void {
  let driver: StoreDriver | undefined;
  const reply = (message: DriverResponse): void => endpoint.postMessage(message satisfies DriverResponse);
  endpoint.addEventListener('message', (event: MessageEvent) => {
    const request = event.data as DriverRequest;
    switch (request.type) {
      case 'open':
        open(request.name).then(
          (opened) => {
            driver = opened;
            reply({ type: 'opened', backend: opened.backend });
          },
          (error: unknown) => reply({ type: 'open-failed', error: toStoreErrorData(error) }),
        );
        return;
      case 'call': {
        const { id } = request;
        if (!driver) {
          reply({ type: 'result', id, ok: false, error: { name: 'StoreClosedError', code: 'closed', message: 'The session store is closed.' } });
          return;
        }
        const target = driver;
        const method = target[request.method] as ((...args: unknown[]) => Promise<unknown>) | undefined;
        // Every call gets an answer, even one the hosted driver lacks or throws from synchronously.
        const result = method
          ? Promise.resolve().then(() => method.apply(target, request.args))
          : Promise.reject(new StoreError('internal', `The ${target.backend} store cannot ${request.method}.`));
        result.then(
          (value) => reply({ type: 'result', id, ok: true, value }),
          (error: unknown) => reply({ type: 'result', id, ok: false, error: toStoreErrorData(error) }),
        );
        return;
      }
      default: {
        const unreachable: never = request;
        throw new Error(`Unknown driver request ${JSON.stringify(unreachable)}`);
      }
    }
  });
}

/**
 * Page side: a StoreDriver whose calls run in `worker`. If the worker dies, every
 * pending call is rejected and later calls fail at once.
 */
export function connectDriver(worker: Worker, name: string): Promise<StoreDriver> {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  let nextId = 1;
  let dead: Error | undefined;

  return new Promise<StoreDriver>((resolveOpen, rejectOpen) => {
    const fail = (error: Error): void => {
      dead = error;
      rejectOpen(error);
      for (const call of pending.values()) call.reject(error);
      pending.clear();
    };
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fail(new StorageUnavailableError(`The database worker stopped: ${event.message || 'it could not start'}.`));
    });
    worker.addEventListener('message', (event: MessageEvent) => {
      const response = event.data as DriverResponse;
      switch (response.type) {
        case 'opened':
          resolveOpen(proxy(response.backend));
          return;
        case 'open-failed':
          worker.terminate();
          rejectOpen(fromStoreErrorData(response.error));
          return;
        case 'result': {
          const call = pending.get(response.id);
          pending.delete(response.id);
          if (response.ok) call?.resolve(response.value);
          else call?.reject(fromStoreErrorData(response.error));
          return;
        }
        default: {
          const unreachable: never = response;
          throw new Error(`Unknown driver response ${JSON.stringify(unreachable)}`);
        }
      }
    });
    worker.postMessage({ type: 'open', name } satisfies DriverRequest);

    function call<M extends MethodName>(method: M, args: Parameters<DriverMethods[M]>): Promise<Awaited<ReturnType<DriverMethods[M]>>> {
      if (dead) return Promise.reject(dead);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        worker.postMessage({ type: 'call', id, method, args } as DriverRequest);
      });
    }

    function proxy(backend: BackendName): StoreDriver {
      return {
        backend,
        createSession: (...args) => call('createSession', args),
        getSession: (...args) => call('getSession', args),
        listSessions: (...args) => call('listSessions', args),
        deleteSession: (...args) => call('deleteSession', args),
        appendEvent: (...args) => call('appendEvent', args),
        getUserState: (...args) => call('getUserState', args),
        searchMessages: (...args) => call('searchMessages', args),
        messageStats: (...args) => call('messageStats', args),
        exportSnapshot: (...args) => call('exportSnapshot', args),
        importSnapshot: (...args) => call('importSnapshot', args),
        exportFile: (...args) => call('exportFile', args),
        close: async () => {
          try {
            await call('close', []);
          } finally {
            dead = new StorageUnavailableError('The session store is closed.');
            worker.terminate();
          }
        },
      };
    }
  });
}
