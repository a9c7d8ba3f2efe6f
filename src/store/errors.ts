/**
 * Store errors: classes with an explicit `name` (minifiers mangle constructor names),
 * a literal `code` that survives `postMessage` as data, and the original `cause`.
 */

export type StoreErrorCode =
  | 'already-exists'
  | 'session-not-found'
  | 'stale-session'
  | 'storage-unavailable'
  | 'storage-in-use'
  | 'storage-full'
  | 'schema-version'
  | 'invalid-argument'
  | 'invalid-file'
  | 'closed'
  | 'internal';

export class StoreError extends Error {
  override name = 'StoreError';
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export class AlreadyExistsError extends StoreError {
  override name = 'AlreadyExistsError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('already-exists', message, options);
  }
}

export class SessionNotFoundError extends StoreError {
  override name = 'SessionNotFoundError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('session-not-found', message, options);
  }
}

/** The session object is older than storage: nothing was written; reload and retry. */
export class StaleSessionError extends StoreError {
  override name = 'StaleSessionError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('stale-session', message, options);
  }
}

export class StorageUnavailableError extends StoreError {
  override name = 'StorageUnavailableError';
  constructor(
    message: string,
    options?: { cause?: unknown; code?: 'storage-unavailable' | 'storage-in-use' | 'storage-full' },
  ) {
    super(options?.code ?? 'storage-unavailable', message, options);
  }
}

/** The data was written by a newer Hearth: refuse to open it, never overwrite it. */
export class SchemaVersionError extends StoreError {
  override name = 'SchemaVersionError';
  readonly found: number;
  readonly supported: number;
  constructor(found: number, supported: number, options?: { cause?: unknown }) {
    super(
      'schema-version',
      `This data was written by a newer version of Hearth (schema ${found}; this version reads up to ${supported}). ` +
        'Update Hearth (reload the page) to open it; nothing was changed.',
      options,
    );
    this.found = found;
    this.supported = supported;
  }
}

export class InvalidArgumentError extends StoreError {
  override name = 'InvalidArgumentError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('invalid-argument', message, options);
  }
}

/** Why an uploaded database file was refused. */
export type InvalidFileReason = 'too-large' | 'not-sqlite' | 'truncated' | 'wal' | 'corrupt' | 'foreign';

/** A database file that cannot be imported; nothing was changed. */
export class InvalidFileError extends StoreError {
  override name = 'InvalidFileError';
  readonly reason: InvalidFileReason;
  constructor(reason: InvalidFileReason, message: string, options?: { cause?: unknown }) {
    super('invalid-file', message, options);
    this.reason = reason;
  }
}

export class StoreClosedError extends StoreError {
  override name = 'StoreClosedError';
  constructor() {
    super('closed', 'The session store is closed.');
  }
}

/** Serialised form of a store error, safe to `postMessage`. */
export interface StoreErrorData {
  name: string;
  code: StoreErrorCode;
  message: string;
  found?: number;
  supported?: number;
  reason?: InvalidFileReason;
}

export function toStoreErrorData(error: unknown): StoreErrorData {
  if (error instanceof SchemaVersionError) {
    return { name: error.name, code: error.code, message: error.message, found: error.found, supported: error.supported };
  }
  if (error instanceof InvalidFileError) return { name: error.name, code: error.code, message: error.message, reason: error.reason };
  if (error instanceof StoreError) return { name: error.name, code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { name: 'StoreError', code: 'internal', message };
}

/** Revives a serialised error as the matching class, so `instanceof` works across a worker boundary. */
export function fromStoreErrorData(data: StoreErrorData): StoreError {
  switch (data.code) {
    case 'already-exists':
      return new AlreadyExistsError(data.message);
    case 'session-not-found':
      return new SessionNotFoundError(data.message);
    case 'stale-session':
      return new StaleSessionError(data.message);
    case 'storage-unavailable':
    case 'storage-in-use':
    case 'storage-full':
      return new StorageUnavailableError(data.message, { code: data.code });
    case 'schema-version':
      return new SchemaVersionError(data.found ?? 0, data.supported ?? 0);
    case 'invalid-argument':
      return new InvalidArgumentError(data.message);
    case 'invalid-file':
      return new InvalidFileError(data.reason ?? 'corrupt', data.message);
    case 'closed':
      return new StoreClosedError();
    case 'internal':
      return new StoreError('internal', data.message);
    default: {
      const unreachable: never = data.code;
      return new StoreError('internal', String(unreachable));
    }
  }
}
