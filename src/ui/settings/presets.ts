/** Where the common OpenAI-compatible servers listen; the user can change any of it. */
export type ProviderId = 'builtin' | 'openai' | 'openrouter' | 'ollama' | 'lmstudio' | 'custom';

export interface Preset {
  id: ProviderId;
  label: string;
  baseURL: string;
  /** Local servers ignore the key; cloud providers need one. */
  needsKey: boolean;
  modelHint: string;
}

export const PRESETS: readonly Preset[] = [
  { id: 'builtin', label: 'Built-in assistant (offline)', baseURL: '', needsKey: false, modelHint: '' },
  { id: 'openai', label: 'OpenAI', baseURL: 'https://api.openai.com/v1', needsKey: true, modelHint: 'gpt-4o-mini' },
  { id: 'openrouter', label: 'OpenRouter', baseURL: 'https://openrouter.ai/api/v1', needsKey: true, modelHint: 'openai/gpt-4o-mini' },
  { id: 'ollama', label: 'Ollama', baseURL: 'http://localhost:11434/v1', needsKey: false, modelHint: 'llama3.1' },
  { id: 'lmstudio', label: 'LM Studio', baseURL: 'http://localhost:1234/v1', needsKey: false, modelHint: 'the loaded model' },
  { id: 'custom', label: 'Custom', baseURL: '', needsKey: false, modelHint: 'model name' },
];

export function preset(id: ProviderId): Preset {
  return PRESETS.find((p) => p.id === id) ?? PRESETS[0]!;
}
