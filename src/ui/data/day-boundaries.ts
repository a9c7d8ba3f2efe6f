/** How many days the "messages per day" chart covers: today and the 29 days before it. */
export const CHART_DAYS = 30;

/**
 * Local midnights for counting messages per day: the midnight `days - 1` days before today,
 * each following one, and tomorrow's midnight as the end, so `days + 1` boundaries make
 * `days` intervals with today last. Built with setDate rather than adding 86 400 000 ms:
 * a day with a daylight-saving change is 23 or 25 hours long.
 */
export function dayBoundaries(now: Date | number, days = CHART_DAYS): number[] {
  const today = new Date(now);
  const boundaries: number[] = [];
  for (let i = -(days - 1); i <= 1; i++) {
    const midnight = new Date(today.getFullYear(), today.getMonth(), today.getDate());
    midnight.setDate(midnight.getDate() + i);
    boundaries.push(midnight.getTime());
  }
  return boundaries;
}

/** A local calendar date as YYYY-MM-DD (what `<input type="date">` speaks, and unambiguous in any locale). */
export function localDate(timestamp: number): string {
  const date = new Date(timestamp);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
