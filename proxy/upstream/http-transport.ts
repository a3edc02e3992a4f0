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
					// An idle connection is kept 30 s when the provider sends no Keep-Alive hint (undici's own
					// default is 4 s; node's agent kept it until the server closed it). Calls from one site are
					// sparse, and each new connection to a provider is a TLS handshake.
					keepAliveTimeout: 30_000,
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

/** undici's own error for the connect deadline. */
const CONNECT_TIMEOUT = 'UND_ERR_CONNECT_TIMEOUT';
/** undici's error for a connection the provider closed (also for a response it cannot parse). */
const SOCKET_ERROR = 'UND_ERR_SOCKET';
const PROVIDER_CLOSED = 'other side closed';
/** The codes of a connection lost mid-answer, whoever reports it (undici, or the socket itself). */
const CONNECTION_LOST = new Set( [ SOCKET_ERROR, 'ECONNRESET', 'EPIPE' ] );

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
		if ( this.done ) {
			// Given up (cancelled, or past its first-byte deadline) while it waited for a connection.
			// Thrown rather than abort(): undici then drops the request and keeps the connection.
			throw (
				this.cancellation.reason ?? new Error( 'given up while queued' )
			);
		}
		this.abort = abort;
	}

	onHeaders( status: number, rawHeaders: Buffer[] ): boolean {
		if ( this.done ) {
			return false;
		}
		if ( status < 200 ) {
			// 1xx (103 Early Hints, 102 Processing): the answer is still to come, under the same deadline.
			return true;
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
		const { code } = error as { code?: string };
		if ( code === CONNECT_TIMEOUT ) {
			return new ProxyError(
				'upstream_timeout',
				`could not connect to the provider within ${ this.deadlines.connectMs } ms`
			);
		}
		if ( this.body && code && CONNECTION_LOST.has( code ) ) {
			// An answer cut short: the provider was reached, so not "unavailable", and never retried.
			return errorForNetworkFailure(
				Object.assign(
					new Error( 'provider closed the connection mid-answer' ),
					{ code: 'ERR_STREAM_PREMATURE_CLOSE' }
				)
			);
		}
		if ( code === SOCKET_ERROR && error.message === PROVIDER_CLOSED ) {
			// Closed before any answer: a reset connection (a stale keep-alive one, usually), retried as
			// node:http's ECONNRESET was. undici's other socket errors (a response it cannot parse) are final.
			return errorForNetworkFailure(
				Object.assign( new Error( 'socket hang up' ), {
					code: 'ECONNRESET',
				} )
			);
		}
		return errorForNetworkFailure( error );
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
				this.readerFailed( error );
			}
			return;
		}
		this.queue.push( chunk );
		this.wake?.();
	}

	/**
	 * The reader threw: its read ends with that error (ours, such as a deadline, as it is; anything
	 * else as a network failure), and the rest of the answer is not wanted.
	 */
	private readerFailed( error: unknown ): void {
		const failure =
			error instanceof ProxyError
				? error
				: errorForNetworkFailure( error );
		this.exchange.stop( failure );
		// When the answer had already ended, stop() has nothing left to end: keep the reader's error.
		this.failure ??= failure;
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
					this.readerFailed( error );
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

/**
 * Headers node:http keeps only the first of when an answer repeats them (IncomingMessage's rules):
 * a second Retry-After or Content-Type is ignored, not joined into a value no parser reads.
 */
const FIRST_VALUE_WINS = new Set( [
	'age',
	'authorization',
	'content-length',
	'content-type',
	'etag',
	'expires',
	'from',
	'host',
	'if-modified-since',
	'if-unmodified-since',
	'last-modified',
	'location',
	'max-forwards',
	'proxy-authorization',
	'referer',
	'retry-after',
	'server',
	'user-agent',
] );

/**
 * undici's raw header list (name, value, name, value …) as node:http's headers object: repeated
 * set-cookie as an array, the headers above first value only, any other repeat joined with ", ".
 */
function headersFrom( raw: Buffer[] ): IncomingHttpHeaders {
	const headers: Record< string, string | string[] > = {};
	for ( let i = 0; i + 1 < raw.length; i += 2 ) {
		const name = ( raw[ i ] as Buffer ).toString( 'latin1' ).toLowerCase();
		const value = ( raw[ i + 1 ] as Buffer ).toString( 'latin1' );
		const before = headers[ name ];
		if ( before === undefined ) {
			headers[ name ] = name === 'set-cookie' ? [ value ] : value;
		} else if ( Array.isArray( before ) ) {
			before.push( value );
		} else if ( ! FIRST_VALUE_WINS.has( name ) ) {
			headers[ name ] = `${ before }, ${ value }`;
		}
	}
	return headers;
}
