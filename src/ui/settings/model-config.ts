import type { ModelSettings } from '../../protocol/protocol';
import { preset, type ProviderId } from './presets';

/** What the Settings dialog edits. The API key lives here, in this browser's local storage only. */
export interface SavedSettings {
  provider: ProviderId;
  baseURL: string;
  apiKey: string;
  model: string;
}

export const SETTINGS_KEY = 'hearth:model-settings';
export const BUILTIN: SavedSettings = { provider: 'builtin', baseURL: '', apiKey: '', model: '' };

/** The engine's form of the settings; the key goes to the engine's memory, never to the database. */
export function toModelSettings(saved: SavedSettings): ModelSettings {
  if (saved.provider === 'builtin') return { kind: 'offline' };
  // Local servers want no key, but the SDK insists on one.
  return { kind: 'openai-compatible', baseURL: saved.baseURL.trim().replace(/\/+$/, ''), apiKey: saved.apiKey.trim() || 'not-needed', model: saved.model.trim() };
}

/** Says what is missing before anything is sent, or null when the settings can be used. */
export function validate(saved: SavedSettings): string | null {
  if (saved.provider === 'builtin') return null;
  let url: URL;
  try {
    url = new URL(saved.baseURL.trim());
  } catch {
    return 'Enter the Base URL of an OpenAI-compatible server, e.g. http://localhost:11434/v1.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The Base URL must start with https:// or http://.';
  if (preset(saved.provider).needsKey && !saved.apiKey.trim()) return `${preset(saved.provider).label} needs an API key.`;
  if (!saved.model.trim()) return 'Enter a model name, or press Test connection to list the models.';
  return null;
}

