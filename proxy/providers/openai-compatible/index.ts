import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import {
	bearerWireHeaders,
	openAiChatJsonOptions,
} from '../openai-chat-options';
import type { ProviderDefinition } from '../types';

/**
 * Any server speaking OpenAI chat completions at MPCC_LLM_BASE_URL (Ollama, vLLM, LM Studio,
 * llama.cpp's server, OpenRouter). All of them accept `response_format: {type: "json_schema"}` (most
 * turn the schema into a decoding grammar), so `auto` is `schema`; a server that answers 400 naming
 * `response_format` gets `json_object` instead (ai-sdk-provider.ts). The SDK sends the schema only
 * when the provider is created with `supportsStructuredOutputs: true`; without it `schema` silently
 * became `json_object`.
 */
export const openaiCompatibleProvider: ProviderDefinition = {
	name: 'openai-compatible',
	strongestJsonMode: 'schema',
	jsonOptions: openAiChatJsonOptions( 'compatible' ),
	speaksOpenAiWire: true,
	createModel: ( config, fetch ) =>
		createOpenAICompatible( {
			name: 'compatible',
			baseURL: config.baseUrl,
			apiKey: config.apiKey || undefined,
			includeUsage: true,
			supportsStructuredOutputs: true,
			fetch,
		} ).chatModel( config.model ),
	wireHeaders: bearerWireHeaders,
};
