import { describe, expect, it } from 'vitest';
import { clockTime, dueLabel, relativeTime } from './format-time';

const noon = new Date(2026, 10, 21, 12, 0, 0).getTime();

describe('time labels', () => {
  it('says how long ago, briefly', () => {
    expect(relativeTime(noon - 10_000, noon)).toBe('just now');
    expect(relativeTime(noon - 5 * 60_000, noon)).toBe('5 min ago');
    expect(relativeTime(new Date(2026, 9, 3).getTime(), noon)).toMatch(/3/);
  });

  it('names the day of a due time relative to today', () => {
    expect(dueLabel(new Date(2026, 10, 21, 17, 0).toISOString(), noon)).toMatch(/^today /);
    expect(dueLabel(new Date(2026, 10, 22, 9, 0).toISOString(), noon)).toMatch(/^tomorrow /);
    expect(dueLabel(new Date(2026, 10, 20, 9, 0).toISOString(), noon)).toMatch(/^yesterday /);
  });

  it('prints the inspector clock with milliseconds', () => {
    expect(clockTime(new Date(2026, 10, 21, 9, 5, 7, 42).getTime())).toBe('09:05:07.042');
  });
});

describe('due label across years', () => {
  it('names the year only when it is not this year', () => {
    expect(dueLabel(new Date(2030, 4, 4, 9, 0).toISOString(), noon)).toMatch(/2030/);
    expect(dueLabel(new Date(2026, 11, 24, 9, 0).toISOString(), noon)).not.toMatch(/2026/);
  });
});
