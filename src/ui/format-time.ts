/** "just now", "5 min ago", "14:05", "Mon", "3 Nov": short, for lists. */
export function relativeTime(timestamp: number, now = Date.now()): string {
  const seconds = Math.round((now - timestamp) / 1000);
  if (seconds < 45) return 'just now';
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min ago`;
  const date = new Date(timestamp);
  const today = new Date(now);
  if (date.toDateString() === today.toDateString()) return shortTime(timestamp);
  if (now - timestamp < 6 * 86_400_000) return date.toLocaleDateString([], { weekday: 'short' });
  return date.toLocaleDateString([], { day: 'numeric', month: 'short', ...(date.getFullYear() !== today.getFullYear() ? { year: 'numeric' } : {}) });
}

/** The inspector's clock: 14:05:09.123, local time. */
export function clockTime(timestamp: number): string {
  const date = new Date(timestamp);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** A due time for people: "today 17:00", "tomorrow 09:00", "Fri 21 Nov 17:00". */
export function dueLabel(iso: string, now = Date.now()): string {
  const due = new Date(iso);
  const time = shortTime(due.getTime());
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(due) - day(new Date(now))) / 86_400_000);
  if (days === 0) return `today ${time}`;
  if (days === 1) return `tomorrow ${time}`;
  if (days === -1) return `yesterday ${time}`;
  const year = due.getFullYear() !== new Date(now).getFullYear() ? { year: 'numeric' as const } : {};
  return `${due.toLocaleDateString([], { weekday: 'short', day: 'numeric', month: 'short', ...year })} ${time}`;
}

/** Hours and minutes in the user's locale, the same everywhere in the app. */
export function shortTime(timestamp: number): string {
  return new Date(timestamp).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
