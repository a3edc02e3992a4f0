import fp from 'fastify-plugin';
import { createRateLimiter, type RateLimiter } from '../limits/rate-limiter';
import type { ConfigOptions } from './decorations';

/**
 * The rate limit (app.rateLimiter, proxy/limits/rate-limiter.ts) for every fastify route but those
 * that opt out with `config: { rateLimit: false }` (/healthz, /metrics). It is counted before the
 * token is checked, as a flood of bad tokens is a flood too.
 */
declare module 'fastify' {
	interface FastifyContextConfig {
		rateLimit?: false;
	}
}

export default fp< ConfigOptions >(
	async ( app, { config } ) => {
		const limiter: RateLimiter = createRateLimiter(
			config.rateLimit,
			app.redis,
			app.metrics.rateLimited.series(),
			( error ) =>
				app.log.warn(
					{ err: error },
					'rate limit store failed; request let through'
				)
		);
		app.decorate( 'rateLimiter', limiter );
		app.addHook( 'onRequest', async ( request ) => {
			if ( request.routeOptions.config?.rateLimit === false ) {
				return;
			}
			const refused = await limiter.take( request.headers, request.ip );
			if ( refused ) {
				throw refused;
			}
		} );
	},
	{ name: 'rate-limit', dependencies: [ 'metrics', 'cache' ] }
);
