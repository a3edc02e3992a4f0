import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import { MemoryCacheStore } from '../cache/cache-store';
import { RedisCacheStore } from '../cache/redis-cache-store';
import { ResponseCache } from '../cache/response-cache';
import type { ConfigOptions } from './decorations';

/**
 * The response cache (app.responseCache): in memory, or in Redis when MPCC_REDIS_URL is set (the
 * connection, app.redis, also carries the rate limits). ioredis is loaded only then.
 */
export default fp< ConfigOptions >(
	async ( app, { config } ) => {
		const redis: Redis | undefined = config.redisUrl
			? new ( await import( 'ioredis' ) ).Redis( config.redisUrl, {
					maxRetriesPerRequest: 1,
					enableAutoPipelining: true,
				} )
			: undefined;
		redis?.on( 'error', ( error ) =>
			app.log.warn( { err: error }, 'redis error' )
		);
		const store = redis
			? new RedisCacheStore( redis )
			: new MemoryCacheStore( config.cache.maxEntries );
		app.decorate( 'redis', redis );
		app.decorate(
			'responseCache',
			new ResponseCache( store, config.cache, app.metrics, app.log )
		);
		app.addHook( 'onClose', async () => {
			await redis?.quit().catch( () => undefined );
		} );
	},
	{ name: 'cache', dependencies: [ 'metrics' ] }
);
