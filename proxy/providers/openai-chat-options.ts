import type { ProxyConfig } from '../config';
import { strictResponseFormat } from './strict-schema';
import type { ProviderDefinition } from './types';

/**
 * What the providers speaking OpenAI chat completions (openai, openai-compatible) share: the same
 * JSON modes on the wire and the same bearer key.
 */

/**
 * `schema` is `response_format: {type: "json_schema"}` with the strict task schema, `object` is
 * `{type: "json_object"}`. `sdkOptionsKey` is where the AI SDK provider reads its options, and
 * `strictJsonSchema: true` there is what makes it send `strict: true`.
 */
export function openAiChatJsonOptions(
	sdkOptionsKey: 'openai' | 'compatible'
): ProviderDefinition[ 'jsonOptions' ] {
	return ( mode, json ) => {
		if ( mode === 'schema' && json.schema ) {
			return {
				responseFormat: strictResponseFormat( json.name, json.schema ),
				providerOptions: {
					[ sdkOptionsKey ]: { strictJsonSchema: true },
				},
			};
		}
		return mode === 'off' ? {} : { responseFormat: { type: 'json' } };
	};
}

/** Headers for the raw passthrough: the key as a bearer token, none without a key. */
export function bearerWireHeaders(
	config: ProxyConfig
): Record< string, string > {
	return config.apiKey ? { authorization: `Bearer ${ config.apiKey }` } : {};
}
