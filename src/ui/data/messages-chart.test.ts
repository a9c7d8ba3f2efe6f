import { describe, expect, it } from 'vitest';
import { dayBoundaries } from './day-boundaries';
import { CHART_HEIGHT, CHART_WIDTH, chartBars, chartSummary } from './messages-chart';

const boundaries = dayBoundaries(new Date(2026, 10, 21, 12), 30);
const counts = (values: Record<number, number>) => Array.from({ length: 30 }, (_, i) => values[i] ?? 0);

describe('messages per day chart', () => {
  it('draws one bar per day across the width, the busiest day at full height', () => {
    const bars = chartBars(counts({ 0: 3, 28: 9, 29: 1 }), boundaries);
    expect(bars).toHaveLength(30);
    expect(bars[0]).toMatchObject({ day: '2026-10-23', count: 3, height: (3 / 9) * CHART_HEIGHT });
    expect(bars[28]).toMatchObject({ day: '2026-11-20', count: 9, y: 0, height: CHART_HEIGHT, title: '2026-11-20: 9 messages' });
    expect(bars[29]).toMatchObject({ day: '2026-11-21', title: '2026-11-21: 1 message' });
    expect(bars[29]!.x + bars[29]!.width).toBeLessThanOrEqual(CHART_WIDTH);
    for (const bar of bars) expect(bar.y + bar.height).toBeCloseTo(CHART_HEIGHT);
  });

  it('keeps a lone message visible next to a busy day, and empty days flat', () => {
    const bars = chartBars(counts({ 1: 1000, 2: 1 }), boundaries);
    expect(bars[2]!.height).toBe(2);
    expect(bars[3]!.height).toBe(0);
  });

  it('treats missing counts as zero', () => {
    expect(chartBars([], boundaries).every((b) => b.count === 0 && b.height === 0)).toBe(true);
  });

  it('summarises the total and the busiest day (the latest of ties)', () => {
    expect(chartSummary(counts({ 0: 9, 5: 24, 28: 9 }), boundaries)).toBe('Messages per day, last 30 days: 42 in total, most on 2026-10-28 (24)');
    expect(chartSummary(counts({ 3: 5, 20: 5 }), boundaries)).toBe('Messages per day, last 30 days: 10 in total, most on 2026-11-12 (5)');
    expect(chartSummary(counts({}), boundaries)).toBe('Messages per day, last 30 days: none');
  });
});
