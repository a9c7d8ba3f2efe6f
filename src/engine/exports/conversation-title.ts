import type { StateMap } from '../../store/types';
import { TITLE_KEY, UNTITLED } from '../conversations';

/** The title the conversation list shows: session state `title`, or "New chat" when it has none. */
export function conversationTitle(state: StateMap): string {
  const title = state[TITLE_KEY];
  return typeof title === 'string' && title.trim() !== '' ? title : UNTITLED;
}
