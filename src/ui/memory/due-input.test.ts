import { describe, expect, it } from 'vitest';
import { fromLocalInput, isOverdue, toLocalInput } from './due-input';

describe('due-time input', () => {
  it('round-trips local wall-clock time through ISO 8601', () => {
    const iso = fromLocalInput('2026-11-21T17:05');
    expect(iso).toBe(new Date(2026, 10, 21, 17, 5).toISOString());
    expect(toLocalInput(iso)).toBe('2026-11-21T17:05');
  });

  it('treats empty or invalid values as no due time', () => {
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('tomorrow')).toBeUndefined();
    expect(toLocalInput(undefined)).toBe('');
    expect(toLocalInput('garbage')).toBe('');
  });

  it('knows when a due time has passed', () => {
    expect(isOverdue('2026-11-21T10:00:00.000Z', Date.parse('2026-11-21T10:00:01Z'))).toBe(true);
    expect(isOverdue('2026-11-21T10:00:00.000Z', Date.parse('2026-11-21T09:59:59Z'))).toBe(false);
    expect(isOverdue(undefined)).toBe(false);
  });
});
