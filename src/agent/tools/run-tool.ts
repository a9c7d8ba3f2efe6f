import type { Tool, ToolResult } from './reminder-tools';
import type { ToolContext } from './tool-context';

/**
 * Runs one tool call as the model sent it. Bad arguments, malformed JSON and unknown
 * tools come back as error results for the model to read, never as exceptions.
 */
export function runToolCall(tools: readonly Tool[], name: string, rawArguments: string, context: ToolContext): ToolResult {
  const tool = tools.find((t) => t.spec.name === name);
  if (!tool) {
    return {
      status: 'error',
      action: name,
      message: `Unknown tool "${name}". Available tools: ${tools.map((t) => t.spec.name).join(', ')}.`,
    };
  }
  let args: unknown;
  try {
    args = rawArguments.trim() === '' ? {} : JSON.parse(rawArguments);
  } catch {
    return { status: 'error', action: name, message: `The arguments were not valid JSON: ${rawArguments.slice(0, 200)}` };
  }
  if (args === null || typeof args !== 'object' || Array.isArray(args)) {
    return { status: 'error', action: name, message: 'The arguments must be a JSON object.' };
  }
  try {
    return tool.run(args as Record<string, unknown>, context);
  } catch (cause) {
    return { status: 'error', action: name, message: `The tool failed: ${cause instanceof Error ? cause.message : String(cause)}` };
  }
}
