import type { FastifyBaseLogger } from 'fastify';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { cacheKey } from '../cache/cache-key';
import type { ResponseCache } from '../cache/response-cache';
import type { ProxyConfig } from '../config';
import { ProxyError } from '../errors';
import type { ProxyMetrics } from '../metrics';
import { PROMPT_VERSIONS, type TaskName } from '../prompts/prompt-versions';
import type {
	GenerateRequest,
	GenerateResult,
	Provider,
} from '../providers/types';
import type { CallContext } from '../call-context';

/** What every task route needs: the provider, the cache, metrics and the generation settings. */
export interface TaskRuntime {
	config: ProxyConfig;
	provider: Provider;
	cache: ResponseCache;
	metrics: ProxyMetrics;
	log: FastifyBaseLogger;
}

/** Thrown by a task's parser; triggers the one re-ask, then becomes a 502 invalid_model_output. */
export class InvalidModelOutput extends Error {
	constructor( readonly reason: string ) {
		super( reason );
		this.name = 'InvalidModelOutput';
	}
}

/** A short fingerprint of a response schema: changing the schema changes the cache key. */
export function schemaVersion( schema: z.ZodType ): string {
	const json = JSON.stringify(
		z.toJSONSchema( schema, { io: 'input', unrepresentable: 'any' } )
	);
	return createHash( 'sha256' ).update( json ).digest( 'hex' ).slice( 0, 16 );
}

/** Generation settings the proxy applies to every task prompt. */
export function withSettings(
	runtime: TaskRuntime,
	prompt: GenerateRequest
): GenerateRequest {
	return {
		...prompt,
		temperature: prompt.temperature ?? runtime.config.temperature,
		maxTokens: prompt.maxTokens ?? runtime.config.maxOutputTokens,
		refusalIsError: true,
	};
}

export function taskCacheKey(
	runtime: TaskRuntime,
	task: TaskName,
	schema: string,
	prompt: GenerateRequest
): string {
	const { provider, config } = runtime;
	return cacheKey( {
		route: `task:${ task }`,
		provider: provider.name,
		baseUrl: provider.baseUrl,
		model: provider.model,
		params: {
			temperature: prompt.temperature,
			maxTokens: prompt.maxTokens,
			topP: prompt.topP,
			stop: prompt.stop,
			json: prompt.json?.name,
			jsonMode: config.jsonMode,
		},
		schemaVersion: schema,
		promptVersion: PROMPT_VERSIONS[ task ],
		messages: { system: prompt.system, messages: prompt.messages },
	} );
}

/** The re-ask: the same conversation plus the bad answer and what was wrong with it. */
export function reaskPrompt(
	prompt: GenerateRequest,
	badAnswer: string,
	reason: string
): GenerateRequest {
	return {
		...prompt,
		messages: [
			...prompt.messages,
			{
				role: 'assistant',
				content: badAnswer.slice( 0, 20_000 ) || '(empty)',
			},
			{
				role: 'user',
				content: `That answer could not be used: ${ reason }. Answer again with only the requested output, complete and valid.`,
			},
		],
	};
}

/** Splits a text into a few chunks with a macrotask between them, so a replay really streams. */
export function nextTick(): Promise< void > {
	return new Promise( ( resolve ) => setImmediate( resolve ) );
}

/** The largest budget a cut-off answer is retried with (no current model writes more in one answer). */
export const MAX_RETRY_OUTPUT_TOKENS = 32_768;

/** `finishReason: "length"` (OpenAI) and `stop_reason: "max_tokens"` (Anthropic), as the AI SDK unifies them. */
export function wasCut( result: { finishReason: string } ): boolean {
	return result.finishReason === 'length';
}

/**
 * An answer cut at the output limit is not repaired (closing a cut-off JSON would drop the end of
 * an outline or a quiz without a word): it is asked once more with twice the budget, or refused
 * with `output_truncated`, which says so.
 */
export async function askWithLargerBudget(
	runtime: TaskRuntime,
	task: TaskName,
	prompt: GenerateRequest,
	call: CallContext
): Promise< GenerateResult > {
	const current = prompt.maxTokens ?? runtime.config.maxOutputTokens;
	const larger = Math.min( current * 2, MAX_RETRY_OUTPUT_TOKENS );
	if ( larger <= current ) {
		runtime.metrics.truncations.inc( { task, outcome: 'failed' } );
		throw truncated( current );
	}
	runtime.metrics.truncations.inc( { task, outcome: 'retried' } );
	runtime.log.info(
		{ task, maxTokens: current, retryMaxTokens: larger },
		'answer cut at the output limit; asking once more with a larger budget'
	);
	const second = await runtime.provider.generate(
		{ ...prompt, maxTokens: larger },
		call
	);
	if ( wasCut( second ) ) {
		runtime.metrics.truncations.inc( { task, outcome: 'failed' } );
		throw truncated( larger );
	}
	return second;
}

export function truncated( maxTokens: number ): ProxyError {
	return new ProxyError(
		'output_truncated',
		`the answer was cut off: the model reached its output limit (${ maxTokens } tokens) before finishing. Ask for less at once.`
	);
}
