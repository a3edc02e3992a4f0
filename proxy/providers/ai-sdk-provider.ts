import { abortReason, type CallContext } from '../call-context';
import type { ProxyConfig } from '../config';
import { findProxyError, ProxyError } from '../errors';
import type { ProxyMetrics } from '../metrics';
import { retryAfterMs } from '../upstream/retry-policy';
import type { UpstreamClient } from '../upstream/upstream-client';
import {
	errorForUpstreamStatus,
	upstreamErrorDetail,
} from '../upstream/upstream-errors';
import type {
	GenerateRequest,
	GenerateResult,
	JsonMode,
	ModelCallOptions,
	Provider,
	ProviderDefinition,
	StreamPart,
	Usage,
} from './types';

/**
 * The shape of the AI SDK's APICallError, checked structurally: importing `ai` for its class would
 * load the whole SDK (≈20 MB of RSS) for one instanceof.
 */
function isApiCallError( error: unknown ): error is Error & {
	statusCode: number;
	responseHeaders?: Record< string, string >;
	responseBody?: string;
} {
	return (
		error instanceof Error &&
		error.name === 'AI_APICallError' &&
		typeof ( error as { statusCode?: unknown } ).statusCode === 'number'
	);
}

/**
 * A real provider: the AI SDK's provider package builds the wire request and parses the answer
 * (doGenerate/doStream, the LanguageModelV3 layer), while retries, deadlines and cancellation stay
 * ours through the injected fetch. We skip generateText/streamText on purpose: their retry and
 * output-validation layer is exactly what the proxy replaces.
 */
export class AiSdkProvider implements Provider {
	readonly name;
	readonly model: string;
	readonly baseUrl: string;
	readonly demo = false;
	readonly openAiWire?: Provider[ 'openAiWire' ];
	private readonly jsonMode: JsonMode;

	constructor(
		private readonly definition: ProviderDefinition,
		private readonly config: ProxyConfig,
		private readonly upstream: UpstreamClient,
		private readonly metrics: ProxyMetrics
	) {
		this.name = definition.name;
		this.model = config.model;
		this.baseUrl = config.baseUrl;
		this.jsonMode =
			config.jsonMode === 'auto'
				? definition.defaultJsonMode
				: config.jsonMode;
		if ( definition.speaksOpenAiWire ) {
			this.openAiWire = {
				url: new URL( `${ config.baseUrl }/chat/completions` ),
				headers: {
					'content-type': 'application/json',
					...definition.wireHeaders?.( config ),
				},
			};
		}
	}

	async generate(
		request: GenerateRequest,
		call: CallContext
	): Promise< GenerateResult > {
		const model = this.definition.createModel(
			this.config,
			this.upstream.fetchFor( call )
		);
		try {
			const result = await model.doGenerate(
				this.callOptions( request, call )
			);
			const text = result.content
				.map( ( part ) => ( part.type === 'text' ? part.text : '' ) )
				.join( '' );
			const usage = this.usage( result.usage );
			return { text, usage, finishReason: result.finishReason.unified };
		} catch ( error ) {
			throw this.toProxyError( error, call );
		}
	}

	async *stream(
		request: GenerateRequest,
		call: CallContext
	): AsyncGenerator< StreamPart > {
		const model = this.definition.createModel(
			this.config,
			this.upstream.fetchFor( call )
		);
		let reader: ReadableStreamDefaultReader< unknown > | undefined;
		try {
			const result = await model.doStream(
				this.callOptions( request, call )
			);
			reader = result.stream.getReader();
			for (;;) {
				const { value, done } = await reader.read();
				if ( done ) {
					return;
				}
				const part = value as {
					type: string;
					delta?: string;
					error?: unknown;
					usage?: Parameters< AiSdkProvider[ 'usage' ] >[ 0 ];
					finishReason?: { unified: string };
				};
				if ( part.type === 'text-delta' && part.delta ) {
					yield { type: 'text', text: part.delta };
				} else if ( part.type === 'error' ) {
					throw part.error;
				} else if ( part.type === 'finish' && part.usage ) {
					yield {
						type: 'finish',
						usage: this.usage( part.usage ),
						finishReason: part.finishReason?.unified ?? 'stop',
					};
				}
			}
		} catch ( error ) {
			throw this.toProxyError( error, call );
		} finally {
			reader?.cancel().catch( () => undefined );
		}
	}

	private callOptions(
		request: GenerateRequest,
		call: CallContext
	): ModelCallOptions {
		const prompt: ModelCallOptions[ 'prompt' ] = [];
		if ( request.system ) {
			prompt.push( { role: 'system', content: request.system } );
		}
		for ( const turn of request.messages ) {
			prompt.push( {
				role: turn.role,
				content: [ { type: 'text', text: turn.content } ],
			} );
		}
		let responseFormat: ModelCallOptions[ 'responseFormat' ];
		if ( request.json && this.jsonMode !== 'off' ) {
			responseFormat =
				this.jsonMode === 'schema'
					? {
							type: 'json',
							name: request.json.name,
							schema: request.json.schema as never,
						}
					: { type: 'json' };
		}
		return {
			prompt,
			maxOutputTokens: request.maxTokens,
			temperature: request.temperature,
			topP: request.topP,
			stopSequences: request.stop,
			responseFormat,
			abortSignal: call.signal,
			headers: { 'x-request-id': call.requestId },
			providerOptions: this.definition.providerOptions,
		};
	}

	private usage( usage: {
		inputTokens: { total: number | undefined };
		outputTokens: { total: number | undefined };
	} ): Usage {
		const result = {
			promptTokens: usage.inputTokens.total,
			completionTokens: usage.outputTokens.total,
		};
		this.metrics.recordTokens(
			this.name,
			result.promptTokens,
			result.completionTokens
		);
		return result;
	}

	private toProxyError( error: unknown, call: CallContext ): Error {
		if ( call.signal.aborted ) {
			return abortReason( call.signal );
		}
		const own = findProxyError( error );
		if ( own ) {
			return own;
		}
		if ( isApiCallError( error ) ) {
			const headers = error.responseHeaders ?? {};
			const hint = retryAfterMs( ( name ) => headers[ name ] );
			return errorForUpstreamStatus(
				error.statusCode,
				upstreamErrorDetail( error.responseBody ?? error.message ),
				hint
			);
		}
		return new ProxyError(
			'upstream_error',
			`provider answer could not be read: ${ ( error as Error ).message }`,
			{ cause: error }
		);
	}
}
