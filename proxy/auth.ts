import { hash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProxyError } from './errors';

/**
 * Bearer token check in constant time: both sides are hashed first so the comparison has a fixed
 * length and leaks neither the token nor its length. `refusal` is shared by the fastify hook and the
 * pass-through lane; undefined means the request may go on.
 */
export function bearerCheck( token: string ) {
	const expected = hash( 'sha256', token, 'buffer' );
	return function refusal(
		authorization: string | undefined
	): ProxyError | undefined {
		if ( ! token ) {
			return undefined;
		}
		const header = authorization ?? '';
		const presented = header.startsWith( 'Bearer ' )
			? header.slice( 7 ).trim()
			: '';
		const actual = hash( 'sha256', presented, 'buffer' );
		return presented && timingSafeEqual( actual, expected )
			? undefined
			: new ProxyError(
					'unauthorized',
					'missing or invalid bearer token'
				);
	};
}

export function createAuthHook( token: string ) {
	const refusal = bearerCheck( token );
	// A callback hook, not an async one: no promise per request.
	return function authenticate(
		request: FastifyRequest,
		_reply: FastifyReply,
		done: ( error?: Error ) => void
	): void {
		done( refusal( request.headers.authorization ) );
	};
}
