import { createAnthropic } from '@ai-sdk/anthropic';
import { strictResponseFormat } from '../strict-schema';
import type { ProviderDefinition } from '../types';

/** Any JSON object: Anthropic has no JSON-object mode, so `object` forces a tool whose input is an open object. */
const ANY_OBJECT = { type: 'object', additionalProperties: true };

/**
 * Anthropic Messages API through the AI SDK. Anthropic has no `response_format`; structure is forced
 * instead. `schema`: models the SDK knows to have native structured output get
 * `output_config.format: {type: "json_schema", schema}`; others get one tool `json` whose
 * `input_schema` is the task's schema and `tool_choice: {type: "any"}` (the only tool, so it is
 * forced), and the SDK hands the tool's input back as the answer's text (`input_json_delta` streamed
 * as text deltas). `object`: the same forced tool with an open object schema.
 */
export const anthropicProvider: ProviderDefinition = {
	name: 'anthropic',
	strongestJsonMode: 'schema',
	jsonOptions: ( mode, json ) => {
		if ( mode === 'off' ) {
			return {};
		}
		if ( mode === 'schema' && json.schema ) {
			return {
				responseFormat: strictResponseFormat( json.name, json.schema ),
				providerOptions: {
					anthropic: { structuredOutputMode: 'auto' },
				},
			};
		}
		return {
			responseFormat: {
				type: 'json',
				name: json.name,
				schema: ANY_OBJECT as never,
			},
			providerOptions: {
				anthropic: { structuredOutputMode: 'jsonTool' },
			},
		};
	},
	speaksOpenAiWire: false,
	createModel: ( config, fetch ) =>
		createAnthropic( {
			baseURL: config.baseUrl,
			apiKey: config.apiKey || 'unset',
			fetch,
		} )( config.model ),
};
