import { describe, expect, it } from 'vitest';
import { REMINDERS_KEY, reminderTools } from './reminder-tools';
import { runToolCall } from './run-tool';
import { ToolContext } from './tool-context';

let ids = 0;
const context = (state: Record<string, unknown> = {}) => new ToolContext(state, { now: () => 1000, newId: () => `r${++ids}` });
const run = (ctx: ToolContext, name: string, args: unknown) => runToolCall(reminderTools, name, JSON.stringify(args), ctx);

describe('reminder tools', () => {
  it('have exactly the seed\'s names and required parameters', () => {
    expect(reminderTools.map((t) => [t.spec.name, t.spec.parameters.required ?? []])).toEqual([
      ['add_reminder', ['reminder']],
      ['view_reminders', []],
      ['update_reminder', ['index', 'updated_text']],
      ['delete_reminder', ['index']],
      ['update_user_name', ['name']],
    ]);
  });

  it('add, view, update, delete with 1-based indexes, recording one delta', () => {
    const ctx = context();
    expect(run(ctx, 'add_reminder', { reminder: ' buy milk ' })).toMatchObject({ status: 'success', message: 'Added reminder: buy milk' });
    run(ctx, 'add_reminder', { reminder: 'call mum', due: '2026-11-21T17:00:00Z' });
    expect(run(ctx, 'view_reminders', {})).toMatchObject({
      reminders: [{ index: 1, text: 'buy milk' }, { index: 2, text: 'call mum', due: '2026-11-21T17:00:00.000Z' }],
      count: 2,
    });
    expect(run(ctx, 'update_reminder', { index: '1', updated_text: 'buy oat milk' })).toMatchObject({ status: 'success', old_text: 'buy milk' });
    expect(run(ctx, 'delete_reminder', { index: 2 })).toMatchObject({ status: 'success', message: 'Deleted reminder 2: call mum' });
    expect(ctx.delta).toEqual({ [REMINDERS_KEY]: [{ id: 'r1', text: 'buy oat milk', createdAt: 1000 }] });
  });

  it('reads the seed\'s plain-string reminders too', () => {
    const ctx = context({ [REMINDERS_KEY]: ['buy milk'] });
    expect(run(ctx, 'view_reminders', {})).toMatchObject({ reminders: [{ index: 1, text: 'buy milk' }] });
  });

  it.each([
    ['update_reminder', { index: 0, updated_text: 'x' }, /no reminder 0/],
    ['update_reminder', { index: 1.5, updated_text: 'x' }, /whole number/],
    ['update_reminder', { index: 1, updated_text: '' }, /non-empty/],
    ['delete_reminder', { index: 9 }, /no reminder 9/],
    ['add_reminder', {}, /non-empty/],
    ['add_reminder', { reminder: 'x', due: 'someday' }, /ISO 8601/],
    ['update_user_name', { name: '  ' }, /non-empty/],
  ])('%s(%j) is an error result, not an exception', (name, args, message) => {
    const ctx = context({ [REMINDERS_KEY]: [{ id: 'a', text: 'one', createdAt: 1 }] });
    const result = run(ctx, name, args);
    expect(result.status).toBe('error');
    expect(result.message).toMatch(message);
    expect(ctx.delta).toEqual({});
  });

  it('saves the name in user scope', () => {
    const ctx = context();
    expect(run(ctx, 'update_user_name', { name: 'Arvind Mehta' })).toMatchObject({ status: 'success' });
    expect(ctx.delta).toEqual({ 'user:name': 'Arvind Mehta' });
  });
});
