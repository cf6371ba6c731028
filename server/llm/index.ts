import type { LlmClient } from '../../core';
import { createOpenAiLlmClient } from './openai-llm-client';

export { createOpenAiLlmClient, type OpenAiLlmClientOptions } from './openai-llm-client';

export type LlmConfig = { baseUrl?: string; apiKey?: string; model: string; timeoutMs?: number };

/** The configured model, or null for bring-your-own-AI mode (no model configured). */
export function createLlmClient(config: LlmConfig | null): LlmClient | null {
  return config === null ? null : createOpenAiLlmClient(config);
}
