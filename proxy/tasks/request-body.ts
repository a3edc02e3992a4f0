import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import { ClientClosedError } from '../call-context';
import { ProxyError } from '../errors';
import { InvalidModelOutput } from './task-runtime';

/** Validates a request body against its shared schema; a failure is a 400 naming the first problems. */
export function parseBody< T >( schema: z.ZodType< T >, body: unknown ): T {
	const result = schema.safeParse( body );
	if ( ! result.success ) {
		const detail = result.error.issues
			.slice( 0, 5 )
			.map(
				( issue ) =>
					`${ issue.path.join( '.' ) || 'body' }: ${ issue.message }`
			)
			.join( '; ' );
		throw new ProxyError(
			'invalid_request',
			`invalid request body — ${ detail }`
		);
	}
	return result.data;
}

/** Any failure as the ProxyError a client may see; unexpected ones are logged and kept vague. */
export function toProxyError(
	error: unknown,
	log: FastifyBaseLogger
): ProxyError {
	if ( error instanceof ProxyError ) {
		return error;
	}
	if ( error instanceof InvalidModelOutput ) {
		return new ProxyError( 'invalid_model_output', error.reason );
	}
	if ( error instanceof ClientClosedError ) {
		return new ProxyError(
			'invalid_request',
			'client closed the connection'
		);
	}
	log.error( { err: error }, 'unexpected error' );
	return new ProxyError( 'internal_error', 'internal error in the proxy' );
}
