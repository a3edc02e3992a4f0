import { createParser } from 'eventsource-parser';
import { cacheKey } from '../cache/cache-key';
import type { CallContext, OpenCallContext } from '../call-context';
import {
	ChatCompletionRequestSchema,
	toGenerateRequest,
	type ChatCompletionRequest,
} from './chat-request';
import {
	chunkObject,
	completionId,
	completionObject,
	usageChunk,
} from './openai-format';
import { ProxyError } from '../errors';
import type { Provider } from '../providers/types';
import type { SseResponse } from '../sse/sse-response';
import { parseBody, toProxyError } from '../tasks/request-body';
import type { TaskRuntime } from '../tasks/task-runtime';
import { retryAfterMs } from '../upstream/retry-policy';
import type { UpstreamClient } from '../upstream/upstream-client';
import {
	errorForUpstreamStatus,
	upstreamErrorDetail,
} from '../upstream/upstream-errors';

/**
 * The answers of POST /v1/chat/completions (OpenAI-compatible), whichever door the request came in
 * by: the pass-through lane (passthrough/, plain node:http, the usual way) or the fastify route
 * (routes/chat-completions.ts, for what the lane leaves to fastify). Providers that speak the OpenAI
 * wire get the body passed through byte-faithfully over our own transport (fast, and nothing the SDK
 * would drop is lost), and their stream is forwarded as it arrives; Anthropic and demo answers are
 * translated into the same wire format. JSON answers are cached and shared while in flight.
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

export interface ChatAnswers {
	/** The validated body, with the configured model: the proxy owns the model choice, like the keys. */
	prepare: ( raw: unknown ) => ChatCompletionRequest;
	/** A JSON answer, from the cache or the provider; `openCall` is only called on a miss. */
	json: (
		body: ChatCompletionRequest,
		openCall: () => OpenCallContext
	) => Promise< { text: string; cache: 'hit' | 'miss' | 'shared' } >;
	/**
	 * A streamed answer; failures before the first byte are thrown, later ones end the stream. The call
	 * context is opened here and disposed of when the stream ends, as `json` does.
	 */
	stream: (
		body: ChatCompletionRequest,
		openCall: () => OpenCallContext,
		sse: SseResponse
	) => Promise< void >;
}

export function chatAnswers(
	runtime: TaskRuntime,
	upstream: UpstreamClient
): ChatAnswers {
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
					// Read for the token metrics only; the bytes were forwarded as they came.
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
			},
		} );
		const decoder = new TextDecoder();
		let atEventEnd = true;
		try {
			await res.eachChunk( ( chunk ) => {
				// Forwarded before it is read: the client's first token waits for nothing of ours.
				sse.write( chunk );
				const text = decoder.decode( chunk, { stream: true } );
				atEventEnd =
					text.endsWith( '\n\n' ) || text.endsWith( '\r\n\r\n' );
				parser.feed( text );
			} );
			if ( ! sawDone && ! sawError ) {
				throw new ProxyError(
					'upstream_error',
					'provider stream ended without [DONE]'
				);
			}
		} catch ( error ) {
			// Our error frame must not be glued to half an event of the provider's.
			if ( ! atEventEnd && sse.started ) {
				sse.write( '\n\n' );
			}
			throw error;
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

	const wire = provider.openAiWire;

	return {
		prepare( raw ) {
			return {
				...parseBody( ChatCompletionRequestSchema, raw ),
				model: provider.model,
			};
		},

		async stream( body, openCall, sse ) {
			const call = openCall();
			try {
				await ( wire
					? passthroughStream( wire, body, call, sse )
					: translatedStream( body, call, sse ) );
			} catch ( error ) {
				sse.failAfterStart( error, describe, 'data' );
			} finally {
				call.dispose();
			}
		},

		async json( body, openCall ) {
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
				return { text: cached, cache: 'hit' };
			}
			const call = openCall();
			try {
				const { value, shared } = await cache.share(
					'chat',
					key,
					call.cancellation,
					async ( cancellation ) => {
						const sharedCall = { ...call, cancellation };
						const text = wire
							? await passthroughJson( wire, body, sharedCall )
							: await translatedJson( body, sharedCall );
						await cache.set( key, text );
						return text;
					}
				);
				return { text: value, cache: shared ? 'shared' : 'miss' };
			} finally {
				call.dispose();
			}
		},
	};
}
