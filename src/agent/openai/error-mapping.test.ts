import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_AFTER_MS, MAX_RETRY_AFTER_MS, retryAfterMs } from './error-mapping';

describe('retryAfterMs', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  const headers = (value?: string) => new Headers(value === undefined ? {} : { 'retry-after': value });

  it('reads delta-seconds', () => {
    expect(retryAfterMs(headers('1'), now)).toBe(1000);
    expect(retryAfterMs(headers('0.5'), now)).toBe(500);
    expect(retryAfterMs(headers('0'), now)).toBe(0);
  });

  it('reads an HTTP date', () => {
    expect(retryAfterMs(headers('Wed, 01 Jan 2025 00:00:05 GMT'), now)).toBe(5000);
    expect(retryAfterMs(headers('Tue, 31 Dec 2024 23:59:00 GMT'), now)).toBe(0);
  });

  it('caps the wait at 60 s', () => {
    expect(retryAfterMs(headers('120'), now)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs(headers('Wed, 01 Jan 2025 01:00:00 GMT'), now)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('waits 2 s when the header is absent or unreadable', () => {
    expect(retryAfterMs(undefined, now)).toBe(DEFAULT_RETRY_AFTER_MS);
    expect(retryAfterMs(headers(), now)).toBe(DEFAULT_RETRY_AFTER_MS);
    expect(retryAfterMs(headers('soon'), now)).toBe(DEFAULT_RETRY_AFTER_MS);
  });
});
