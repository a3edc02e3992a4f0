import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { ProviderDefinition } from '../types';

/**
 * Any server speaking OpenAI chat completions at MPCC_LLM_BASE_URL (Ollama, LM Studio, OpenRouter, vLLM).
 * JSON-object mode by default: it is the mode most of them share (MPCC_LLM_JSON_MODE overrides).
 */
export const openaiCompatibleProvider: ProviderDefinition = {
	name: 'openai-compatible',
	defaultJsonMode: 'object',
	speaksOpenAiWire: true,
	createModel: ( config, fetch ) =>
		createOpenAICompatible( {
			name: 'compatible',
			baseURL: config.baseUrl,
			apiKey: config.apiKey || undefined,
			includeUsage: true,
			fetch,
		} ).chatModel( config.model ),
	wireHeaders: ( config ): Record< string, string > =>
		config.apiKey ? { authorization: `Bearer ${ config.apiKey }` } : {},
};
