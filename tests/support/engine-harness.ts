// Runs the engine in-thread over a MessageChannel, the way the UI talks to the worker.
import { createEngine, type EngineDeps } from '../../src/engine/engine';
import { createEngineClient, type EngineClient } from '../../src/protocol/rpc-client';
import type { EngineEvent } from '../../src/protocol/protocol';
import type { SessionService } from '../../src/store';

export interface EngineHarness {
  client: EngineClient;
  events: EngineEvent[];
  ready: Extract<EngineEvent, { type: 'ready' }>;
  /** Resolves with the turn-finished event of `turnId`. */
  finished(turnId: string): Promise<Extract<EngineEvent, { type: 'turn-finished' }>>;
  close(): void;
}

export async function startEngine(
  openStore: () => Promise<SessionService>,
  options: Partial<Omit<EngineDeps, 'endpoint' | 'openStore'>> = {},
): Promise<EngineHarness> {
  const { port1, port2 } = new MessageChannel();
  const client = createEngineClient(port1);
  const events: EngineEvent[] = [];
  const waiters: Array<(event: EngineEvent) => void> = [];
  client.onEvent((event) => {
    events.push(event);
    for (const waiter of [...waiters]) waiter(event);
  });
  const readyEvent = new Promise<Extract<EngineEvent, { type: 'ready' }>>((resolve) => {
    waiters.push((event) => {
      if (event.type === 'ready') resolve(event);
    });
  });
  createEngine({ endpoint: port2, openStore, locks: null, channel: null, ...options });
  const ready = await readyEvent;
  return {
    client,
    events,
    ready,
    finished: (turnId) =>
      new Promise((resolve) => {
        const found = events.find((e) => e.type === 'turn-finished' && e.turnId === turnId);
        if (found?.type === 'turn-finished') return resolve(found);
        waiters.push((event) => {
          if (event.type === 'turn-finished' && event.turnId === turnId) resolve(event);
        });
      }),
    close: () => {
      port1.close();
      port2.close();
    },
  };
}
