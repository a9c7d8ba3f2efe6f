import type { Event } from '../types';

/**
 * A message is an event with text: the text parts of its content joined by newlines.
 * Tool calls and results are not messages. SQLite computes the same in SQL (schema.ts).
 */
export function messageText(event: Pick<Event, 'content'>): string | undefined {
  const parts = event.content?.parts;
  if (!Array.isArray(parts)) return undefined;
  const texts: string[] = [];
  for (const part of parts) if (typeof part?.text === 'string') texts.push(part.text);
  const text = texts.join('\n');
  return text === '' ? undefined : text;
}
