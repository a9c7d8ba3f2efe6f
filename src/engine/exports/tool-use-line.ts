import type { FunctionCall, FunctionResponse } from '../../store/types';
import { oneLine } from './one-line';

/**
 * A tool call on one line for a transcript: `🔧 add_reminder {"reminder":"buy milk"} → Added reminder: buy milk`.
 * The call sits in inline code so markdown in its arguments stays literal.
 */
export function toolUseLine(call: FunctionCall, response: FunctionResponse | undefined): string {
  const invocation = inlineCode(`${call.name} ${JSON.stringify(call.args ?? {})}`);
  return `🔧 ${invocation} → ${response ? outcome(response) : '_no result_'}`;
}

/** The tools' own summary (`status`, `message`) when they give one; otherwise the whole response. */
function outcome(response: FunctionResponse): string {
  const { status, message } = response.response ?? {};
  if (typeof message !== 'string') return inlineCode(JSON.stringify(response.response ?? {}));
  const line = oneLine(message);
  return typeof status === 'string' && status !== 'success' ? `${status}: ${line}` : line;
}

/** Backticks inside the code need a longer fence around it (CommonMark code spans). */
function inlineCode(text: string): string {
  const body = oneLine(text);
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
