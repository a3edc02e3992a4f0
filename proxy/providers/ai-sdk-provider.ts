import type { FastifyBaseLogger } from 'fastify';
import type { CallContext } from '../call-context';
import type { ProxyConfig } from '../config';
import { findProxyError, ProxyError } from '../errors';
import type { ProxyMetrics } from '../metrics';
import { retryAfterMs } from '../upstream/retry-policy';
import type { UpstreamClient } from '../upstream/upstream-client';
import {
	errorForUpstreamStatus,
	upstreamErrorDetail,
} from '../upstream/upstream-errors';
import { rejectsJsonMode, resolveJsonMode, weakerJsonMode } from './json-mode';
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
import {
	isApiCallError,
	refusalDeltaOf,
	refusalOf,
	refused,
	streamErrorOf,
} from './provider-answers';

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
	readonly jsonMode: JsonMode;

	constructor(
		private readonly definition: ProviderDefinition,
		private readonly config: ProxyConfig,
		private readonly upstream: UpstreamClient,
		private readonly metrics: ProxyMetrics,
		private readonly log?: FastifyBaseLogger
	) {
		this.name = definition.name;
		this.model = config.model;
		this.baseUrl = config.baseUrl;
		this.jsonMode = resolveJsonMode(
			config.jsonMode,
			definition.strongestJsonMode
		);
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
		return this.withJsonFallback( request, call, ( mode ) =>
			this.generateOnce( request, call, mode )
		);
	}

	stream(
		request: GenerateRequest,
		call: CallContext
	): AsyncGenerator< StreamPart > {
		return this.streamWithFallback( request, call );
	}

	/**
	 * A provider that answers 400 naming the structured-output parameter is asked once more one mode
	 * down (schema → object → off): logged and counted, never the user's failure.
	 */
	private async withJsonFallback< T >(
		request: GenerateRequest,
		call: CallContext,
		attempt: ( mode: JsonMode ) => Promise< T >
	): Promise< T > {
		try {
			return await attempt( this.jsonMode );
		} catch ( error ) {
			const lower = this.fallbackFor( request, error );
			if ( ! lower ) {
				throw this.toProxyError( error, call );
			}
			try {
				return await attempt( lower );
			} catch ( again ) {
				throw this.toProxyError( again, call );
			}
		}
	}

	private async *streamWithFallback(
		request: GenerateRequest,
		call: CallContext
	): AsyncGenerator< StreamPart > {
		// doStream fails before any part when the provider answers 400, so nothing has been yielded yet.
		const parts = await this.withJsonFallback( request, call, ( mode ) =>
			this.openStream( request, call, mode )
		);
		yield* this.readStream( parts, call, request.refusalIsError === true );
	}

	/** The weaker mode to retry with, when this error is the provider refusing the JSON mode. */
	private fallbackFor(
		request: GenerateRequest,
		error: unknown
	): JsonMode | undefined {
		if (
			! request.json ||
			this.jsonMode === 'off' ||
			! isApiCallError( error ) ||
			! rejectsJsonMode(
				error.statusCode,
				error.responseBody ?? error.message
			)
		) {
			return undefined;
		}
		const lower = weakerJsonMode( this.jsonMode );
		if ( lower ) {
			this.metrics.jsonModeFallbacks.inc( {
				provider: this.name,
				from: this.jsonMode,
				to: lower,
			} );
			this.log?.warn(
				{
					provider: this.name,
					from: this.jsonMode,
					to: lower,
					detail: upstreamErrorDetail(
						error.responseBody ?? error.message
					),
				},
				'provider rejected the JSON mode; asking once more one level down'
			);
		}
		return lower;
	}

	private async generateOnce(
		request: GenerateRequest,
		call: CallContext,
		mode: JsonMode
	): Promise< GenerateResult > {
		const model = this.definition.createModel(
			this.config,
			this.upstream.fetchFor( call )
		);
		const result = await model.doGenerate(
			this.callOptions( request, call, mode )
		);
		const text = result.content
			.map( ( part ) => ( part.type === 'text' ? part.text : '' ) )
			.join( '' );
		const finishReason = result.finishReason.unified;
		const refusal = refusalOf( result.response?.body );
		if (
			request.refusalIsError &&
			( refusal !== undefined || finishReason === 'content-filter' )
		) {
			throw refused( refusal ?? text );
		}
		const usage = this.usage( result.usage );
		return { text, usage, finishReason };
	}

	private async openStream(
		request: GenerateRequest,
		call: CallContext,
		mode: JsonMode
	): Promise< ReadableStream< unknown > > {
		const model = this.definition.createModel(
			this.config,
			this.upstream.fetchFor( call )
		);
		const result = await model.doStream( {
			...this.callOptions( request, call, mode ),
			// Raw chunks show OpenAI's `delta.refusal`, which the SDK otherwise streams as plain text.
			includeRawChunks:
				request.refusalIsError === true &&
				this.definition.speaksOpenAiWire,
		} );
		return result.stream as ReadableStream< unknown >;
	}

	private async *readStream(
		stream: ReadableStream< unknown >,
		call: CallContext,
		refusalIsError: boolean
	): AsyncGenerator< StreamPart > {
		const reader = stream.getReader();
		let refusal: string | undefined;
		let text = '';
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if ( done ) {
					return;
				}
				const part = value as {
					type: string;
					delta?: string;
					error?: unknown;
					rawValue?: unknown;
					usage?: Parameters< AiSdkProvider[ 'usage' ] >[ 0 ];
					finishReason?: { unified: string };
				};
				if ( part.type === 'raw' ) {
					if ( ! refusalIsError ) {
						continue;
					}
					const piece = refusalDeltaOf( part.rawValue );
					if ( piece !== undefined ) {
						refusal = ( refusal ?? '' ) + piece;
					}
				} else if ( part.type === 'text-delta' && part.delta ) {
					text += part.delta;
					if ( refusal === undefined ) {
						yield { type: 'text', text: part.delta };
					}
				} else if ( part.type === 'error' ) {
					throw part.error;
				} else if ( part.type === 'finish' ) {
					const finishReason = part.finishReason?.unified ?? 'stop';
					if (
						refusalIsError &&
						( refusal !== undefined ||
							finishReason === 'content-filter' )
					) {
						throw refused( refusal ?? text );
					}
					yield {
						type: 'finish',
						usage: part.usage ? this.usage( part.usage ) : {},
						finishReason,
					};
				}
			}
		} catch ( error ) {
			throw this.toProxyError( error, call );
		} finally {
			reader.cancel().catch( () => undefined );
		}
	}

	private callOptions(
		request: GenerateRequest,
		call: CallContext,
		mode: JsonMode
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
		const json = request.json
			? this.definition.jsonOptions( mode, request.json )
			: {};
		return {
			prompt,
			maxOutputTokens: request.maxTokens,
			temperature: request.temperature,
			topP: request.topP,
			stopSequences: request.stop,
			...json,
			abortSignal: call.cancellation.signal,
			headers: { 'x-request-id': call.requestId },
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
		if ( call.cancellation.reason ) {
			return call.cancellation.reason;
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
		const streamed = streamErrorOf( error );
		if ( streamed ) {
			return streamed;
		}
		return new ProxyError(
			'upstream_error',
			`provider answer could not be read: ${ ( error as Error ).message }`,
			{ cause: error }
		);
	}
}
