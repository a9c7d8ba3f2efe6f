import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../store/errors';
import { localTimeFormat } from './local-time';

describe('localTimeFormat', () => {
  it('prints YYYY-MM-DD HH:mm in the zone, with 00 just after midnight', () => {
    const time = localTimeFormat('UTC');
    expect(time(Date.UTC(2026, 0, 2, 0, 5, 59))).toBe('2026-01-02 00:05');
    expect(localTimeFormat('America/New_York')(Date.UTC(2026, 0, 2, 0, 5))).toBe('2026-01-01 19:05');
    expect(time.timeZone).toBe('UTC');
  });

  it('refuses an unknown zone with a hint', () => {
    expect(() => localTimeFormat('Mars/Olympus')).toThrow(InvalidArgumentError);
    expect(() => localTimeFormat('Mars/Olympus')).toThrow(/IANA/);
  });
});
