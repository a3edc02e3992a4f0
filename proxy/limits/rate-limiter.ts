import type { IncomingHttpHeaders } from 'node:http';
import type { Redis } from 'ioredis';
import RateLimiterMemory from 'rate-limiter-flexible/lib/RateLimiterMemory';
import RateLimiterRedis from 'rate-limiter-flexible/lib/RateLimiterRedis';
import RateLimiterRes from 'rate-limiter-flexible/lib/RateLimiterRes';
import type { ProxyConfig } from '../config';
import { ProxyError } from '../errors';
import type { CounterSeries } from '../metrics';

/**
 * Requests per site+user per window (X-MPCC-Site / X-MPCC-User, else the client IP), counted by
 * rate-limiter-flexible: in this process, or in Redis when the cache has a connection so several
 * proxies share one count. Both the fastify routes (plugins/rate-limit.ts) and the pass-through lane
 * (passthrough/) ask the same limiter, so one client has one budget whatever route it calls.
 */
export interface RateLimiter {
	/** Counts one request; the error to answer with when it is over the limit. */
	take: (
		headers: IncomingHttpHeaders,
		ip: string | undefined
	) => Promise< ProxyError | undefined >;
}

export function rateLimitKey(
	headers: IncomingHttpHeaders,
	ip: string | undefined
): string {
	const site = headers[ 'x-mpcc-site' ];
	const user = headers[ 'x-mpcc-user' ];
	return site || user
		? `${ String( site ?? '-' ) }|${ String( user ?? '-' ) }`
		: `ip|${ ip ?? '' }`;
}

export function createRateLimiter(
	{ max, windowMs }: ProxyConfig[ 'rateLimit' ],
	redis: Redis | undefined,
	rejected: CounterSeries,
	onStoreError: ( error: unknown ) => void
): RateLimiter {
	// The library counts whole seconds.
	const duration = Math.max( 1, Math.ceil( windowMs / 1000 ) );
	const limiter = redis
		? new RateLimiterRedis( {
				storeClient: redis,
				keyPrefix: 'mpcc:rl',
				points: max,
				duration,
			} )
		: new RateLimiterMemory( { points: max, duration } );
	const message = `rate limit of ${ max } requests per ${ duration } s reached`;
	return {
		async take( headers, ip ) {
			try {
				await limiter.consume( rateLimitKey( headers, ip ) );
				return undefined;
			} catch ( outcome ) {
				if ( outcome instanceof RateLimiterRes ) {
					rejected.inc();
					return new ProxyError( 'rate_limited', message, {
						retryAfter: outcome.msBeforeNext / 1000,
					} );
				}
				// Redis trouble must not take the proxy down with it: the request goes through.
				onStoreError( outcome );
				return undefined;
			}
		},
	};
}
