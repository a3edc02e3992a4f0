/**
 * A minimal Prometheus text-format registry. prom-client would do, but it is not a dependency
 * and we need five counters and one histogram; this keeps the hot path to a Map lookup.
 */
type Labels = Record< string, string >;

function labelKey( labels: Labels ): string {
	const keys = Object.keys( labels );
	if ( keys.length === 0 ) {
		return '';
	}
	return keys
		.map(
			( k ) =>
				`${ k }="${ String( labels[ k ] ).replace( /["\\\n]/g, ( c ) => ( c === '\n' ? '\\n' : `\\${ c }` ) ) }"`
		)
		.join( ',' );
}

class Counter {
	private readonly values = new Map< string, number >();
	constructor(
		readonly name: string,
		readonly help: string
	) {}

	inc( labels: Labels = {}, by = 1 ): void {
		const key = labelKey( labels );
		this.values.set( key, ( this.values.get( key ) ?? 0 ) + by );
	}

	get( labels: Labels = {} ): number {
		return this.values.get( labelKey( labels ) ) ?? 0;
	}

	render(): string {
		const lines = [
			`# HELP ${ this.name } ${ this.help }`,
			`# TYPE ${ this.name } counter`,
		];
		for ( const [ key, value ] of this.values ) {
			lines.push(
				`${ this.name }${ key ? `{${ key }}` : '' } ${ value }`
			);
		}
		return lines.join( '\n' );
	}
}

const LATENCY_BUCKETS = [
	0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
];

class Histogram {
	private readonly series = new Map<
		string,
		{ counts: number[]; sum: number; count: number }
	>();
	constructor(
		readonly name: string,
		readonly help: string,
		readonly buckets = LATENCY_BUCKETS
	) {}

	observe( labels: Labels, value: number ): void {
		const key = labelKey( labels );
		let entry = this.series.get( key );
		if ( ! entry ) {
			entry = { counts: this.buckets.map( () => 0 ), sum: 0, count: 0 };
			this.series.set( key, entry );
		}
		for ( let i = 0; i < this.buckets.length; i++ ) {
			if ( value <= ( this.buckets[ i ] ?? Infinity ) ) {
				entry.counts[ i ] = ( entry.counts[ i ] ?? 0 ) + 1;
			}
		}
		entry.sum += value;
		entry.count += 1;
	}

	render(): string {
		const lines = [
			`# HELP ${ this.name } ${ this.help }`,
			`# TYPE ${ this.name } histogram`,
		];
		for ( const [ key, entry ] of this.series ) {
			const prefix = key ? `${ key },` : '';
			this.buckets.forEach( ( bound, i ) => {
				lines.push(
					`${ this.name }_bucket{${ prefix }le="${ bound }"} ${ entry.counts[ i ] ?? 0 }`
				);
			} );
			lines.push(
				`${ this.name }_bucket{${ prefix }le="+Inf"} ${ entry.count }`
			);
			lines.push(
				`${ this.name }_sum${ key ? `{${ key }}` : '' } ${ entry.sum }`
			);
			lines.push(
				`${ this.name }_count${ key ? `{${ key }}` : '' } ${ entry.count }`
			);
		}
		return lines.join( '\n' );
	}
}

export class ProxyMetrics {
	readonly requests = new Counter(
		'mpcc_proxy_requests_total',
		'Requests served, by route and status.'
	);
	readonly latency = new Histogram(
		'mpcc_proxy_request_duration_seconds',
		'Time to the last byte of the response, by route.'
	);
	readonly upstreamCalls = new Counter(
		'mpcc_proxy_upstream_requests_total',
		'HTTP calls to the provider, by provider and status.'
	);
	readonly retries = new Counter(
		'mpcc_proxy_upstream_retries_total',
		'Provider calls retried, by provider.'
	);
	readonly cache = new Counter(
		'mpcc_proxy_cache_total',
		'Cache lookups, by route and result (hit, miss, shared).'
	);
	readonly tokens = new Counter(
		'mpcc_proxy_tokens_total',
		'Tokens reported by the provider, by provider and kind.'
	);
	readonly rateLimited = new Counter(
		'mpcc_proxy_rate_limited_total',
		'Requests refused by the rate limit.'
	);
	readonly reasks = new Counter(
		'mpcc_proxy_model_reasks_total',
		'Re-asks after invalid model output, by task.'
	);

	recordTokens(
		provider: string,
		prompt: number | undefined,
		completion: number | undefined
	): void {
		if ( prompt ) {
			this.tokens.inc( { provider, kind: 'prompt' }, prompt );
		}
		if ( completion ) {
			this.tokens.inc( { provider, kind: 'completion' }, completion );
		}
	}

	render(): string {
		return (
			[
				this.requests,
				this.latency,
				this.upstreamCalls,
				this.retries,
				this.cache,
				this.tokens,
				this.rateLimited,
				this.reasks,
			]
				.map( ( metric ) => metric.render() )
				.join( '\n' ) + '\n'
		);
	}
}
