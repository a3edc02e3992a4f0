import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ProxyError } from './errors';

/**
 * Bearer token check in constant time: both sides are hashed first so the comparison has a fixed
 * length and leaks neither the token nor its length.
 */
export function createAuthHook( token: string ) {
	const expected = createHash( 'sha256' ).update( token ).digest();
	return async function authenticate(
		request: FastifyRequest
	): Promise< void > {
		if ( ! token ) {
			return;
		}
		const header = request.headers.authorization ?? '';
		const presented = header.startsWith( 'Bearer ' )
			? header.slice( 7 ).trim()
			: '';
		const actual = createHash( 'sha256' ).update( presented ).digest();
		if ( ! presented || ! timingSafeEqual( actual, expected ) ) {
			throw new ProxyError(
				'unauthorized',
				'missing or invalid bearer token'
			);
		}
	};
}
