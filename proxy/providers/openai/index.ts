import { createOpenAI } from '@ai-sdk/openai';
import {
	bearerWireHeaders,
	openAiChatJsonOptions,
} from '../openai-chat-options';
import type { ProviderDefinition } from '../types';

/**
 * OpenAI through the AI SDK's chat-completions model (not the Responses API), so one wire format
 * covers it and its compatibles. `schema` sends `response_format: {type: "json_schema", json_schema:
 * {name, strict: true, schema}}` with the strict variant of the task's schema; `object` sends
 * `{type: "json_object"}`.
 */
export const openaiProvider: ProviderDefinition = {
	name: 'openai',
	strongestJsonMode: 'schema',
	jsonOptions: openAiChatJsonOptions( 'openai' ),
	speaksOpenAiWire: true,
	createModel: ( config, fetch ) =>
		createOpenAI( {
			baseURL: config.baseUrl,
			apiKey: config.apiKey || 'unset',
			fetch,
		} ).chat( config.model ),
	wireHeaders: bearerWireHeaders,
};
