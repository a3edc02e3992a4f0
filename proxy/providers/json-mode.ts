import type { ProxyConfig } from '../config';

/**
 * How JSON is asked for, strongest first: the task's JSON schema (strict where the provider has
 * strict), plain JSON-object mode, or only by the prompt (then extracted and repaired on our side).
 */
export type JsonMode = 'schema' | 'object' | 'off';

const ORDER: readonly JsonMode[] = [ 'schema', 'object', 'off' ];

/** `auto` is the strongest mode the provider is known to support; anything else is taken as given. */
export function resolveJsonMode(
	configured: ProxyConfig[ 'jsonMode' ],
	strongest: JsonMode
): JsonMode {
	return configured === 'auto' ? strongest : configured;
}

/** One level down, for a provider that rejected a mode; undefined below `off`. */
export function weakerJsonMode( mode: JsonMode ): JsonMode | undefined {
	return ORDER[ ORDER.indexOf( mode ) + 1 ];
}

/**
 * A 400 whose body names the structured-output parameter: the server does not support that mode
 * (an older llama.cpp or LM Studio refusing `json_schema`, a model without structured output, an
 * Anthropic model that refuses a forced `tool_choice`).
 */
export function rejectsJsonMode( status: number, body: string ): boolean {
	return (
		status === 400 &&
		/response_format|json_schema|json_object|output_config|output_format|structured.output|tool_choice/i.test(
			body
		)
	);
}
