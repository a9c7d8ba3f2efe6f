/** User-facing texts shared by every back end, so each says the same thing. */

export const existsMessage = (id: string): string => `A session with id "${id}" already exists.`;

export const missingMessage = (id: string): string =>
  `Session "${id}" does not exist (it may have been deleted). Start a new chat to continue.`;

export const staleMessage = (id: string): string =>
  `Session "${id}" was changed elsewhere since it was loaded; nothing was written. Reload the session and try again.`;

export const fullMessage =
  'The device has no room left for Hearth\'s data; nothing was written. Free some disk space, or download the database and delete old conversations.';
