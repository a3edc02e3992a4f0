import type { FastifyBaseLogger } from 'fastify';
import type { Cancellation } from '../cancellation';
import { seriesBy, type CounterSeries, type ProxyMetrics } from '../metrics';
import type { CacheStore } from './cache-store';
import { InflightRegistry } from './inflight';

/**
 * The cache as routes use it: look up, share in-flight work, store only complete valid answers.
 * A failing store (Redis down) degrades to a miss; it never fails the request.
 */
export class ResponseCache {
	readonly inflight = new InflightRegistry();
	/** Per route, the three results resolved together (no label string per lookup). */
	private readonly lookups: (
		route: string
	) => Record< 'hit' | 'miss' | 'shared', CounterSeries >;

	constructor(
		private readonly store: CacheStore,
		private readonly options: { enabled: boolean; ttlMs: number },
		private readonly metrics: ProxyMetrics,
		private readonly log: FastifyBaseLogger
	) {
		this.lookups = seriesBy( ( route: string ) => ( {
			hit: metrics.cache.series( { route, result: 'hit' } ),
			miss: metrics.cache.series( { route, result: 'miss' } ),
			shared: metrics.cache.series( { route, result: 'shared' } ),
		} ) );
	}

	get enabled(): boolean {
		return this.options.enabled;
	}

	async get( route: string, key: string ): Promise< string | undefined > {
		if ( ! this.options.enabled ) {
			return undefined;
		}
		try {
			const value = await this.store.get( key );
			const results = this.lookups( route );
			( value === undefined ? results.miss : results.hit ).inc();
			return value;
		} catch ( error ) {
			this.log.warn(
				{ err: error },
				'cache lookup failed; treating as a miss'
			);
			return undefined;
		}
	}

	async set( key: string, value: string ): Promise< void > {
		if ( ! this.options.enabled ) {
			return;
		}
		try {
			await this.store.set( key, value, this.options.ttlMs );
		} catch ( error ) {
			this.log.warn( { err: error }, 'cache store failed' );
		}
	}

	/** Runs work once per key at a time; `shared` tells a waiter it rode on another request's call. */
	share< T >(
		route: string,
		key: string,
		cancellation: Cancellation,
		work: ( shared: Cancellation ) => Promise< T >
	) {
		if ( ! this.options.enabled ) {
			return work( cancellation ).then( ( value ) => ( {
				value,
				shared: false,
			} ) );
		}
		return this.inflight
			.run( key, cancellation, work )
			.then( ( result ) => {
				if ( result.shared ) {
					this.lookups( route ).shared.inc();
				}
				return result;
			} );
	}
}
