/**
 * A minimal Prometheus text-format registry. prom-client would do, but it is not a dependency
 * and we need five counters and one histogram. Hot paths hold pre-resolved series (`series()`,
 * cached per label set) so a request costs an addition, not a label string.
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

/** One labelled series of a counter, resolved once and kept by its caller. */
export interface CounterSeries {
	inc: ( by?: number ) => void;
}

class Counter {
	private readonly values = new Map< string, { value: number } >();
	constructor(
		readonly name: string,
		readonly help: string
	) {}

	private cell( key: string ): { value: number } {
		let cell = this.values.get( key );
		if ( ! cell ) {
			cell = { value: 0 };
			this.values.set( key, cell );
		}
		return cell;
	}

	inc( labels: Labels = {}, by = 1 ): void {
		this.cell( labelKey( labels ) ).value += by;
	}

	/** The series for these labels, for a hot path to keep (it appears in the output once counted). */
	series( labels: Labels = {} ): CounterSeries {
		const key = labelKey( labels );
		let cell: { value: number } | undefined;
		return {
			inc: ( by = 1 ) => {
				cell ??= this.cell( key );
				cell.value += by;
			},
		};
	}

	get( labels: Labels = {} ): number {
		return this.values.get( labelKey( labels ) )?.value ?? 0;
	}

	render(): string {
		const lines = [
			`# HELP ${ this.name } ${ this.help }`,
			`# TYPE ${ this.name } counter`,
		];
		for ( const [ key, { value } ] of this.values ) {
			lines.push(
				`${ this.name }${ key ? `{${ key }}` : '' } ${ value }`
			);
		}
		return lines.join( '\n' );
	}
}

export interface RouteSeries {
	status: ( code: number ) => CounterSeries;
	latency: { observe: ( seconds: number ) => void };
}

/** Series resolved on first use per value of one varying label (a status code, a result). */
export function seriesBy< K, S = CounterSeries >(
	resolve: ( value: K ) => S
): ( value: K ) => S {
	const cache = new Map< K, S >();
	return ( value ) => {
		let found = cache.get( value );
		if ( ! found ) {
			found = resolve( value );
			cache.set( value, found );
		}
		return found;
	};
}

const LATENCY_BUCKETS = [
	0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
];

class Histogram {
	private readonly entries = new Map<
		string,
		{ counts: number[]; sum: number; count: number }
	>();
	constructor(
		readonly name: string,
		readonly help: string,
		readonly buckets = LATENCY_BUCKETS
	) {}

	observe( labels: Labels, value: number ): void {
		this.series( labels ).observe( value );
	}

	/** The series for these labels, for a hot path to keep. */
	series( labels: Labels ): { observe: ( value: number ) => void } {
		const key = labelKey( labels );
		const buckets = this.buckets;
		let entry = this.entries.get( key );
		return {
			observe: ( value ) => {
				if ( ! entry ) {
					entry = this.entries.get( key ) ?? {
						counts: buckets.map( () => 0 ),
						sum: 0,
						count: 0,
					};
					this.entries.set( key, entry );
				}
				// Bucket counts are cumulative (Prometheus `le`): every bucket at or above the value.
				for ( let i = buckets.length - 1; i >= 0; i-- ) {
					if ( value > ( buckets[ i ] as number ) ) {
						break;
					}
					entry.counts[ i ] = ( entry.counts[ i ] as number ) + 1;
				}
				entry.sum += value;
				entry.count += 1;
			},
		};
	}

	render(): string {
		const lines = [
			`# HELP ${ this.name } ${ this.help }`,
			`# TYPE ${ this.name } histogram`,
		];
		for ( const [ key, entry ] of this.entries ) {
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

	readonly jsonModeFallbacks = new Counter(
		'mpcc_proxy_json_mode_fallbacks_total',
		'Calls asked again one JSON mode down after the provider rejected the mode, by provider, from and to.'
	);
	readonly truncations = new Counter(
		'mpcc_proxy_output_truncated_total',
		'Answers cut at the output token limit, by task and outcome (retried, failed).'
	);

	/** Per-route request count (by status) and latency, resolved once per route: both doors (fastify's onResponse, the pass-through lane) count here. */
	readonly route = seriesBy( ( route: string ): RouteSeries => ( {
		status: seriesBy( ( code: number ) =>
			this.requests.series( { route, status: String( code ) } )
		),
		latency: this.latency.series( { route } ),
	} ) );

	/** Per provider, both kinds resolved together: recording tokens costs two additions, no label string. */
	private readonly tokenSeries = seriesBy( ( provider: string ) => ( {
		prompt: this.tokens.series( { provider, kind: 'prompt' } ),
		completion: this.tokens.series( { provider, kind: 'completion' } ),
	} ) );

	recordTokens(
		provider: string,
		prompt: number | undefined,
		completion: number | undefined
	): void {
		const series = this.tokenSeries( provider );
		if ( prompt ) {
			series.prompt.inc( prompt );
		}
		if ( completion ) {
			series.completion.inc( completion );
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
				this.jsonModeFallbacks,
				this.truncations,
			]
				.map( ( metric ) => metric.render() )
				.join( '\n' ) + '\n'
		);
	}
}
