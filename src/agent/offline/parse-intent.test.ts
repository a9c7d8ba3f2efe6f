import { describe, expect, it } from 'vitest';
import type { ModelContext } from '../model-client';
import { parseIntent, stripPoliteness, type Intent } from './parse-intent';
import { toLocalIso } from './parse-time';

// Friday 20 November 2026, 10:00 local time, whatever the machine's time zone.
const now = new Date(2026, 10, 20, 10, 0);
const due = (day: number, hour: number, minute = 0) => toLocalIso(new Date(2026, 10, day, hour, minute));
const context = (...texts: string[]): ModelContext => ({ reminders: texts.map((text, i) => ({ id: `r${i}`, text, createdAt: 0 })) });
const four = context('buy milk', 'call mum', 'milk the cow', 'going to the gym');
const parse = (text: string, ctx: ModelContext = four): Intent => parseIntent(text, ctx, now);
const listed = (ctx: ModelContext) => ctx.reminders.map((r, i) => ({ index: i + 1, text: r.text }));

describe('adding', () => {
  it.each([
    ['remind me to buy milk', 'buy milk'],
    ['Remind me to buy milk.', 'buy milk'],
    ['add a reminder to water the plants', 'water the plants'],
    ['add reminder: pay rent', 'pay rent'],
    ['Add Reminder: Pay Rent!', 'Pay Rent'],
    ['new reminder buy bread', 'buy bread'],
    ['set a reminder to feed the cat', 'feed the cat'],
    ["don't let me forget to lock up", 'lock up'],
    ['don’t forget to book the MOT', 'book the MOT'],
    ['please remind me to call Gran', 'call Gran'],
    ['hey, can you remind me to call Gran please?', 'call Gran'],
    ['could you please add a reminder for mum’s birthday', 'mum’s birthday'],
    ['remind me about the meeting', 'the meeting'],
    ['remember to floss', 'floss'],
    ['add milk to my list', 'milk'],
    ['reminder: renew passport', 'renew passport'],
    ['add "buy eggs"', 'buy eggs'],
  ])('%s', (input, text) => {
    expect(parse(input)).toEqual({ kind: 'add', text });
  });

  it.each([
    ['remind me to call the dentist at 5pm', 'call the dentist', due(20, 17)],
    ['remind me to call mum tomorrow', 'call mum', due(21, 9)],
    ['remind me to call mum tomorrow at 9', 'call mum', due(21, 9)],
    ['remind me tomorrow at 9 to call mum', 'call mum', due(21, 9)],
    ['remind me to stretch at 17:30', 'stretch', due(20, 17, 30)],
    ['remind me to jog at 9am', 'jog', due(21, 9)],
    ['remind me to pay rent on friday at 10am', 'pay rent', due(27, 10)],
    ['remind me in 2 hours to stretch', 'stretch', due(20, 12)],
    ['remind me to check the oven in 30 minutes', 'check the oven', due(20, 10, 30)],
    ['set a reminder for 5pm to call mum', 'call mum', due(20, 17)],
    ['set reminder for 5pm to call mum', 'call mum', due(20, 17)],
    ['remind me tonight at 8 to take my pills', 'take my pills', due(20, 20)],
  ])('%s (with a due time)', (input, text, when) => {
    expect(parse(input)).toEqual({ kind: 'add', text, due: when });
  });

  it('asks what to remind about when there is nothing', () => {
    expect(parse('remind me in 30 minutes')).toMatchObject({ kind: 'unclear', action: 'add', problem: 'missing-text' });
    expect(parse('add a reminder')).toMatchObject({ kind: 'unclear', action: 'add', problem: 'missing-text' });
  });
});

describe('viewing', () => {
  it.each([
    'what are my reminders?',
    'show my reminders',
    'Show me all my reminders please',
    'list reminders',
    'what do I need to do',
    'view reminders',
    'reminders',
    "what's on my list?",
    'do I have any reminders?',
    'can you list my reminders',
  ])('%s', (input) => {
    expect(parse(input)).toEqual({ kind: 'view' });
  });
});

describe('updating', () => {
  it.each([
    ['update my second reminder to buy oat milk', 2, 'buy oat milk'],
    ['change reminder 2 to call dad', 2, 'call dad'],
    ['edit the first reminder: call Dad', 1, 'call Dad'],
    ['update reminder #3 to walk the dog', 3, 'walk the dog'],
    ['change reminder number 3 to walk the dog', 3, 'walk the dog'],
    ['change the 3rd reminder to walk the dog', 3, 'walk the dog'],
    ['change my last reminder to swim', 4, 'swim'],
    ['replace reminder 1 with buy oat milk', 1, 'buy oat milk'],
    ['set reminder 2 to call dad', 2, 'call dad'],
    ['change the reminder about the cow to feed the cow', 3, 'feed the cow'],
    ['update the reminder about going to the gym to go swimming', 4, 'go swimming'],
  ])('%s', (input, index, text) => {
    expect(parse(input)).toEqual({ kind: 'update', index, text });
  });

  it('answers instead of calling the tool when the reminder does not exist', () => {
    expect(parse('change the fifth reminder to x')).toEqual({
      kind: 'unclear', action: 'update', problem: 'out-of-range', count: 4, requested: 5, candidates: listed(four),
    });
    expect(parse('change reminder 1 to x', context())).toMatchObject({ kind: 'unclear', problem: 'no-reminders', count: 0 });
  });

  it('asks for the new text when there is none', () => {
    expect(parse('change reminder 2')).toMatchObject({ kind: 'unclear', action: 'update', problem: 'missing-text', requested: 2 });
  });
});

describe('deleting', () => {
  it.each([
    ['delete the first reminder', 1],
    ['remove reminder 2', 2],
    ['Delete my last reminder.', 4],
    ['cancel reminder #3', 3],
    ['clear the second one', 2],
    ['remove the 2nd one', 2],
    ['delete reminder four', 4],
    ['delete the reminder about the cow', 3],
    ['delete the reminder to call mum', 2],
    ['remove the gym reminder', 4],
    ['remove call mum from my list', 2],
  ])('%s', (input, index) => {
    expect(parse(input)).toEqual({ kind: 'delete', index });
  });

  it('says so when the position does not exist', () => {
    expect(parse('delete the fifth reminder')).toEqual({
      kind: 'unclear', action: 'delete', problem: 'out-of-range', count: 4, requested: 5, candidates: listed(four),
    });
    expect(parse('delete my last reminder', context())).toEqual({ kind: 'unclear', action: 'delete', problem: 'no-reminders', count: 0, candidates: [] });
  });

  it('asks which one when several match, listing them with their numbers', () => {
    expect(parse('delete the reminder about milk')).toEqual({
      kind: 'unclear', action: 'delete', problem: 'ambiguous', count: 4, query: 'milk',
      candidates: [{ index: 1, text: 'buy milk' }, { index: 3, text: 'milk the cow' }],
    });
  });

  it('says so when none match', () => {
    expect(parse('delete the reminder about pizza')).toMatchObject({ problem: 'no-match', query: 'pizza', candidates: listed(four) });
  });

  it('deletes one at a time', () => {
    expect(parse('clear all reminders')).toMatchObject({ kind: 'unclear', action: 'delete', problem: 'all' });
    expect(parse('delete')).toMatchObject({ kind: 'unclear', action: 'delete', problem: 'missing-text' });
  });
});

describe('names', () => {
  it.each([
    ['my name is Arvind Mehta', 'Arvind Mehta'],
    ['My name is arvind', 'arvind'],
    ['call me Ann', 'Ann'],
    ["I'm Bob", 'Bob'],
    ['I am Mary-Jane O’Neil', 'Mary-Jane O’Neil'],
    ["hi, I'm Bob!", 'Bob'],
    ['change my name to Zoë', 'Zoë'],
  ])('%s', (input, name) => {
    expect(parse(input)).toEqual({ kind: 'set-name', name });
  });

  it.each(["I'm tired", 'I am going to the shops', 'call me tomorrow', 'call me at 5pm'])('"%s" is not a name', (input) => {
    expect(parse(input).kind).not.toBe('set-name');
  });

  it.each(["what's my name?", 'What is my name', 'do you know my name', 'who am I?'])('%s asks for the name', (input) => {
    expect(parse(input)).toEqual({ kind: 'ask-name' });
  });
});

describe('everything else', () => {
  it.each(['hi', 'Hello!', 'hey there', 'Good morning'])('%s greets', (input) => {
    expect(parse(input)).toEqual({ kind: 'greet' });
  });

  it.each([
    ['thanks!', 'thanks'],
    ['what can you do?', 'help'],
    ['tell me a joke', 'unknown'],
    ['what is the capital of France?', 'unknown'],
    ['', 'unknown'],
  ])('%s → %s', (input, kind) => {
    expect(parse(input).kind).toBe(kind);
  });
});

describe('stripPoliteness', () => {
  it('takes greetings, requests and end punctuation off', () => {
    expect(stripPoliteness('Hey, could you please remind me to X, thanks!')).toBe('remind me to X');
    expect(stripPoliteness('ok so delete reminder 2 please.')).toBe('delete reminder 2');
  });
});
