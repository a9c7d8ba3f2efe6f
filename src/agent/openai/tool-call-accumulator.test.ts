import { describe, expect, it } from 'vitest';
import { ToolCallAccumulator } from './tool-call-accumulator';

function accumulate(deltas: unknown[]) {
  const acc = new ToolCallAccumulator();
  for (const delta of deltas) acc.add(delta);
  return acc.toolCalls();
}

describe('ToolCallAccumulator', () => {
  it('assembles a call spread over several deltas by index', () => {
    expect(
      accumulate([
        { index: 0, id: 'call_a', type: 'function', function: { name: 'add_reminder', arguments: '' } },
        { index: 0, function: { arguments: '{"text":' } },
        { index: 0, function: { arguments: '"milk"}' } },
      ]),
    ).toEqual([{ id: 'call_a', name: 'add_reminder', arguments: '{"text":"milk"}' }]);
  });

  it('keeps parallel calls apart and returns them in index order', () => {
    expect(
      accumulate([
        { index: 1, id: 'b', function: { name: 'two', arguments: '{"n":' } },
        { index: 0, id: 'a', function: { name: 'one', arguments: '{}' } },
        { index: 1, function: { arguments: '2}' } },
      ]),
    ).toEqual([
      { id: 'a', name: 'one', arguments: '{}' },
      { id: 'b', name: 'two', arguments: '{"n":2}' },
    ]);
  });

  it('without index: a new id starts a new call, no id continues the last', () => {
    expect(
      accumulate([
        { id: 'a', function: { name: 'one', arguments: '{"x"' } },
        { function: { arguments: ':1}' } },
        { id: 'b', function: { name: 'two' } },
        { function: { arguments: '{"y":2}' } },
        { id: 'b', function: { arguments: '' } },
      ]),
    ).toEqual([
      { id: 'a', name: 'one', arguments: '{"x":1}' },
      { id: 'b', name: 'two', arguments: '{"y":2}' },
    ]);
  });

  it('treats a new id at a reused index as a new call', () => {
    expect(
      accumulate([
        { index: 0, id: 'a', function: { name: 'one', arguments: '{}' } },
        { index: 0, id: 'b', function: { name: 'two', arguments: '{"k":' } },
        { index: 0, function: { arguments: '1}' } },
      ]),
    ).toEqual([
      { id: 'a', name: 'one', arguments: '{}' },
      { id: 'b', name: 'two', arguments: '{"k":1}' },
    ]);
  });

  it('accepts the name after the id, and a repeated name once', () => {
    expect(
      accumulate([
        { index: 0, id: 'a' },
        { index: 0, function: { name: 'recall' } },
        { index: 0, function: { name: 'recall', arguments: '{"q":"cat"}' } },
      ]),
    ).toEqual([{ id: 'a', name: 'recall', arguments: '{"q":"cat"}' }]);
  });

  it('stringifies arguments sent as an object', () => {
    expect(accumulate([{ index: 0, id: 'a', function: { name: 'f', arguments: { a: 1, b: 'x' } } }])).toEqual([
      { id: 'a', name: 'f', arguments: '{"a":1,"b":"x"}' },
    ]);
  });

  it('generates ids for calls without one and turns empty arguments into {}', () => {
    const acc = new ToolCallAccumulator((position) => `gen_${position}`);
    acc.add({ index: 0, function: { name: 'one' } });
    acc.add({ index: 1, function: { name: 'two', arguments: '{"z":0}' } });
    expect(acc.toolCalls()).toEqual([
      { id: 'gen_0', name: 'one', arguments: '{}' },
      { id: 'gen_1', name: 'two', arguments: '{"z":0}' },
    ]);
    expect(accumulate([{ function: { name: 'x' } }])).toEqual([{ id: 'call_0', name: 'x', arguments: '{}' }]);
  });

  it('rejects deltas with impossible types', () => {
    const acc = new ToolCallAccumulator();
    expect(() => acc.add('nope')).toThrow(TypeError);
    expect(() => acc.add({ index: -1 })).toThrow(TypeError);
    expect(() => acc.add({ index: 0, function: { name: 3 } })).toThrow(TypeError);
    expect(() => acc.add({ index: 0, function: 'f' })).toThrow(TypeError);
    expect(acc.size).toBe(0);
  });
});
