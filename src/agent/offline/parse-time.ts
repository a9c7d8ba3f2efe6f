/**
 * Finds when a reminder is due in plain English ("at 5pm", "tomorrow at 9", "on friday at
 * 10am", "in 2 hours") and takes that phrase out of its text. Pure: `now` is passed in, and
 * every date is built in local time, so results do not depend on the machine's clock.
 */

export interface DueExtraction {
  /** The text without the time phrase: "call the dentist at 5pm" → "call the dentist". */
  text: string;
  /** When it is due (local time); undefined when the text names no time. */
  due?: Date;
}

interface ClockTime {
  hour: number;
  minute: number;
  /** False for "at 5" or "5:30": the hour may mean the afternoon. */
  definite: boolean;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90,
};
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** The hour a part of the day stands for when no time is given. */
const PART_OF_DAY: Record<string, number> = { morning: 9, afternoon: 14, evening: 18, night: 20, tonight: 20 };
const DEFAULT_HOUR = 9;

const AMOUNT = String.raw`half\s+an?|a\s+couple\s+of|couple\s+of|forty[\s-]five|\d+(?:\.\d+)?|${Object.keys(NUMBER_WORDS).join('|')}`;
const RELATIVE = new RegExp(String.raw`\b(?:in|within)\s+(${AMOUNT})\s*(minutes?|mins?|hours?|hrs?|days?|weeks?|h|m)\b`, 'i');
const DAY = /\b((?:the\s+)?day\s+after\s+(?:tomorrow|tmrw)|tomorrow|tomorow|tmrw|tmr|today|tonight|this\s+(?:morning|afternoon|evening))\b(?:\s+(morning|afternoon|evening|night))?/i;
const WEEKDAY = new RegExp(String.raw`\b(?:(?:on|by|this|next|coming)\s+)*(${WEEKDAYS.join('|')})s?\b(?:\s+(morning|afternoon|evening|night))?`, 'i');
const IN_THE = /\b(?:in\s+the\s+(morning|afternoon|evening)|at\s+(night))\b/i;
const PREFIX = String.raw`(?:\b(?:at|by|for|around)\s+|@\s*)?`;
const MERIDIEM_TIME = new RegExp(PREFIX + String.raw`\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?`, 'i');
const CLOCK_TIME = new RegExp(PREFIX + String.raw`\b(\d{1,2}):(\d{2})\b`, 'i');
const NAMED_TIME = /\b(?:(?:at|by|around)\s+)?(noon|midday|midnight)\b/i;
const HOUR_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve';
const AT_HOUR = new RegExp(String.raw`\b(?:at|by|around)\s+(\d{1,2})(?:\s*o['’]?clock)?\b(?![:.]\d)`, 'i');
const OCLOCK = new RegExp(String.raw`${PREFIX}\b(\d{1,2}|${HOUR_WORDS})\s*o['’]?clock\b`, 'i');

type Span = [start: number, end: number];
const spanOf = (m: RegExpExecArray): Span => [m.index, m.index + m[0].length];

function amountOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (w.startsWith('half')) return 0.5;
  if (w.includes('couple')) return 2;
  if (/^forty[ -]five$/.test(w)) return 45;
  if (/^\d/.test(w)) return Number(w);
  return NUMBER_WORDS[w];
}

function hourWord(word: string): number {
  return /^\d/.test(word) ? Number(word) : HOUR_WORDS.split('|').indexOf(word.toLowerCase()) + 1;
}

function findTime(text: string): { time: ClockTime; span: Span } | undefined {
  const m1 = MERIDIEM_TIME.exec(text);
  if (m1) {
    const hour = Number(m1[1]);
    const minute = Number(m1[2] ?? 0);
    const pm = (m1[3] ?? '').toLowerCase() === 'p';
    if (hour >= 1 && hour <= 12 && minute < 60) return { time: { hour: (hour % 12) + (pm ? 12 : 0), minute, definite: true }, span: spanOf(m1) };
  }
  const m2 = CLOCK_TIME.exec(text);
  if (m2) {
    const raw = m2[1] ?? '';
    const hour = Number(raw);
    const minute = Number(m2[2]);
    if (hour <= 23 && minute < 60) return { time: { hour, minute, definite: raw.startsWith('0') || hour === 0 || hour > 12 }, span: spanOf(m2) };
  }
  const m3 = NAMED_TIME.exec(text);
  if (m3) return { time: { hour: (m3[1] ?? '').toLowerCase() === 'midnight' ? 0 : 12, minute: 0, definite: true }, span: spanOf(m3) };
  const m4 = AT_HOUR.exec(text) ?? OCLOCK.exec(text);
  if (m4) {
    const hour = hourWord(m4[1] ?? '');
    if (hour <= 23) return { time: { hour, minute: 0, definite: hour === 0 || hour > 12 }, span: spanOf(m4) };
  }
  return undefined;
}

/** "at 5" means 17:00, "tonight at 8" 20:00; "at 9" stays 9:00. */
function resolveHour(time: ClockTime, partHour: number | undefined): number {
  if (time.definite || time.hour >= 12) return time.hour;
  if (partHour !== undefined && partHour >= 12) return time.hour + 12;
  if (partHour === undefined && time.hour >= 1 && time.hour <= 6) return time.hour + 12;
  return time.hour;
}

const atDay = (now: Date, offset: number, hour: number, minute: number) =>
  new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset, hour, minute, 0, 0);

export function extractDue(input: string, now: Date): DueExtraction {
  const spans: Span[] = [];
  let dayOffset: number | undefined;
  let partHour: number | undefined;
  let relativeMs: number | undefined;

  const rel = RELATIVE.exec(input);
  const amount = rel ? amountOf(rel[1] ?? '') : undefined;
  if (rel && amount !== undefined) {
    spans.push(spanOf(rel));
    const unit = (rel[2] ?? '').toLowerCase();
    if (unit.startsWith('m')) relativeMs = amount * 60_000;
    else if (unit.startsWith('h')) relativeMs = amount * 3_600_000;
    else dayOffset = Math.round(amount * (unit.startsWith('w') ? 7 : 1));
  }
  const relativeDays = dayOffset !== undefined;

  let todayOnly: Span | undefined;
  const day = DAY.exec(input);
  if (day && dayOffset === undefined) {
    const word = (day[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    dayOffset = word.includes('after') ? 2 : word.startsWith('tom') || word.startsWith('tm') ? 1 : 0;
    const part = day[2]?.toLowerCase() ?? (word === 'tonight' ? 'tonight' : word.startsWith('this ') ? word.slice(5) : undefined);
    partHour = part === undefined ? undefined : PART_OF_DAY[part];
    if (word === 'today' && partHour === undefined) todayOnly = spanOf(day);
    else spans.push(spanOf(day));
  }

  const weekday = WEEKDAY.exec(input);
  if (weekday && dayOffset === undefined) {
    const target = WEEKDAYS.indexOf((weekday[1] ?? '').toLowerCase());
    dayOffset = (target - now.getDay() + 7) % 7 || 7;
    const part = weekday[2]?.toLowerCase();
    if (part) partHour = PART_OF_DAY[part];
    spans.push(spanOf(weekday));
  }

  const inThe = IN_THE.exec(input);
  if (inThe && partHour === undefined) {
    partHour = PART_OF_DAY[(inThe[1] ?? inThe[2] ?? '').toLowerCase()];
    spans.push(spanOf(inThe));
  }

  const found = relativeMs === undefined ? findTime(input) : undefined;
  if (found) spans.push(found.span);
  // "today" alone says nothing more than adding it without a time.
  if (todayOnly && (found || partHour !== undefined)) spans.push(todayOnly);
  else if (todayOnly && dayOffset === 0) dayOffset = undefined;

  let due: Date | undefined;
  if (relativeMs !== undefined) {
    due = new Date(now.getTime() + relativeMs);
  } else if (dayOffset !== undefined) {
    if (found) due = atDay(now, dayOffset, resolveHour(found.time, partHour), found.time.minute);
    else if (partHour !== undefined) due = atDay(now, dayOffset, partHour, 0);
    else if (relativeDays) due = atDay(now, dayOffset, now.getHours(), now.getMinutes());
    else due = atDay(now, dayOffset, DEFAULT_HOUR, 0);
  } else if (found || partHour !== undefined) {
    const hour = found ? resolveHour(found.time, partHour) : (partHour ?? DEFAULT_HOUR);
    due = atDay(now, 0, hour, found?.time.minute ?? 0);
    // A time already past today means the next one.
    if (due.getTime() <= now.getTime()) due = atDay(now, 1, hour, found?.time.minute ?? 0);
  }
  return due ? { text: removeSpans(input, spans), due } : { text: tidy(input) };
}

function removeSpans(text: string, spans: Span[]): string {
  // Code units, as the regex indexes count them.
  const units = text.split('');
  const keep = units.map(() => true);
  for (const [start, end] of spans) for (let i = start; i < end; i++) keep[i] = false;
  return tidy(units.filter((_, i) => keep[i]).join(''));
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/^[\s,;:-]+|[\s,;:-]+$/g, '');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 in local time with its offset, e.g. "2026-11-20T17:00:00+01:00". */
export function toLocalIso(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A due time for people: "today 17:00", "tomorrow 09:00", "Fri 17:00", "Mon 4 Jan 2027 09:00". */
export function describeDue(due: Date, now: Date): string {
  const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((startOf(due) - startOf(now)) / 86_400_000);
  const time = `${pad(due.getHours())}:${pad(due.getMinutes())}`;
  const weekday = SHORT_DAYS[due.getDay()] ?? '';
  if (days === 0) return `today ${time}`;
  if (days === 1) return `tomorrow ${time}`;
  if (days > 1 && days < 7) return `${weekday} ${time}`;
  const year = due.getFullYear() === now.getFullYear() ? '' : ` ${due.getFullYear()}`;
  return `${weekday} ${due.getDate()} ${SHORT_MONTHS[due.getMonth()] ?? ''}${year} ${time}`;
}
