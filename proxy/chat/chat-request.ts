import { z } from 'zod';
import { ProxyError } from '../errors';
import type { ChatTurn, GenerateRequest } from '../providers/types';

/**
 * The OpenAI chat-completions request as far as the proxy needs to read it. Unknown fields pass
 * through untouched to OpenAI-wire providers (tools, response_format, logprobs …).
 */
const ContentPartSchema = z.looseObject( {
	type: z.string(),
	text: z.string().optional(),
} );

export const ChatCompletionRequestSchema = z.looseObject( {
	model: z.string().optional(),
	messages: z
		.array(
			z.looseObject( {
				role: z.enum( [
					'system',
					'developer',
					'user',
					'assistant',
					'tool',
					'function',
				] ),
				content: z
					.union( [
						z.string(),
						z.array( ContentPartSchema ),
						z.null(),
					] )
					.optional(),
			} )
		)
		.min( 1 )
		.max( 1000 ),
	stream: z.boolean().optional(),
	stream_options: z
		.looseObject( { include_usage: z.boolean().optional() } )
		.nullable()
		.optional(),
	temperature: z.number().min( 0 ).max( 2 ).nullable().optional(),
	top_p: z.number().min( 0 ).max( 1 ).nullable().optional(),
	max_tokens: z.number().int().positive().nullable().optional(),
	max_completion_tokens: z.number().int().positive().nullable().optional(),
	stop: z
		.union( [ z.string(), z.array( z.string() ) ] )
		.nullable()
		.optional(),
	n: z.number().int().min( 1 ).max( 1 ).nullable().optional(),
} );

export type ChatCompletionRequest = z.infer<
	typeof ChatCompletionRequestSchema
>;

function textOf(
	content: ChatCompletionRequest[ 'messages' ][ number ][ 'content' ]
): string {
	if ( typeof content === 'string' ) {
		return content;
	}
	if ( ! content ) {
		return '';
	}
	return content
		.map( ( part ) => {
			if ( part.type !== 'text' ) {
				throw new ProxyError(
					'invalid_request',
					`content part type "${ part.type }" is not supported by this provider`
				);
			}
			return part.text ?? '';
		} )
		.join( '' );
}

/** For providers that do not speak the OpenAI wire: the request as a provider-neutral prompt. */
export function toGenerateRequest(
	body: ChatCompletionRequest
): GenerateRequest {
	const system: string[] = [];
	const messages: ChatTurn[] = [];
	for ( const message of body.messages ) {
		if ( message.role === 'system' || message.role === 'developer' ) {
			system.push( textOf( message.content ) );
		} else if ( message.role === 'user' || message.role === 'assistant' ) {
			messages.push( {
				role: message.role,
				content: textOf( message.content ),
			} );
		} else {
			throw new ProxyError(
				'invalid_request',
				`role "${ message.role }" is not supported by this provider`
			);
		}
	}
	if ( body.tools ) {
		throw new ProxyError(
			'invalid_request',
			'tools are not supported by this provider through /v1/chat/completions'
		);
	}
	return {
		system: system.length ? system.join( '\n\n' ) : undefined,
		messages,
		temperature: body.temperature ?? undefined,
		topP: body.top_p ?? undefined,
		maxTokens: body.max_completion_tokens ?? body.max_tokens ?? undefined,
		stop:
			typeof body.stop === 'string'
				? [ body.stop ]
				: ( body.stop ?? undefined ),
	};
}
