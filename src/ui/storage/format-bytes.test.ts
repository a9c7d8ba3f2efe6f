import { expect, it } from 'vitest';
import { formatBytes } from './format-bytes';

it('formats sizes in decimal units, briefly', () => {
  expect(formatBytes(0)).toBe('0 B');
  expect(formatBytes(999)).toBe('999 B');
  expect(formatBytes(1536)).toBe('1.5 kB');
  expect(formatBytes(12_345_678)).toBe('12 MB');
  expect(formatBytes(2.5e12)).toBe('2.5 TB');
});
