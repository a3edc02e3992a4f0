import type { FastifyReply, FastifyRequest } from 'fastify';
import { createCallContext, type CallContext } from '../call-context';
import type { GenerateRequest } from '../providers/types';
import { SseResponse } from '../sse/sse-response';
import { oneObjectAnswer } from './one-object-answer';
import { parseBody, toProxyError } from './request-body';
import type { TaskSpec } from './task-spec';
import {
	nextTick,
	schemaVersion,
	taskCacheKey,
	withSettings,
	type TaskRuntime,
} from './task-runtime';

/** How a task gets a checked response from the model, streamed (deltas and structured events) or not. */
interface ModelAnswer< Req, Res > {
	generate: (
		request: Req,
		call: CallContext,
		prompt: GenerateRequest
	) => Promise< Res >;
	stream: (
		request: Req,
		call: CallContext,
		prompt: GenerateRequest,
		sse: SseResponse
	) => Promise< Res >;
}

function modelAnswer< Req extends { stream?: boolean }, Out, Res >(
	spec: TaskSpec< Req, Out, Res >,
	runtime: TaskRuntime
): ModelAnswer< Req, Res > {
	const { answer } = spec;
	if ( answer.kind === 'object' ) {
		return oneObjectAnswer( spec, answer, runtime );
	}
	return {
		generate: async ( request, call ) =>
			spec.respond(
				await answer.generate( runtime, request, call ),
				request,
				false
			),
		stream: async ( request, call, _prompt, sse ) =>
			spec.respond(
				await answer.generate( runtime, request, call, sse ),
				request,
				false
			),
	};
}

/**
 * Runs one task route from its spec: demo answers offline; real providers go through the cache, the
 * in-flight sharing and the model. With `stream: true` the same response is delivered as SSE
 * (docs/contracts.md "Stream events"): delta…, the structured events, done — or error.
 */
export function taskHandler< Req extends { stream?: boolean }, Out, Res >(
	spec: TaskSpec< Req, Out, Res >,
	runtime: TaskRuntime
) {
	const version = schemaVersion( spec.responseSchema );
	const model = modelAnswer( spec, runtime );
	const describe = ( error: unknown ) => toProxyError( error, runtime.log );

	/** Demo answers and cache hits: already complete, streamed in a few events. */
	async function replay(
		reply: FastifyReply,
		request: Req,
		response: Res
	): Promise< FastifyReply > {
		const sse = SseResponse.forReply( reply );
		for ( const text of spec.replayDeltas( response, request ) ) {
			sse.event( 'delta', { text } );
			await nextTick();
		}
		for ( const [ name, data ] of spec.events( response ) ) {
			sse.event( name, data );
			await nextTick();
		}
		sse.event( 'done', response );
		sse.end();
		return reply;
	}

	return async function handle(
		httpRequest: FastifyRequest,
		reply: FastifyReply
	) {
		const request = parseBody( spec.requestSchema, httpRequest.body );
		const wantsStream = request.stream === true;

		if ( runtime.provider.demo ) {
			const response = spec.respond(
				spec.demo( request ),
				request,
				true
			);
			return wantsStream ? replay( reply, request, response ) : response;
		}

		const prompt = withSettings( runtime, spec.prompt( request ) );
		const key = taskCacheKey( runtime, spec.name, version, prompt );
		const cached = await runtime.cache.get( spec.name, key );
		if ( cached !== undefined ) {
			reply.header( 'x-mpcc-cache', 'hit' );
			// The stored JSON is the answer's body: sent as is, not parsed and serialized again.
			return wantsStream
				? replay( reply, request, JSON.parse( cached ) as Res )
				: reply.type( 'application/json' ).send( cached );
		}

		const call = createCallContext(
			httpRequest,
			reply,
			runtime.config.deadlines.totalMs
		);
		try {
			if ( ! wantsStream ) {
				const { value, shared } = await runtime.cache.share(
					spec.name,
					key,
					call.cancellation,
					async ( cancellation ) => {
						const response = await model.generate(
							request,
							{ ...call, cancellation },
							prompt
						);
						// Serialized once: the same text is stored and sent.
						const text = JSON.stringify( response );
						await runtime.cache.set( key, text );
						return text;
					}
				);
				reply.header( 'x-mpcc-cache', shared ? 'shared' : 'miss' );
				return reply.type( 'application/json' ).send( value );
			}
			reply.header( 'x-mpcc-cache', 'miss' );
			const sse = SseResponse.forReply( reply );
			try {
				const response = await model.stream(
					request,
					call,
					prompt,
					sse
				);
				sse.event( 'done', response );
				sse.end();
				await runtime.cache.set( key, JSON.stringify( response ) );
			} catch ( error ) {
				sse.failAfterStart( error, describe );
			}
			return reply;
		} finally {
			call.dispose();
		}
	};
}
