import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayStart, searchRange } from './date-range';

describe('search date range', () => {
  const zone = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = 'America/New_York';
  });
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('reads a date input as local midnight, not UTC', () => {
    expect(dayStart('2026-11-21')?.getTime()).toBe(new Date(2026, 10, 21).getTime());
    expect(dayStart('2026-11-21')?.toISOString()).toBe('2026-11-21T05:00:00.000Z');
  });

  it('makes To inclusive of its whole day by ending at the next midnight', () => {
    expect(searchRange('2026-11-01', '2026-11-21')).toEqual({ from: new Date(2026, 10, 1).getTime(), to: new Date(2026, 10, 22).getTime() });
    expect(searchRange('2026-12-31', '2026-12-31')).toEqual({ from: new Date(2026, 11, 31).getTime(), to: new Date(2027, 0, 1).getTime() });
  });

  it('ends a daylight-saving day at the real next midnight (25 hours later)', () => {
    // New York: clocks go back on 1 November 2026.
    const { from, to } = searchRange('2026-11-01', '2026-11-01');
    expect((to! - from!) / 3_600_000).toBe(25);
  });

  it('leaves an end open when its input is empty or not a date', () => {
    expect(searchRange('', '')).toEqual({});
    expect(searchRange('2026-11-01', '')).toEqual({ from: new Date(2026, 10, 1).getTime() });
    expect(searchRange('', '2026-02-30')).toEqual({});
    expect(dayStart('21/11/2026')).toBeNull();
  });
});
