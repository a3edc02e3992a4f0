import { hash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProxyError } from './errors';

/**
 * Bearer token check in constant time: both sides are hashed first so the comparison has a fixed
 * length and leaks neither the token nor its length.
 */
export function createAuthHook( token: string ) {
	const expected = hash( 'sha256', token, 'buffer' );
	// A callback hook, not an async one: no promise per request.
	return function authenticate(
		request: FastifyRequest,
		_reply: FastifyReply,
		done: ( error?: Error ) => void
	): void {
		if ( ! token ) {
			done();
			return;
		}
		const header = request.headers.authorization ?? '';
		const presented = header.startsWith( 'Bearer ' )
			? header.slice( 7 ).trim()
			: '';
		const actual = hash( 'sha256', presented, 'buffer' );
		if ( ! presented || ! timingSafeEqual( actual, expected ) ) {
			done(
				new ProxyError(
					'unauthorized',
					'missing or invalid bearer token'
				)
			);
			return;
		}
		done();
	};
}
