import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import { ProxyError } from '../errors';
import type { ConfigOptions } from './decorations';

/**
 * Requests per site+user per window (X-MPCC-Site / X-MPCC-User, else the client IP), in Redis when
 * the cache has a connection. Each request over the limit is counted by the limiter's own hook.
 */
export default fp< ConfigOptions >(
	async ( app, { config } ) => {
		const rejected = app.metrics.rateLimited;
		await app.register( rateLimit, {
			global: true,
			max: config.rateLimit.max,
			timeWindow: config.rateLimit.windowMs,
			redis: app.redis,
			nameSpace: 'mpcc:rl:',
			// Redis trouble must not take the proxy down with it.
			skipOnError: true,
			keyGenerator: ( request ) => {
				const site = request.headers[ 'x-mpcc-site' ];
				const user = request.headers[ 'x-mpcc-user' ];
				return site || user
					? `${ String( site ?? '-' ) }|${ String( user ?? '-' ) }`
					: `ip|${ request.ip }`;
			},
			onExceeded: () => rejected.inc(),
			errorResponseBuilder: ( _request, context ) =>
				new ProxyError(
					'rate_limited',
					`rate limit of ${ context.max } requests per ${ Math.round( config.rateLimit.windowMs / 1000 ) } s reached`,
					{
						retryAfter: context.ttl / 1000,
					}
				),
		} );
	},
	{ name: 'rate-limit', dependencies: [ 'metrics', 'cache' ] }
);
