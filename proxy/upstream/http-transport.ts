import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import Pool from 'undici/lib/dispatcher/pool.js';
import type { DeadlineConfig } from '../config';
import type { CallContext } from '../call-context';
import type { Cancellation } from '../cancellation';
import { ProxyError } from '../errors';
import { errorForNetworkFailure } from './upstream-errors';

/**
 * One HTTP attempt to the provider, over a keep-alive connection pool per provider origin (undici's
 * Pool, driven through its handler API). Why undici and not node:http: on the same forwarder it
 * spends less CPU per request and gets the first streamed chunk through sooner (bench/proxy,
 * proxy/README.md "Transport"). undici holds the connect deadline (new sockets only); the first
 * byte (request → response headers) and idle (between body chunks) deadlines are our own timers,
 * to the millisecond, where undici's are checked every half second. Why its handler
 * API and not `request()`: no stream object or promise per chunk; the body goes straight to whoever
 * reads it. The AI SDK gets the same transport through a fetch adapter (upstream-client.ts).
 */
export interface UpstreamResponse {
	status: number;
	headers: IncomingHttpHeaders;
	header: ( name: string ) => string | undefined;
	/** Body chunks; throws upstream_timeout when the provider goes quiet for idleMs. */
	chunks: () => AsyncGenerator< Buffer >;
	/**
	 * The same, pushed: `onChunk` runs as each chunk arrives (no promise per chunk, which is what a
	 * stream forwarded as it comes needs); settles at the end of the body, or with the failure.
	 */
	eachChunk: ( onChunk: ( chunk: Buffer ) => void ) => Promise< void >;
	text: () => Promise< string >;
	/** Throws the rest of the body away (before a retry) so the connection can be reused. */
	discard: () => void;
}

export interface RequestInit {
	method: string;
	headers: Record< string, string >;
	body?: string | Buffer;
}

/** Where a provider URL's requests go, worked out once per URL instead of per request. */
interface RequestTarget {
	pool: Pool;
	path: string;
	/** Basic credentials from the URL (user:pass@host), which node:http used to send and undici does not. */
	authorization?: string;
}

export class HttpTransport {
	private readonly pools = new Map< string, Pool >();
	private readonly targets = new Map< string, RequestTarget >();

	constructor( private readonly deadlines: DeadlineConfig ) {}

	private target( url: URL ): RequestTarget {
		let target = this.targets.get( url.href );
		if ( ! target ) {
			let pool = this.pools.get( url.origin );
			if ( ! pool ) {
				pool = new Pool( url.origin, {
					connections: 512,
					connect: { timeout: this.deadlines.connectMs },
					// Ours (Exchange): undici's tick every half second would miss a deadline by that much.
					headersTimeout: 0,
					bodyTimeout: 0,
				} );
				this.pools.set( url.origin, pool );
			}
			target = { pool, path: url.pathname + url.search };
			if ( url.username ) {
				const credentials = `${ decodeURIComponent(
					url.username
				) }:${ decodeURIComponent( url.password ) }`;
				target.authorization = `Basic ${ Buffer.from(
					credentials
				).toString( 'base64' ) }`;
			}
			// A few fixed provider URLs in practice; bounded in case a base URL carries query strings.
			if ( this.targets.size > 100 ) {
				this.targets.clear();
			}
			this.targets.set( url.href, target );
		}
		return target;
	}

	send(
		url: URL,
		init: RequestInit,
		call: CallContext
	): Promise< UpstreamResponse > {
		return new Promise( ( resolve, reject ) => {
			const { cancellation } = call;
			if ( cancellation.reason ) {
				reject( cancellation.reason );
				return;
			}
			const { pool, path, authorization } = this.target( url );
			pool.dispatch(
				{
					path,
					method: init.method as Dispatcher.HttpMethod,
					headers: authorization
						? { authorization, ...init.headers }
						: init.headers,
					body: init.body,
				},
				new Exchange( this.deadlines, cancellation, resolve, reject )
			);
		} );
	}

	close(): void {
		for ( const pool of this.pools.values() ) {
			pool.destroy().catch( () => undefined );
		}
		this.pools.clear();
		this.targets.clear();
	}
}

/** undici's own errors for the connect deadline, and for a connection the provider closed. */
const CONNECT_TIMEOUT = 'UND_ERR_CONNECT_TIMEOUT';
const SOCKET_CLOSED = 'UND_ERR_SOCKET';

/** One request's life, as undici reports it: the answer's headers settle `send`, its body goes to the reader. */
class Exchange implements Dispatcher.DispatchHandlers {
	private abort: ( ( error: Error ) => void ) | undefined;
	private body: AnswerBody | undefined;
	private done = false;
	/** The first-byte deadline until the headers come, then the idle one (refreshed by each chunk). */
	private timer: NodeJS.Timeout;

	constructor(
		private readonly deadlines: DeadlineConfig,
		private readonly cancellation: Cancellation,
		private readonly resolve: ( response: UpstreamResponse ) => void,
		private readonly reject: ( error: Error ) => void
	) {
		cancellation.onCancel( this.onCancel );
		this.timer = setTimeout(
			this.onFirstByteDeadline,
			deadlines.firstByteMs
		);
	}

	private readonly onFirstByteDeadline = () =>
		this.stop(
			new ProxyError(
				'upstream_timeout',
				`provider sent no response headers within ${ this.deadlines.firstByteMs } ms`
			)
		);

	private readonly onIdleDeadline = () =>
		this.stop(
			new ProxyError(
				'upstream_timeout',
				`provider stalled for ${ this.deadlines.idleMs } ms mid-answer`
			)
		);

	/** A cancelled call stops at once, whether it is still queued, waiting for headers or reading the body. */
	private readonly onCancel = ( reason: Error ) => {
		this.abort?.( reason );
		this.finish( reason );
	};

	onConnect( abort: ( error?: Error ) => void ): void {
		this.abort = abort;
		if ( this.done ) {
			// Given up (cancelled, or past its first-byte deadline) while it waited for a connection.
			abort( this.cancellation.reason );
		}
	}

	onHeaders( status: number, rawHeaders: Buffer[] ): boolean {
		if ( this.done ) {
			return false;
		}
		clearTimeout( this.timer );
		this.timer = setTimeout( this.onIdleDeadline, this.deadlines.idleMs );
		const headers = headersFrom( rawHeaders );
		const body = new AnswerBody( this );
		this.body = body;
		this.resolve( {
			status,
			headers,
			header( name ) {
				const value = headers[ name ];
				return Array.isArray( value ) ? value.join( ', ' ) : value;
			},
			chunks: () => body.chunks(),
			eachChunk: ( onChunk ) => body.eachChunk( onChunk ),
			text: () => body.text(),
			discard: () => body.discard(),
		} );
		return true;
	}

	onData( chunk: Buffer ): boolean {
		this.timer.refresh();
		this.body?.push( chunk );
		return true;
	}

	onComplete(): void {
		this.finish( undefined );
	}

	onError( error: Error ): void {
		this.finish( this.describe( error ) );
	}

	/** Stops reading (a reader that gave up or failed); the connection is closed, not reused. */
	stop( error: Error ): void {
		this.abort?.( error );
		this.finish( error );
	}

	private finish( failure: Error | undefined ): void {
		if ( this.done ) {
			return;
		}
		this.done = true;
		clearTimeout( this.timer );
		this.cancellation.offCancel( this.onCancel );
		if ( this.body ) {
			this.body.end( failure );
		} else {
			this.reject(
				failure ??
					new ProxyError(
						'upstream_error',
						'provider closed the connection before answering'
					)
			);
		}
	}

	/** The error the proxy's client sees for a failed exchange; ours (deadlines, cancellation) stay as they are. */
	private describe( error: Error ): Error {
		if ( error instanceof ProxyError || this.cancellation.cancelled ) {
			return this.cancellation.reason ?? error;
		}
		switch ( ( error as { code?: string } ).code ) {
			case CONNECT_TIMEOUT:
				return new ProxyError(
					'upstream_timeout',
					`could not connect to the provider within ${ this.deadlines.connectMs } ms`
				);
			case SOCKET_CLOSED:
				// Before the headers this is a reset connection (retried, as node:http's ECONNRESET was);
				// after them, an answer cut short.
				return errorForNetworkFailure(
					this.body
						? Object.assign(
								new Error(
									'provider closed the connection mid-answer'
								),
								{ code: 'ERR_STREAM_PREMATURE_CLOSE' }
							)
						: Object.assign( new Error( 'socket hang up' ), {
								code: 'ECONNRESET',
							} )
				);
			default:
				return errorForNetworkFailure( error );
		}
	}
}

/**
 * A response body as it arrives: chunks wait in a queue until a reader takes them, then go to the
 * reader directly (pushed to `eachChunk`, or pulled by `chunks()`).
 */
class AnswerBody {
	private queue: Buffer[] = [];
	private ended = false;
	private failure: Error | undefined;
	private onChunk: ( ( chunk: Buffer ) => void ) | undefined;
	/** Wakes whoever waits for the next chunk or the end (eachChunk's promise, or a pull). */
	private wake: ( () => void ) | undefined;

	constructor( private readonly exchange: Exchange ) {}

	push( chunk: Buffer ): void {
		if ( this.onChunk ) {
			try {
				this.onChunk( chunk );
			} catch ( error ) {
				this.exchange.stop( readFailure( error ) );
			}
			return;
		}
		this.queue.push( chunk );
		this.wake?.();
	}

	end( failure: Error | undefined ): void {
		this.ended = true;
		this.failure = failure;
		this.wake?.();
	}

	eachChunk( onChunk: ( chunk: Buffer ) => void ): Promise< void > {
		return new Promise( ( resolve, reject ) => {
			const settle = () => {
				this.wake = undefined;
				this.onChunk = undefined;
				if ( this.failure ) {
					reject( this.failure );
				} else {
					resolve();
				}
			};
			const queued = this.queue;
			this.queue = [];
			for ( const chunk of queued ) {
				try {
					onChunk( chunk );
				} catch ( error ) {
					this.exchange.stop( readFailure( error ) );
					break;
				}
			}
			if ( this.ended ) {
				settle();
				return;
			}
			this.onChunk = onChunk;
			this.wake = () => {
				if ( this.ended ) {
					settle();
				}
			};
		} );
	}

	async *chunks(): AsyncGenerator< Buffer > {
		try {
			for (;;) {
				const chunk = this.queue.shift();
				if ( chunk ) {
					yield chunk;
				} else if ( this.ended ) {
					if ( this.failure ) {
						throw this.failure;
					}
					return;
				} else {
					await new Promise< void >( ( resolve ) => {
						this.wake = resolve;
					} );
					this.wake = undefined;
				}
			}
		} finally {
			if ( ! this.ended ) {
				// The reader stopped early: the rest of the answer is not wanted.
				this.exchange.stop(
					new ProxyError(
						'upstream_error',
						'the answer was not read to its end'
					)
				);
			}
		}
	}

	// The whole body: one small JSON answer, usually one chunk.
	async text(): Promise< string > {
		const parts: Buffer[] = [];
		await this.eachChunk( ( chunk ) => parts.push( chunk ) );
		return parts.length === 1
			? ( parts[ 0 ] as Buffer ).toString( 'utf8' )
			: Buffer.concat( parts ).toString( 'utf8' );
	}

	discard(): void {
		this.queue = [];
		this.onChunk = () => undefined;
	}
}

/** A reader's own error (our deadline, a cancellation) stays as it is; anything else is a network failure. */
function readFailure( error: unknown ): Error {
	return error instanceof ProxyError
		? error
		: errorForNetworkFailure( error );
}

/** undici's raw header list (name, value, name, value …) as node:http's headers object. */
function headersFrom( raw: Buffer[] ): IncomingHttpHeaders {
	const headers: Record< string, string | string[] > = {};
	for ( let i = 0; i + 1 < raw.length; i += 2 ) {
		const name = ( raw[ i ] as Buffer ).toString( 'latin1' ).toLowerCase();
		const value = ( raw[ i + 1 ] as Buffer ).toString( 'latin1' );
		const before = headers[ name ];
		if ( before === undefined ) {
			headers[ name ] = value;
		} else if ( Array.isArray( before ) ) {
			before.push( value );
		} else {
			headers[ name ] = [ before, value ];
		}
	}
	return headers;
}
