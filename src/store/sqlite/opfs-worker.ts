/// <reference lib="webworker" />
// Entry of the dedicated worker that hosts SQLite on OPFS when the store is opened
// from a page. It only wires things: the driver lives in opfs-in-thread.ts.
import { serveDriver } from '../driver-rpc';
import { openOpfsInThread } from './opfs-in-thread';

serveDriver(self as unknown as DedicatedWorkerGlobalScope, openOpfsInThread);
