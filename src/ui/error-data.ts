import { EngineError } from '../protocol/engine-error';
import type { ErrorData } from '../protocol/protocol';

/** Anything a call threw, as the data the UI shows: message, and what can be offered. */
export function errorData(error: unknown): ErrorData {
  if (error instanceof EngineError) {
    return { name: error.kind, code: error.code, message: error.message, retryable: error.retryable, offerOffline: error.offerOffline };
  }
  return { name: 'Error', code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
