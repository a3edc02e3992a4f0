import { createOpenAI } from '@ai-sdk/openai';
import type { ProviderDefinition } from '../types';

/** OpenAI through the AI SDK's chat-completions model (not the Responses API), so one wire format covers it and its compatibles. */
export const openaiProvider: ProviderDefinition = {
	name: 'openai',
	defaultJsonMode: 'schema',
	speaksOpenAiWire: true,
	createModel: ( config, fetch ) =>
		createOpenAI( {
			baseURL: config.baseUrl,
			apiKey: config.apiKey || 'unset',
			fetch,
		} ).chat( config.model ),
	// Our schemas have optional fields, which OpenAI's strict mode rejects; we validate ourselves anyway.
	providerOptions: { openai: { strictJsonSchema: false } },
	wireHeaders: ( config ): Record< string, string > =>
		config.apiKey ? { authorization: `Bearer ${ config.apiKey }` } : {},
};
