/// <reference lib="webworker" />
// The engine's worker entry: a composition root that only wires platform pieces.
import { openSessionService } from '../store';
import { createEngine } from './engine';

const scope = self as unknown as DedicatedWorkerGlobalScope;

void createEngine({
  endpoint: scope,
  openStore: () => openSessionService({ backend: 'auto' }),
  locks: scope.navigator.locks,
  channel: new BroadcastChannel('hearth:tabs'),
  isOnline: () => scope.navigator.onLine,
}).ready;
