import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../protocol/protocol';
import { MAX_TIMER_MS, alarmKey, liveAnnounced, planAlarms, readAnnounced, stillOpen } from './due-schedule';

const now = Date.parse('2026-11-21T12:00:00Z');
const at = (offsetMs: number) => new Date(now + offsetMs).toISOString();
const reminder = (id: string, extra: Partial<Reminder> = {}): Reminder => ({ id, text: id, createdAt: 0, ...extra });

describe('planAlarms', () => {
  it('finds due, unannounced, open reminders and the wait until the next one', () => {
    const plan = planAlarms(
      [reminder('past', { due: at(-5000) }), reminder('soon', { due: at(3000) }), reminder('later', { due: at(60_000) }), reminder('none')],
      new Set(),
      now,
    );
    expect(plan.due.map((r) => r.id)).toEqual(['past']);
    expect(plan.nextIn).toBe(3000);
  });

  it('skips done and already announced reminders, but a changed due time is a new alarm', () => {
    const announced = reminder('a', { due: at(-1000) });
    const plan = planAlarms([announced, reminder('b', { due: at(-1000), done: true })], new Set([alarmKey(announced)]), now);
    expect(plan).toEqual({ due: [], nextIn: null });
    const moved = { ...announced, due: at(-10) };
    expect(planAlarms([moved], new Set([alarmKey(announced)]), now).due).toEqual([moved]);
  });

  it('caps the wait so far-off reminders re-arm instead of overflowing a timer', () => {
    expect(planAlarms([reminder('x', { due: at(40 * 86_400_000) })], new Set(), now).nextIn).toBe(MAX_TIMER_MS);
  });
});

describe('announced alarms', () => {
  it('survive a reload, and a damaged list is treated as empty', () => {
    expect([...readAnnounced('["a@x","b@"]')]).toEqual(['a@x', 'b@']);
    expect([...readAnnounced('{oops')]).toEqual([]);
    expect([...readAnnounced('[1,"ok"]')]).toEqual(['ok']);
  });

  it('are forgotten once their reminder is gone or its due time changed', () => {
    const kept = reminder('kept', { due: at(-1) });
    expect([...liveAnnounced(new Set([alarmKey(kept), 'gone@x', 'kept@old']), [kept])]).toEqual([alarmKey(kept)]);
  });

  it('drop notices of reminders that were ticked done or deleted', () => {
    const a = reminder('a');
    const b = reminder('b');
    expect(stillOpen([a, b], [{ ...a, done: true }])).toEqual([]);
    expect(stillOpen([a, b], [a, b])).toEqual([a, b]);
  });
});
