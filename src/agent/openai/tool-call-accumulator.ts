import type { ToolCall } from '../model-client';

/**
 * Assembles streamed tool-call deltas (`choices[0].delta.tool_calls[]`) into whole calls.
 *
 * OpenAI sends `{ index, id, type, function: { name, arguments } }` with the id and name in the
 * first delta of each call and the arguments spread over later ones. Compatible servers differ;
 * this tolerates:
 * - no `index`: a delta whose `id` differs from the current call's starts a new call, a delta
 *   with neither `id` nor `index` continues the last call;
 * - the same `index` reused for a different `id` (parallel calls all sent as index 0): a new call;
 * - the function `name` arriving in a later delta than the `id`;
 * - all arguments in one delta, or as an already-parsed object (stringified here);
 * - no `id` at all (one is generated with `makeId`).
 */
export class ToolCallAccumulator {
  readonly #slots: Slot[] = [];
  /** The provider's index → the slot it currently designates. */
  readonly #byIndex = new Map<number, Slot>();
  #last: Slot | undefined;
  readonly #makeId: (position: number) => string;

  /** `makeId(position)` names calls the provider sent without an id; default `call_<position>`. */
  constructor(makeId: (position: number) => string = (position) => `call_${position}`) {
    this.#makeId = makeId;
  }

  get size(): number {
    return this.#slots.length;
  }

  /**
   * Adds one element of `delta.tool_calls`.
   * @throws TypeError when the delta is not an object or its fields have impossible types.
   */
  add(delta: unknown): void {
    if (typeof delta !== 'object' || delta === null || Array.isArray(delta)) {
      throw new TypeError('A tool call delta is not an object.');
    }
    const record = delta as Record<string, unknown>;
    const index = optionalIndex(record['index']);
    const id = optionalString(record['id'], 'id');
    const fn = record['function'];
    if (fn !== undefined && fn !== null && (typeof fn !== 'object' || Array.isArray(fn))) {
      throw new TypeError('A tool call delta has a `function` that is not an object.');
    }
    const fields = (fn ?? {}) as Record<string, unknown>;
    const name = optionalString(fields['name'], 'function.name');

    const slot = this.#slotFor(index, id);
    if (id && !slot.id) slot.id = id;
    if (name && name !== slot.name) slot.name += name;
    appendArguments(slot, fields['arguments']);
    this.#last = slot;
  }

  /** The calls in index order (then arrival order); empty arguments become `'{}'`. */
  toolCalls(): ToolCall[] {
    const ordered = [...this.#slots].sort((a, b) => a.order - b.order || a.seq - b.seq);
    return ordered.map((slot, position) => ({
      id: slot.id || this.#makeId(position),
      name: slot.name,
      arguments: slot.args === '' ? '{}' : slot.args,
    }));
  }

  #slotFor(index: number | undefined, id: string | undefined): Slot {
    if (index !== undefined) {
      const existing = this.#byIndex.get(index);
      if (existing && !(id && existing.id && existing.id !== id)) return existing;
      const slot = this.#newSlot(index);
      this.#byIndex.set(index, slot);
      return slot;
    }
    const last = this.#last;
    if (!last) return this.#newSlot(undefined);
    if (id && last.id && last.id !== id) return this.#newSlot(undefined);
    return last;
  }

  #newSlot(index: number | undefined): Slot {
    const order = index ?? this.#slots.reduce((max, slot) => Math.max(max, slot.order + 1), 0);
    const slot: Slot = { order, seq: this.#slots.length, id: '', name: '', args: '' };
    this.#slots.push(slot);
    return slot;
  }
}

interface Slot {
  /** Sort key: the provider's index, or one past the highest so far when it sent none. */
  order: number;
  /** Arrival order, to break ties between calls sharing an index. */
  seq: number;
  id: string;
  name: string;
  args: string;
}

function optionalIndex(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw new TypeError('A tool call delta has an `index` that is not a non-negative integer.');
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  throw new TypeError(`A tool call delta has a \`${field}\` that is not a string.`);
}

function appendArguments(slot: Slot, value: unknown): void {
  if (value === undefined || value === null) return;
  slot.args += typeof value === 'string' ? value : JSON.stringify(value);
}
