import type { FastifyReply, FastifyRequest } from 'fastify';
import { createCallContext } from '../call-context';
import type { ChatAnswers } from '../chat/chat-answers';
import { SseResponse } from '../sse/sse-response';

/**
 * POST /v1/chat/completions through fastify: what the pass-through lane (passthrough/) leaves to it,
 * such as a body that is not JSON. The answers are the same (chat/chat-answers.ts).
 */
export function chatCompletionsHandler(
	answers: ChatAnswers,
	totalMs: number
) {
	return async function handle(
		request: FastifyRequest,
		reply: FastifyReply
	) {
		const body = answers.prepare( request.body );
		const openCall = () => createCallContext( request, reply, totalMs );
		if ( body.stream ) {
			await answers.stream(
				body,
				openCall,
				SseResponse.forReply( reply )
			);
			return reply;
		}
		const { text, cache } = await answers.json( body, openCall );
		return reply
			.header( 'x-mpcc-cache', cache )
			.type( 'application/json' )
			.send( text );
	};
}
