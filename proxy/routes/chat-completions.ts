import { createParser } from 'eventsource-parser';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cacheKey } from '../cache/cache-key';
import { createCallContext, type CallContext } from '../call-context';
import {
	ChatCompletionRequestSchema,
	toGenerateRequest,
	type ChatCompletionRequest,
} from '../chat/chat-request';
import {
	chunkObject,
	completionId,
	completionObject,
	usageChunk,
} from '../chat/openai-format';
import { ProxyError } from '../errors';
import type { Provider } from '../providers/types';
import { SseResponse } from '../sse/sse-response';
import { parseBody, toProxyError } from '../tasks/request-body';
import type { TaskRuntime } from '../tasks/task-runtime';
import { retryAfterMs } from '../upstream/retry-policy';
import type { UpstreamClient } from '../upstream/upstream-client';
import {
	errorForUpstreamStatus,
	upstreamErrorDetail,
} from '../upstream/upstream-errors';

/**
 * POST /v1/chat/completions, OpenAI-compatible. Providers that speak the OpenAI wire get the body
 * passed through byte-faithfully over our own transport (fast, and nothing the SDK would drop is
 * lost); Anthropic and demo answers are translated into the same wire format.
 */
type Wire = NonNullable< Provider[ 'openAiWire' ] >;

function wireError(
	status: number,
	text: string,
	header: ( name: string ) => string | undefined
): ProxyError {
	const detail = upstreamErrorDetail( text );
	// The client's own mistakes (bad parameters) stay 400s; everything else is the provider's or ours.
	if ( status === 400 || status === 422 ) {
		return new ProxyError(
			'invalid_request',
			`provider rejected the request: ${ detail.slice( 0, 300 ) }`
		);
	}
	return errorForUpstreamStatus( status, detail, retryAfterMs( header ) );
}

export function chatCompletionsHandler(
	runtime: TaskRuntime,
	upstream: UpstreamClient
) {
	const { provider, cache, metrics } = runtime;
	const describe = ( error: unknown ) => toProxyError( error, runtime.log );

	/** The body as the provider's OpenAI wire expects it; any answer but a 200 is thrown as its error. */
	async function post(
		wire: Wire,
		body: ChatCompletionRequest,
		call: CallContext
	) {
		const res = await upstream.request(
			wire.url,
			{
				method: 'POST',
				headers: { ...wire.headers, 'x-request-id': call.requestId },
				body: JSON.stringify( body ),
			},
			call
		);
		if ( res.status !== 200 ) {
			const text = await res.text();
			throw wireError( res.status, text, ( name ) => res.header( name ) );
		}
		return res;
	}

	async function passthroughJson(
		wire: Wire,
		body: ChatCompletionRequest,
		call: CallContext
	): Promise< string > {
		const text = await ( await post( wire, body, call ) ).text();
		let parsed: {
			choices?: unknown;
			usage?: { prompt_tokens?: number; completion_tokens?: number };
		};
		try {
			parsed = JSON.parse( text );
		} catch {
			throw new ProxyError(
				'upstream_error',
				'provider answered with malformed JSON'
			);
		}
		if ( ! parsed || ! Array.isArray( parsed.choices ) ) {
			throw new ProxyError(
				'upstream_error',
				'provider answer has no choices'
			);
		}
		metrics.recordTokens(
			provider.name,
			parsed.usage?.prompt_tokens,
			parsed.usage?.completion_tokens
		);
		return text;
	}

	async function passthroughStream(
		wire: Wire,
		body: ChatCompletionRequest,
		call: CallContext,
		sse: SseResponse
	): Promise< void > {
		const res = await post( wire, body, call );
		let sawDone = false;
		let sawError = false;
		const parser = createParser( {
			onEvent( event ) {
				if ( event.data === '[DONE]' ) {
					sawDone = true;
				} else if ( event.data.startsWith( '{"error"' ) ) {
					// The provider's own mid-stream error, forwarded as is; we add none of ours.
					sawError = true;
				} else if ( event.data.includes( '"usage":{' ) ) {
					try {
						const usage = (
							JSON.parse( event.data ) as {
								usage?: {
									prompt_tokens?: number;
									completion_tokens?: number;
								};
							}
						 ).usage;
						metrics.recordTokens(
							provider.name,
							usage?.prompt_tokens,
							usage?.completion_tokens
						);
					} catch {
						// Forwarded as is; the client's parser will judge it.
					}
				}
				sse.write(
					event.event
						? `event: ${ event.event }\ndata: ${ event.data }\n\n`
						: `data: ${ event.data }\n\n`
				);
			},
		} );
		const decoder = new TextDecoder();
		for await ( const chunk of res.chunks() ) {
			parser.feed( decoder.decode( chunk, { stream: true } ) );
		}
		if ( ! sawDone && ! sawError ) {
			throw new ProxyError(
				'upstream_error',
				'provider stream ended without [DONE]'
			);
		}
		sse.end();
	}

	async function translatedJson(
		body: ChatCompletionRequest,
		call: CallContext
	): Promise< string > {
		const result = await provider.generate(
			toGenerateRequest( body ),
			call
		);
		return JSON.stringify(
			completionObject(
				completionId(),
				provider.model,
				result.text,
				result.finishReason,
				result.usage
			)
		);
	}

	async function translatedStream(
		body: ChatCompletionRequest,
		call: CallContext,
		sse: SseResponse
	): Promise< void > {
		const id = completionId();
		const created = Math.floor( Date.now() / 1000 );
		const send = ( value: unknown ) => sse.data( JSON.stringify( value ) );
		const sendChunk = (
			delta: Record< string, unknown >,
			finishReason: string | null = null
		) =>
			send(
				chunkObject( id, provider.model, created, delta, finishReason )
			);
		// An OpenAI stream opens with a chunk naming the assistant role, even when the answer is empty.
		let started = false;
		const openOnce = () => {
			if ( ! started ) {
				sendChunk( { role: 'assistant', content: '' } );
				started = true;
			}
		};
		let finish = {
			reason: 'stop',
			usage: {} as { promptTokens?: number; completionTokens?: number },
		};
		for await ( const part of provider.stream(
			toGenerateRequest( body ),
			call
		) ) {
			if ( part.type === 'finish' ) {
				finish = { reason: part.finishReason, usage: part.usage };
				continue;
			}
			openOnce();
			sendChunk( { content: part.text } );
		}
		openOnce();
		sendChunk( {}, finish.reason );
		if ( body.stream_options?.include_usage ) {
			send( usageChunk( id, provider.model, created, finish.usage ) );
		}
		sse.data( '[DONE]' );
		sse.end();
	}

	return async function handle(
		request: FastifyRequest,
		reply: FastifyReply
	) {
		const parsed = parseBody( ChatCompletionRequestSchema, request.body );
		// The proxy owns the model choice, like the keys: the configured model answers whatever was asked.
		const body: ChatCompletionRequest = {
			...parsed,
			model: provider.model,
		};
		const wire = provider.openAiWire;

		if ( body.stream ) {
			const call = createCallContext(
				request,
				reply,
				runtime.config.deadlines.totalMs
			);
			const sse = new SseResponse( reply );
			try {
				await ( wire
					? passthroughStream( wire, body, call, sse )
					: translatedStream( body, call, sse ) );
			} catch ( error ) {
				sse.failAfterStart( error, describe, 'data' );
			} finally {
				call.dispose();
			}
			return reply;
		}

		const { messages, stream: _stream, ...params } = body;
		const key = cacheKey( {
			route: 'chat',
			provider: provider.name,
			baseUrl: provider.baseUrl,
			model: provider.model,
			params,
			schemaVersion: 'openai-chat/1',
			promptVersion: 'passthrough',
			messages,
		} );
		const cached = await cache.get( 'chat', key );
		if ( cached !== undefined ) {
			return reply
				.header( 'x-mpcc-cache', 'hit' )
				.type( 'application/json' )
				.send( cached );
		}
		const call = createCallContext(
			request,
			reply,
			runtime.config.deadlines.totalMs
		);
		try {
			const { value, shared } = await cache.share(
				'chat',
				key,
				call.signal,
				async ( signal ) => {
					const sharedCall = { ...call, signal };
					const text = wire
						? await passthroughJson( wire, body, sharedCall )
						: await translatedJson( body, sharedCall );
					await cache.set( key, text );
					return text;
				}
			);
			return reply
				.header( 'x-mpcc-cache', shared ? 'shared' : 'miss' )
				.type( 'application/json' )
				.send( value );
		} finally {
			call.dispose();
		}
	};
}
