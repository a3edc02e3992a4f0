import { createOpenAI } from '@ai-sdk/openai';
import { strictJsonSchemaOf } from '../strict-schema';
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
	jsonOptions: ( mode, json ) => {
		if ( mode === 'schema' && json.schema ) {
			return {
				responseFormat: {
					type: 'json',
					name: json.name,
					schema: strictJsonSchemaOf( json.schema ) as never,
				},
				providerOptions: { openai: { strictJsonSchema: true } },
			};
		}
		return mode === 'off' ? {} : { responseFormat: { type: 'json' } };
	},
	speaksOpenAiWire: true,
	createModel: ( config, fetch ) =>
		createOpenAI( {
			baseURL: config.baseUrl,
			apiKey: config.apiKey || 'unset',
			fetch,
		} ).chat( config.model ),
	wireHeaders: ( config ): Record< string, string > =>
		config.apiKey ? { authorization: `Bearer ${ config.apiKey }` } : {},
};
