import { EngineError } from './engine-error';
import { PROTOCOL_VERSION } from './protocol';
import { createEngineClient, type EngineClient } from './rpc-client';

/**
 * Connects to the engine worker. If the worker crashes or cannot start, every pending
 * and later call fails with a message that says what to do; a worker built from a
 * different protocol version (a half-updated app) is refused the same way.
 */
export function connectEngineWorker(worker: Worker): EngineClient {
  const client = createEngineClient(worker);
  const crashed = (detail: string) =>
    new EngineError({
      name: 'EngineError',
      code: 'engine-crashed',
      message: `Hearth's engine stopped (${detail}). Your saved data is safe; reload the page to continue.`,
      retryable: false,
    });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    client.fail(crashed(event.message || 'it could not start'));
  });
  worker.addEventListener('messageerror', () => client.fail(crashed('a message could not be read')));
  void client.ready.then((ready) => {
    if (ready.protocolVersion !== PROTOCOL_VERSION) {
      client.fail(
        new EngineError({
          name: 'EngineError',
          code: 'protocol-mismatch',
          message: `This page and Hearth's engine are from different versions (${PROTOCOL_VERSION} and ${ready.protocolVersion}). Reload the page.`,
        }),
      );
    }
  }, () => undefined);
  return client;
}
