import type { StoreSnapshot } from '../types';

export const emptySnapshot = (): StoreSnapshot => ({ sessions: [], events: [], appStates: [], userStates: [] });
