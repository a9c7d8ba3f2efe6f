import type { StateMap } from '../types';

interface StatefulRow {
  state: StateMap;
  updateTime: number;
}

/**
 * What a 'merge' import makes of a session or state row that both sides hold: an import
 * never overwrites, so stored values win on conflicting keys and only the keys the
 * store lacks are added; the update time becomes the later of the two. Every other
 * field (a session's create time, its keys) stays as stored.
 */
export function mergeRow<T extends StatefulRow>(local: T, incoming: StatefulRow): T {
  return {
    ...local,
    state: { ...incoming.state, ...local.state },
    updateTime: Math.max(local.updateTime, incoming.updateTime),
  };
}
