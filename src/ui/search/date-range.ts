/** `<input type="date">`'s value (YYYY-MM-DD, a local calendar day) as that day's local midnight. */
export function dayStart(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  // Not `new Date(value)`: a bare date string is read as UTC midnight, not local.
  const date = new Date(year, month, day);
  return date.getFullYear() === year && date.getMonth() === month && date.getDate() === day ? date : null;
}

/**
 * The search's time range from the From and To date inputs: From's local midnight
 * (inclusive) and the midnight after To (exclusive), so To includes that whole day.
 * Empty or invalid inputs leave that end open.
 */
export function searchRange(from: string, to: string): { from?: number; to?: number } {
  const start = dayStart(from);
  const end = dayStart(to);
  if (end) end.setDate(end.getDate() + 1);
  return { ...(start ? { from: start.getTime() } : {}), ...(end ? { to: end.getTime() } : {}) };
}
