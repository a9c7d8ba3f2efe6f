import { describe, expect, it } from 'vitest';
import { describeDue, extractDue, toLocalIso } from './parse-time';

// Friday 20 November 2026, 10:00 local time, whatever the machine's time zone.
const now = new Date(2026, 10, 20, 10, 0);
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute);

describe('extractDue', () => {
  it.each([
    ['call the dentist at 5pm', 'call the dentist', at(20, 17)],
    ['call the dentist at 5 p.m.', 'call the dentist', at(20, 17)],
    ['call mum at 5:30pm', 'call mum', at(20, 17, 30)],
    ['jog at 9am', 'jog', at(21, 9)], // 9am today is past: tomorrow
    ['stretch at 17:30', 'stretch', at(20, 17, 30)],
    ['stretch at 08:15', 'stretch', at(21, 8, 15)],
    ['call mum at 5', 'call mum', at(20, 17)], // a bare 1–6 means the afternoon
    ['call mum tomorrow', 'call mum', at(21, 9)],
    ['call mum tomorrow at 9', 'call mum', at(21, 9)],
    ['call mum at 9 tomorrow', 'call mum', at(21, 9)],
    ['call mum tomorrow at 5', 'call mum', at(21, 17)],
    ['call mum tomorrow morning', 'call mum', at(21, 9)],
    ['call mum tomorrow evening', 'call mum', at(21, 18)],
    ['take pills tonight at 8', 'take pills', at(20, 20)],
    ['take pills tonight', 'take pills', at(20, 20)],
    ['pay rent on friday at 10am', 'pay rent', at(27, 10)], // today is Friday: next week
    ['pay rent on Monday', 'pay rent', at(23, 9)],
    ['pay rent next tuesday at 3pm', 'pay rent', at(24, 15)],
    ['pay rent the day after tomorrow', 'pay rent', at(22, 9)],
    ['stretch in 2 hours', 'stretch', at(20, 12)],
    ['check the oven in 30 minutes', 'check the oven', at(20, 10, 30)],
    ['check the oven in half an hour', 'check the oven', at(20, 10, 30)],
    ['check the oven in an hour', 'check the oven', at(20, 11)],
    ['water plants in 3 days', 'water plants', at(23, 10)],
    ['eat at noon', 'eat', at(20, 12)],
    ['lock up at midnight', 'lock up', at(21, 0)],
    ['go to the gym today at 6pm', 'go to the gym', at(20, 18)],
    ['read in the evening', 'read', at(20, 18)],
    ['call at 7 o\'clock', 'call', at(21, 7)],
  ])('%s', (input, text, due) => {
    const result = extractDue(input, now);
    expect(result.text).toBe(text);
    expect(result.due?.getTime()).toBe(due.getTime());
  });

  it.each(['buy milk', 'buy 2 apples', 'buy bread today', 'watch the 10 o clock news later'])('finds no time in "%s"', (input) => {
    expect(extractDue(input, now)).toEqual({ text: input });
  });

  it('takes the time phrase out of the middle', () => {
    expect(extractDue('call mum tomorrow about the car', now).text).toBe('call mum about the car');
  });

  it('rolls into next month and year', () => {
    const late = new Date(2026, 11, 31, 22, 0);
    expect(extractDue('sleep at 9am', late).due?.getTime()).toBe(new Date(2027, 0, 1, 9, 0).getTime());
  });
});

describe('toLocalIso', () => {
  it('writes local time with its offset, naming the same instant', () => {
    const iso = toLocalIso(at(20, 17));
    expect(iso).toMatch(/^2026-11-20T17:00:00[+-]\d\d:\d\d$/);
    expect(new Date(iso).getTime()).toBe(at(20, 17).getTime());
  });
});

describe('describeDue', () => {
  it.each([
    [at(20, 17), 'today 17:00'],
    [at(21, 9), 'tomorrow 09:00'],
    [at(24, 15, 30), 'Tue 15:30'],
    [at(30, 8), 'Mon 30 Nov 08:00'],
    [new Date(2027, 0, 4, 9), 'Mon 4 Jan 2027 09:00'],
  ])('%s → %s', (due, text) => {
    expect(describeDue(due, now)).toBe(text);
  });
});
