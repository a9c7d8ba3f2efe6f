import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayBoundaries, localDate } from './day-boundaries';

describe('day boundaries', () => {
  const zone = process.env.TZ;
  // Node re-reads TZ when it is assigned, so the daylight-saving days below are real ones.
  beforeEach(() => {
    process.env.TZ = 'Europe/Berlin';
  });
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('gives 31 local midnights: 29 days ago through tomorrow, so today is the last of 30 days', () => {
    const boundaries = dayBoundaries(new Date(2026, 10, 21, 15, 30));
    expect(boundaries).toHaveLength(31);
    expect(localDate(boundaries[0]!)).toBe('2026-10-23');
    expect(localDate(boundaries[29]!)).toBe('2026-11-21');
    expect(localDate(boundaries[30]!)).toBe('2026-11-22');
    for (const boundary of boundaries) {
      const date = new Date(boundary);
      expect([date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds()]).toEqual([0, 0, 0, 0]);
    }
  });

  it('stays on midnight across daylight-saving changes (23- and 25-hour days)', () => {
    // Berlin: clocks go back on 25 October 2026 and forward on 29 March 2026.
    const autumn = dayBoundaries(new Date(2026, 10, 5, 0, 10));
    const lengths = autumn.slice(1).map((b, i) => (b - autumn[i]!) / 3_600_000);
    expect(lengths.filter((h) => h === 25)).toHaveLength(1);
    expect(lengths.filter((h) => h !== 24 && h !== 25)).toEqual([]);
    expect(localDate(autumn.at(-1)!)).toBe('2026-11-06');

    const spring = dayBoundaries(new Date(2026, 3, 10, 23, 59), 15);
    const springLengths = spring.slice(1).map((b, i) => (b - spring[i]!) / 3_600_000);
    expect(springLengths.filter((h) => h === 23)).toHaveLength(1);
    expect(spring.map((b) => new Date(b).getHours())).toEqual(spring.map(() => 0));
  });

  it('crosses month and year ends', () => {
    const boundaries = dayBoundaries(new Date(2027, 0, 3, 8), 5);
    expect(boundaries.map(localDate)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04']);
  });
});
