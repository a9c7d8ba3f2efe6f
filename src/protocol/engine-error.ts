import type { ErrorData } from './protocol';

/** An error from the engine, revived on the UI side from its data. */
export class EngineError extends Error {
  override name = 'EngineError';
  readonly code: string;
  readonly retryable: boolean;
  readonly offerOffline: boolean;
  /** The original error's class name on the engine side, e.g. 'StaleSessionError'. */
  readonly kind: string;

  constructor(data: ErrorData) {
    super(data.message);
    this.code = data.code;
    this.kind = data.name;
    this.retryable = data.retryable ?? false;
    this.offerOffline = data.offerOffline ?? false;
  }
}

/** Any thrown value as ErrorData: never a raw Error across postMessage, and what the UI shows. */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof Error) {
    const { code, retryable, offerOffline } = error as Error & { code?: unknown; retryable?: unknown; offerOffline?: unknown };
    return {
      // A revived engine error keeps the class name it had on the engine side.
      name: error instanceof EngineError ? error.kind : error.name,
      code: typeof code === 'string' ? code : 'internal',
      message: error.message,
      ...(typeof retryable === 'boolean' ? { retryable } : {}),
      ...(typeof offerOffline === 'boolean' ? { offerOffline } : {}),
    };
  }
  return { name: 'Error', code: 'internal', message: String(error) };
}
