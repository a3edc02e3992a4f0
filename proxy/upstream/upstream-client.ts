import type { DeadlineConfig, RetryConfig } from '../config';
import type { CallContext } from '../call-context';
import { ProxyError } from '../errors';
import { seriesBy, type CounterSeries, type ProxyMetrics } from '../metrics';
import {
	HttpTransport,
	type RequestInit,
	type UpstreamResponse,
} from './http-transport';
import { RETRYABLE_STATUSES, retryAfterMs, retryDelay } from './retry-policy';
import { isRetryableNetworkError } from './upstream-errors';

export type FetchLike = (
	input: string | URL | Request,
	init?: globalThis.RequestInit
) => Promise< Response >;

/**
 * Provider calls with our retry policy. Retries happen only here, before a response is handed on,
 * so nothing is ever retried after a byte reached the client. The AI SDK's own retries are off.
 */
export class UpstreamClient {
	private readonly transport: HttpTransport;
	private readonly calls: ( status: number | 'error' ) => CounterSeries;
	private readonly retries: CounterSeries;

	constructor(
		private readonly options: {
			provider: string;
			deadlines: DeadlineConfig;
			retry: RetryConfig;
			metrics: ProxyMetrics;
		}
	) {
		this.transport = new HttpTransport( options.deadlines );
		const { provider, metrics } = options;
		this.calls = seriesBy( ( status ) =>
			metrics.upstreamCalls.series( {
				provider,
				status: String( status ),
			} )
		);
		this.retries = metrics.retries.series( { provider } );
	}

	async request(
		url: URL,
		init: RequestInit,
		call: CallContext
	): Promise< UpstreamResponse > {
		const { retry } = this.options;
		for ( let attempt = 0; ; attempt++ ) {
			let res: UpstreamResponse;
			try {
				res = await this.transport.send( url, init, call );
			} catch ( error ) {
				this.calls( 'error' ).inc();
				const cause =
					error instanceof ProxyError ? error.cause : undefined;
				const delay =
					! call.cancellation.cancelled &&
					isRetryableNetworkError( cause )
						? retryDelay(
								attempt,
								undefined,
								retry,
								call.deadlineAt - Date.now()
							)
						: undefined;
				if ( delay === undefined ) {
					throw error;
				}
				this.retries.inc();
				await call.cancellation.sleep( delay );
				continue;
			}
			this.calls( res.status ).inc();
			if ( RETRYABLE_STATUSES.has( res.status ) ) {
				const hint = retryAfterMs( ( name ) => res.header( name ) );
				const delay = retryDelay(
					attempt,
					hint,
					retry,
					call.deadlineAt - Date.now()
				);
				if ( delay !== undefined ) {
					res.discard();
					this.retries.inc();
					await call.cancellation.sleep( delay );
					continue;
				}
			}
			return res;
		}
	}

	/** A fetch for the AI SDK providers, bound to one client request's deadlines and signal. */
	fetchFor( call: CallContext ): FetchLike {
		return async ( input, init ) => {
			const url = new URL(
				input instanceof Request ? input.url : String( input )
			);
			const headers: Record< string, string > = {};
			new Headers( init?.headers ).forEach( ( value, key ) => {
				headers[ key ] = value;
			} );
			headers[ 'x-request-id' ] = call.requestId;
			const body = typeof init?.body === 'string' ? init.body : undefined;
			const res = await this.request(
				url,
				{ method: init?.method ?? 'GET', headers, body },
				call
			);
			const iterator = res.chunks();
			const stream = new ReadableStream< Uint8Array >( {
				async pull( controller ) {
					try {
						const { value, done } = await iterator.next();
						if ( done ) {
							controller.close();
						} else {
							controller.enqueue(
								new Uint8Array(
									value.buffer,
									value.byteOffset,
									value.byteLength
								)
							);
						}
					} catch ( error ) {
						controller.error( call.cancellation.reason ?? error );
					}
				},
				async cancel() {
					await iterator.return( undefined );
				},
			} );
			const responseHeaders = new Headers();
			for ( const [ key, value ] of Object.entries( res.headers ) ) {
				if ( value !== undefined ) {
					responseHeaders.set(
						key,
						Array.isArray( value ) ? value.join( ', ' ) : value
					);
				}
			}
			return new Response( stream, {
				status: res.status,
				headers: responseHeaders,
			} );
		};
	}

	close(): void {
		this.transport.close();
	}
}
