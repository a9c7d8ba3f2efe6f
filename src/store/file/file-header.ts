import { InvalidFileError } from '../errors';

/** The SQLite 3 file header, https://sqlite.org/fileformat2.html#the_database_header */
const MAGIC = 'SQLite format 3\u0000';
const HEADER_BYTES = 100;

const u16 = (bytes: Uint8Array, at: number): number => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
const u32 = (bytes: Uint8Array, at: number): number => (u16(bytes, at) * 65536 + u16(bytes, at + 2)) >>> 0;

const MADE_WITH = 'Choose a file made with "Download database".';

/**
 * Checks what the header alone can tell, before SQLite reads the file: that it is a
 * SQLite 3 database, whole, and not in WAL mode. Throws InvalidFileError.
 */
export function checkHeader(bytes: Uint8Array, maxBytes: number): void {
  if (bytes.length > maxBytes) {
    throw new InvalidFileError('too-large', `This file is ${mib(bytes.length)}; Hearth accepts database files up to ${mib(maxBytes)}.`);
  }
  const magic = new TextDecoder('latin1').decode(bytes.subarray(0, MAGIC.length));
  if (magic !== MAGIC) {
    throw new InvalidFileError('not-sqlite', `This file is not a SQLite database (it does not start with "SQLite format 3"). ${MADE_WITH}`);
  }
  if (bytes.length < HEADER_BYTES) throw truncated(bytes.length, HEADER_BYTES);
  const rawPageSize = u16(bytes, 16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    throw new InvalidFileError('corrupt', `This database file is damaged: its header gives an impossible page size (${rawPageSize}).`);
  }
  const write = bytes[18];
  const read = bytes[19];
  if (write === 2 || read === 2) {
    throw new InvalidFileError(
      'wal',
      'This database is in WAL mode, so its latest changes may be in a separate "-wal" file that cannot be uploaded with it. ' +
        'Open it with the sqlite3 tool, run "PRAGMA journal_mode=DELETE;", and upload it again.',
    );
  }
  if (write !== 1 || read !== 1) {
    throw new InvalidFileError('corrupt', 'This database file is damaged or from an unknown SQLite version (its header has unknown format numbers).');
  }
  if (bytes.length % pageSize !== 0) throw truncated(bytes.length, Math.ceil(bytes.length / pageSize) * pageSize);
  // The header's page count is only trusted when it was written by the same change as the file.
  const pages = u32(bytes, 28);
  if (pages > 0 && u32(bytes, 24) === u32(bytes, 92) && pages * pageSize > bytes.length) throw truncated(bytes.length, pages * pageSize);
}

function truncated(have: number, want: number): InvalidFileError {
  return new InvalidFileError(
    'truncated',
    `This database file is incomplete: it has ${have.toLocaleString('en')} of at least ${want.toLocaleString('en')} bytes. ` +
      'The download or copy was probably cut short; download it again.',
  );
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`;
