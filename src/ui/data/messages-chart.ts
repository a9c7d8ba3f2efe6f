import { localDate } from './day-boundaries';

/** The chart's drawing box, in SVG user units; CSS stretches it to the dialog's width. */
export const CHART_WIDTH = 300;
export const CHART_HEIGHT = 64;
const GAP = 2;

export interface DayBar {
  /** YYYY-MM-DD, local. */
  day: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The bar's tooltip and accessible text. */
  title: string;
}

/** Per-day counts for the intervals that start at each boundary but the last. */
function days(counts: readonly number[], boundaries: readonly number[]): { day: string; count: number }[] {
  return boundaries.slice(0, -1).map((start, i) => ({ day: localDate(start), count: counts[i] ?? 0 }));
}

const messages = (n: number) => `${n.toLocaleString('en')} message${n === 1 ? '' : 's'}`;

/**
 * One bar per day, scaled so the busiest day fills the height. A day with any messages
 * gets at least 2 units, so a single message still shows next to a busy day.
 */
export function chartBars(counts: readonly number[], boundaries: readonly number[]): DayBar[] {
  const list = days(counts, boundaries);
  const most = Math.max(1, ...list.map((d) => d.count));
  const slot = CHART_WIDTH / Math.max(1, list.length);
  return list.map(({ day, count }, i) => {
    const height = count === 0 ? 0 : Math.max(2, (count / most) * CHART_HEIGHT);
    return {
      day,
      count,
      x: i * slot + GAP / 2,
      y: CHART_HEIGHT - height,
      width: Math.max(1, slot - GAP),
      height,
      title: `${day}: ${messages(count)}`,
    };
  });
}

/** "Messages per day, last 30 days: 42 in total, most on 2026-11-20 (9)"; ties go to the latest day. */
export function chartSummary(counts: readonly number[], boundaries: readonly number[]): string {
  const list = days(counts, boundaries);
  const head = `Messages per day, last ${list.length} days`;
  const total = list.reduce((sum, d) => sum + d.count, 0);
  if (total === 0) return `${head}: none`;
  const busiest = list.reduce((best, d) => (d.count >= best.count ? d : best));
  return `${head}: ${total.toLocaleString('en')} in total, most on ${busiest.day} (${busiest.count.toLocaleString('en')})`;
}
