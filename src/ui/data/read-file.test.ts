import { describe, expect, it } from 'vitest';
import { readFileBytes } from './read-file';

describe('reading a chosen file', () => {
  it('returns every byte and reports progress from 0 to 1, never backwards', async () => {
    const content = new Uint8Array(300_000).map((_, i) => i % 251);
    const progress: number[] = [];
    const bytes = await readFileBytes(new File([content], 'hearth.sqlite3'), (fraction) => progress.push(fraction));
    expect(bytes.length).toBe(content.length);
    expect(bytes.every((b, i) => b === content[i])).toBe(true);
    expect(bytes.buffer.byteLength).toBe(content.length);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('reads an empty file', async () => {
    const progress: number[] = [];
    expect(await readFileBytes(new File([], 'empty.db'), (f) => progress.push(f))).toEqual(new Uint8Array());
    expect(progress.at(-1)).toBe(1);
  });
});
