import type { Reminder } from '../../protocol/protocol';

/** Timers are re-armed at least this often, so far-off due times never overflow setTimeout. */
export const MAX_TIMER_MS = 60 * 60 * 1000;

/** A reminder's due moment as a key: a changed due time is a new alarm. */
export const alarmKey = (reminder: Reminder): string => `${reminder.id}@${reminder.due ?? ''}`;

export interface DuePlan {
  /** Due now or in the past and not yet announced. */
  due: Reminder[];
  /** Milliseconds until the next due time (capped), or null when nothing is pending. */
  nextIn: number | null;
}

/** Which open reminders are due and unannounced, and when to look again. */
export function planAlarms(reminders: readonly Reminder[], announced: ReadonlySet<string>, now: number): DuePlan {
  const due: Reminder[] = [];
  let next = Infinity;
  for (const reminder of reminders) {
    if (reminder.done || !reminder.due || announced.has(alarmKey(reminder))) continue;
    const at = Date.parse(reminder.due);
    if (Number.isNaN(at)) continue;
    if (at <= now) due.push(reminder);
    else next = Math.min(next, at - now);
  }
  return { due, nextIn: next === Infinity ? null : Math.min(next, MAX_TIMER_MS) };
}

/** The announced alarms kept in local storage, so a reload does not ring them again. */
export function readAnnounced(raw: string | null): Set<string> {
  try {
    const saved: unknown = JSON.parse(raw ?? '[]');
    return new Set(Array.isArray(saved) ? saved.filter((k): k is string => typeof k === 'string') : []);
  } catch {
    // A damaged list only means a reminder might be announced twice.
    return new Set();
  }
}

/** The announced alarms worth keeping: those of reminders that still exist. */
export function liveAnnounced(announced: ReadonlySet<string>, reminders: readonly Reminder[]): Set<string> {
  const live = new Set(reminders.map(alarmKey));
  return new Set([...announced].filter((key) => live.has(key)));
}

/** Keeps only the reminders that are still open (not done, not deleted). */
export function stillOpen(list: readonly Reminder[], reminders: readonly Reminder[]): Reminder[] {
  const open = new Set(reminders.filter((r) => !r.done).map((r) => r.id));
  return list.filter((r) => open.has(r.id));
}
