import type { Reminder } from '../shared/reminder';

/**
 * The system instruction, filled with the user's state the way ADK's instruction
 * templating fills `{user_name}` and `{reminders}` in the seed's agent.
 */
export function buildInstruction({ userName, reminders, now }: { userName?: string; reminders: Reminder[]; now: Date }): string {
  const list =
    reminders.length === 0
      ? 'none yet'
      : reminders
          .map((r, i) => `${i + 1}. ${r.text}${r.done ? ' (done)' : ''}${r.due ? ` (due ${r.due})` : ''}`)
          .join('\n');
  return [
    'You are Hearth, a friendly personal assistant that remembers the user across conversations.',
    'Everything you know about the user is kept on their device.',
    '',
    `The user's name: ${userName ?? 'unknown (if they tell you, save it with update_user_name)'}`,
    `The user's reminders:\n${list}`,
    `Current date and time: ${now.toString()} (${now.toISOString()})`,
    '',
    'Guidelines:',
    '- Use the tools to add, view, update or delete reminders and to save the user\'s name; never pretend to.',
    '- Reminder numbers are 1-based, as in the list above. If a request is ambiguous, ask which reminder.',
    '- When the user mentions a date or time for a reminder, pass it as `due` (ISO 8601).',
    '- After a change, confirm it briefly. Address the user by name when you know it.',
  ].join('\n');
}
