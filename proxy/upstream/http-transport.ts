import http, {
	type IncomingMessage,
	type IncomingHttpHeaders,
} from 'node:http';
import https from 'node:https';
import { urlToHttpOptions } from 'node:url';
import type { DeadlineConfig } from '../config';
import type { CallContext } from '../call-context';
import type { Cancellation } from '../cancellation';
import { ProxyError } from '../errors';
import { errorForNetworkFailure } from './upstream-errors';

/**
 * One HTTP attempt to the provider over node:http with keep-alive, because it lets us hold each
 * deadline separately (connect, first byte, idle between chunks) and stays fast; global fetch hides
 * the socket. The AI SDK gets the same transport through a fetch adapter (upstream-client.ts).
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
	/** Throws the rest of the body away (before a retry) so the socket can be reused. */
	discard: () => void;
}

export interface RequestInit {
	method: string;
	headers: Record< string, string >;
	body?: string | Buffer;
}

type RequestTarget = Pick<
	ReturnType< typeof urlToHttpOptions >,
	'hostname' | 'port' | 'path' | 'auth'
>;

export class HttpTransport {
	private readonly httpAgent = new http.Agent( {
		keepAlive: true,
		noDelay: true,
		maxSockets: 512,
		keepAliveMsecs: 10_000,
	} );
	private readonly httpsAgent = new https.Agent( {
		keepAlive: true,
		noDelay: true,
		maxSockets: 512,
		keepAliveMsecs: 10_000,
	} );

	/**
	 * Host, port, path (and credentials, if the URL has them) per provider URL, worked out once instead
	 * of per request. Only what http.request reads: the whole urlToHttpOptions object (href, hash,
	 * search …) made each ClientRequest measurably slower to build.
	 */
	private readonly targets = new Map< string, RequestTarget >();

	constructor( private readonly deadlines: DeadlineConfig ) {}

	private target( url: URL ) {
		let target = this.targets.get( url.href );
		if ( ! target ) {
			const { hostname, port, path, auth } = urlToHttpOptions( url );
			target = auth
				? { hostname, port, path, auth }
				: { hostname, port, path };
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
		const { connectMs, firstByteMs, idleMs } = this.deadlines;
		return new Promise( ( resolve, reject ) => {
			const { cancellation } = call;
			if ( cancellation.reason ) {
				reject( cancellation.reason );
				return;
			}
			const secure = url.protocol === 'https:';
			const req = ( secure ? https : http ).request( {
				...this.target( url ),
				method: init.method,
				headers: init.headers,
				agent: secure ? this.httpsAgent : this.httpAgent,
			} );
			let settled = false;
			let connectTimer: NodeJS.Timeout | undefined;
			const firstByteTimer = setTimeout(
				() =>
					fail(
						new ProxyError(
							'upstream_timeout',
							`provider sent no response headers within ${ firstByteMs } ms`
						)
					),
				firstByteMs
			);
			const onCancel = ( reason: Error ) => fail( reason );
			const cleanup = () => {
				clearTimeout( firstByteTimer );
				clearTimeout( connectTimer );
				cancellation.offCancel( onCancel );
			};
			function fail( error: Error ) {
				if ( settled ) {
					return;
				}
				settled = true;
				cleanup();
				req.destroy();
				reject( error );
			}
			cancellation.onCancel( onCancel );
			req.on( 'socket', ( socket ) => {
				// A reused keep-alive socket is already connected: no connect deadline then.
				if ( socket.connecting ) {
					connectTimer = setTimeout(
						() =>
							fail(
								new ProxyError(
									'upstream_timeout',
									`could not connect to the provider within ${ connectMs } ms`
								)
							),
						connectMs
					);
					socket.once( secure ? 'secureConnect' : 'connect', () =>
						clearTimeout( connectTimer )
					);
				}
			} );
			req.on( 'response', ( res ) => {
				if ( settled ) {
					res.destroy();
					return;
				}
				settled = true;
				cleanup();
				resolve( wrapResponse( res, idleMs, cancellation ) );
			} );
			req.on( 'error', ( error ) =>
				fail( errorForNetworkFailure( error ) )
			);
			req.end( init.body );
		} );
	}

	close(): void {
		this.httpAgent.destroy();
		this.httpsAgent.destroy();
	}
}

function wrapResponse(
	res: IncomingMessage,
	idleMs: number,
	cancellation: Cancellation
): UpstreamResponse {
	const onCancel = ( reason: Error ) => res.destroy( reason );
	cancellation.onCancel( onCancel );
	res.once( 'close', () => cancellation.offCancel( onCancel ) );

	// The idle deadline: a provider that stops mid-answer is cut off idleMs after its last chunk
	// (each chunk refreshes the timer).
	const startIdleTimer = () =>
		setTimeout(
			() =>
				res.destroy(
					new ProxyError(
						'upstream_timeout',
						`provider stalled for ${ idleMs } ms mid-answer`
					)
				),
			idleMs
		);
	// Our own errors (the idle deadline) and aborts stay as they are; anything else is a network failure.
	const readFailure = ( error: unknown ) =>
		error instanceof ProxyError || cancellation.cancelled
			? error
			: errorForNetworkFailure( error );

	function eachChunk( onChunk: ( chunk: Buffer ) => void ) {
		return new Promise< void >( ( resolve, reject ) => {
			const timer = startIdleTimer();
			const fail = ( error: unknown ) => {
				clearTimeout( timer );
				reject( readFailure( error ) );
			};
			res.on( 'data', ( chunk: Buffer ) => {
				timer.refresh();
				try {
					onChunk( chunk );
				} catch ( error ) {
					res.destroy();
					fail( error );
				}
			} );
			res.once( 'end', () => {
				clearTimeout( timer );
				resolve();
			} );
			res.once( 'error', fail );
			res.once( 'close', () => {
				if ( ! res.complete ) {
					const error = Object.assign(
						new Error(
							'provider closed the connection mid-answer'
						),
						{ code: 'ERR_STREAM_PREMATURE_CLOSE' }
					);
					fail( error );
				}
			} );
		} );
	}

	async function* chunks(): AsyncGenerator< Buffer > {
		const timer = startIdleTimer();
		try {
			for await ( const chunk of res ) {
				timer.refresh();
				yield chunk as Buffer;
			}
		} catch ( error ) {
			throw readFailure( error );
		} finally {
			clearTimeout( timer );
			if ( ! res.complete ) {
				res.destroy();
			}
		}
	}

	return {
		status: res.statusCode ?? 0,
		headers: res.headers,
		header( name ) {
			const value = res.headers[ name ];
			return Array.isArray( value ) ? value.join( ', ' ) : value;
		},
		chunks,
		eachChunk,
		// The whole body with plain stream events: cheaper than the async iterator for one small JSON answer.
		async text() {
			const parts: Buffer[] = [];
			await eachChunk( ( chunk ) => parts.push( chunk ) );
			return parts.length === 1
				? ( parts[ 0 ] as Buffer ).toString( 'utf8' )
				: Buffer.concat( parts ).toString( 'utf8' );
		},
		discard() {
			res.resume();
		},
	};
}
