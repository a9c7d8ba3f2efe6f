import { InvalidArgumentError } from '../../store/errors';

/** A time as `YYYY-MM-DD HH:mm`: sortable, and read alike in every locale. */
export interface LocalTimeFormat {
  (timestamp: number): string;
  /** The zone's IANA name, e.g. "Europe/Lisbon", resolved when none was given. */
  readonly timeZone: string;
}

/** Formats in `timeZone` (an IANA name), or the runtime's zone when it is left out. */
export function localTimeFormat(timeZone?: string): LocalTimeFormat {
  let format: Intl.DateTimeFormat;
  try {
    // h23, not hour12: false, which some engines print as "24:05" just after midnight.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  } catch (error) {
    throw new InvalidArgumentError(`Unknown time zone "${timeZone}"; use an IANA name such as "Europe/Lisbon" or "UTC".`, { cause: error });
  }
  const formatted = (timestamp: number) => {
    const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
    for (const part of format.formatToParts(timestamp)) parts[part.type] = part.value;
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  };
  return Object.assign(formatted, { timeZone: format.resolvedOptions().timeZone });
}

/** The `YYYY-MM-DD` of a time, in the runtime's zone. */
export function localDate(timestamp: number): string {
  return localTimeFormat()(timestamp).slice(0, 10);
}
