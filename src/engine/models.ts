import type { ModelClient } from '../agent/model-client';
import { createOfflineAssistant } from '../agent/offline/offline-assistant';
import { createOpenAiClient, listModels } from '../agent/openai/openai-client';
import type { ModelInfo, ModelSettings } from '../protocol/protocol';

export function createModel(settings: ModelSettings, fetchImpl?: typeof fetch): ModelClient {
  if (settings.kind === 'offline') return createOfflineAssistant();
  return createOpenAiClient({
    baseURL: settings.baseURL,
    apiKey: settings.apiKey,
    model: settings.model,
    omitSdkHeaders: settings.omitSdkHeaders ?? true,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}

export function modelInfo(model: ModelClient): ModelInfo {
  return { kind: model.kind, label: model.label };
}

export async function testConnection(settings: ModelSettings, fetchImpl?: typeof fetch): Promise<{ models: string[] }> {
  if (settings.kind === 'offline') return { models: [createOfflineAssistant().label] };
  return {
    models: await listModels({
      baseURL: settings.baseURL,
      apiKey: settings.apiKey,
      model: settings.model,
      omitSdkHeaders: settings.omitSdkHeaders ?? true,
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    }),
  };
}
