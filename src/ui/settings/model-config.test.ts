import { describe, expect, it } from 'vitest';
import { BUILTIN, toModelSettings, validate } from './model-config';

const ollama = { provider: 'ollama', baseURL: 'http://localhost:11434/v1/', apiKey: '', model: 'llama3.1' } as const;

describe('model settings', () => {
  it('turns the built-in choice into the offline model', () => {
    expect(toModelSettings(BUILTIN)).toEqual({ kind: 'offline' });
    expect(validate(BUILTIN)).toBeNull();
  });

  it('trims the Base URL and gives keyless local servers a placeholder key the SDK accepts', () => {
    expect(toModelSettings(ollama)).toEqual({ kind: 'openai-compatible', baseURL: 'http://localhost:11434/v1', apiKey: 'not-needed', model: 'llama3.1' });
    expect(validate(ollama)).toBeNull();
  });

  it('says what is missing before anything is sent', () => {
    expect(validate({ ...ollama, baseURL: 'localhost:11434' })).toMatch(/https:\/\/ or http:\/\//);
    expect(validate({ ...ollama, baseURL: 'not a url' })).toMatch(/Base URL/);
    expect(validate({ provider: 'openai', baseURL: 'https://api.openai.com/v1', apiKey: ' ', model: 'gpt-4o-mini' })).toMatch(/needs an API key/);
    expect(validate({ ...ollama, model: '' })).toMatch(/model name/);
  });
});
