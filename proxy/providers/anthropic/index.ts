import { createAnthropic } from '@ai-sdk/anthropic';
import type { ProviderDefinition } from '../types';

/**
 * Anthropic Messages API through the AI SDK. JSON is asked for by the prompt and repaired on our side:
 * the SDK's schema mode for Anthropic goes through a tool call, which would change the wire shape.
 */
export const anthropicProvider: ProviderDefinition = {
	name: 'anthropic',
	defaultJsonMode: 'off',
	speaksOpenAiWire: false,
	createModel: ( config, fetch ) =>
		createAnthropic( {
			baseURL: config.baseUrl,
			apiKey: config.apiKey || 'unset',
			fetch,
		} )( config.model ),
};
