import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Cancellation } from '../../cancellation';
import { ProxyError } from '../../errors';
import { HttpTransport } from '../http-transport';

/**
 * The transport against a plain node:http server: what the fault suite (proxy/test/faults) does not
 * reach through the routes — credentials in the URL, repeated headers, and readers that stop early
 * or fail, each of which must close the provider's connection rather than leave it reading.
 */
type Handler = ( req: http.IncomingMessage, res: http.ServerResponse ) => void;

// Long enough that no test below ends by a deadline: each must end by what it tests.
const deadlines = {
	connectMs: 2_000,
	firstByteMs: 2_000,
	idleMs: 2_000,
	totalMs: 5_000,
};

function call( cancellation = new Cancellation() ) {
	return { cancellation, deadlineAt: Date.now() + 5_000, requestId: 'test' };
}

/** Resolves when the provider side of the exchange sees its connection closed. */
function closedOnServer( res: http.ServerResponse ) {
	return new Promise< void >( ( resolve ) =>
		res.once( 'close', () => resolve() )
	);
}

describe( 'http transport', () => {
	let server: http.Server;
	let base: string;
	let handler: Handler;
	let transport: HttpTransport;
	/** A GET of `path` on the test server. */
	const get = ( path: string, cancellation?: Cancellation ) =>
		transport.send(
			new URL( `${ base }${ path }` ),
			{ method: 'GET', headers: {} },
			call( cancellation )
		);

	before( async () => {
		server = http.createServer( ( req, res ) => handler( req, res ) );
		await new Promise< void >( ( resolve ) =>
			server.listen( 0, '127.0.0.1', resolve )
		);
		base = `http://127.0.0.1:${ ( server.address() as AddressInfo ).port }`;
	} );
	beforeEach( () => {
		transport = new HttpTransport( deadlines );
	} );
	after( () => {
		transport.close();
		server.closeAllConnections();
		server.close();
	} );

	it(
		'sends the URL’s credentials as Basic authorization, the body and its headers; repeated answer headers come back as node:http gives them',
		{ timeout: 1_000 },
		async () => {
			let seen:
				| {
						headers: http.IncomingHttpHeaders;
						body: string;
						url?: string;
				  }
				| undefined;
			handler = ( req, res ) => {
				let body = '';
				req.on( 'data', ( chunk ) => ( body += chunk ) );
				req.on( 'end', () => {
					seen = { headers: req.headers, body, url: req.url };
					res.setHeader( 'set-cookie', [ 'a=1', 'b=2' ] );
					res.setHeader( 'retry-after', [ '1', '2' ] );
					res.setHeader( 'x-two', [ 'a', 'b' ] );
					res.setHeader( 'x-one', 'yes' );
					res.end( '{"ok":true}' );
				} );
			};
			const url = new URL( `${ base }/v1/chat?x=1` );
			url.username = 'user';
			url.password = 'p@ss';
			const res = await transport.send(
				url,
				{
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{"a":1}',
				},
				call()
			);
			assert.equal( res.status, 200 );
			assert.equal( await res.text(), '{"ok":true}' );
			assert.deepEqual( res.headers[ 'set-cookie' ], [ 'a=1', 'b=2' ] );
			assert.equal( res.header( 'set-cookie' ), 'a=1, b=2' );
			assert.equal( res.header( 'x-one' ), 'yes' );
			// node:http's rules: the first Retry-After only (a joined "1, 2" would not parse), others joined.
			assert.equal( res.header( 'retry-after' ), '1' );
			assert.equal( res.header( 'x-two' ), 'a, b' );
			assert.equal( seen?.url, '/v1/chat?x=1' );
			assert.equal( seen?.body, '{"a":1}' );
			assert.equal(
				seen?.headers.authorization,
				`Basic ${ Buffer.from( 'user:p@ss' ).toString( 'base64' ) }`
			);
			assert.equal( seen?.headers[ 'content-length' ], '7' );
		}
	);

	it(
		'a reader that stops pulling chunks early closes the provider’s connection',
		{ timeout: 1_000 },
		async () => {
			let closed: Promise< void > | undefined;
			handler = ( _req, res ) => {
				closed = closedOnServer( res );
				res.writeHead( 200, { 'content-type': 'text/event-stream' } );
				res.write( 'data: first\n\n' );
				// …and never ends: only the reader leaving can close it.
			};
			const res = await get( '/stream' );
			for await ( const chunk of res.chunks() ) {
				assert.equal( chunk.toString(), 'data: first\n\n' );
				break;
			}
			await closed;
		}
	);

	it(
		'an error thrown by an eachChunk reader ends the read with it and closes the connection',
		{ timeout: 1_000 },
		async () => {
			let closed: Promise< void > | undefined;
			handler = ( _req, res ) => {
				closed = closedOnServer( res );
				res.writeHead( 200 );
				res.flushHeaders();
				// After the reader is attached, so the chunk goes straight to it.
				setTimeout( () => res.write( 'one' ), 50 );
			};
			const res = await get( '/each' );
			const failure = new ProxyError( 'upstream_error', 'reader failed' );
			await assert.rejects(
				res.eachChunk( () => {
					throw failure;
				} ),
				( error ) => error === failure
			);
			await closed;
		}
	);

	it(
		'a cancellation while waiting for the headers rejects at once with its reason and closes the connection',
		{ timeout: 1_000 },
		async () => {
			let closed: Promise< void > | undefined;
			let arrived: () => void = () => undefined;
			const requestArrived = new Promise< void >(
				( resolve ) => ( arrived = resolve )
			);
			handler = ( _req, res ) => {
				closed = closedOnServer( res );
				arrived();
				// No answer: the first-byte deadline is far off when the cancellation comes.
			};
			const cancellation = new Cancellation();
			const started = performance.now();
			const sent = get( '/slow', cancellation );
			await requestArrived;
			const reason = new Error( 'client left' );
			cancellation.cancel( reason );
			await assert.rejects( sent, ( error ) => error === reason );
			assert.ok( performance.now() - started < 300 );
			await closed;
		}
	);

	it(
		'1xx answers before the final one (102 Processing, 103 Early Hints) are not taken for the answer',
		{ timeout: 1_000 },
		async () => {
			handler = ( _req, res ) => {
				res.writeProcessing();
				res.writeEarlyHints( { link: '</style.css>; rel=preload' } );
				setTimeout( () => res.end( 'final' ), 20 );
			};
			const res = await get( '/early' );
			assert.equal( res.status, 200 );
			assert.equal( await res.text(), 'final' );
		}
	);

	it(
		'an eachChunk reader that throws gets its error even when the whole answer had already arrived',
		{ timeout: 1_000 },
		async () => {
			handler = ( _req, res ) => {
				res.write( 'one' );
				setTimeout( () => res.end( 'two' ), 10 );
			};
			const res = await get( '/done' );
			await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
			const failure = new ProxyError( 'upstream_error', 'reader failed' );
			const seen: string[] = [];
			await assert.rejects(
				res.eachChunk( ( chunk ) => {
					seen.push( chunk.toString() );
					throw failure;
				} ),
				( error ) => error === failure
			);
			assert.deepEqual( seen, [ 'one' ] );
		}
	);

	it(
		'a connection closed before any answer is a reset (retried upstream); after the headers, an answer cut short',
		{ timeout: 1_000 },
		async () => {
			handler = ( req ) => req.socket.destroy();
			await assert.rejects(
				get( '/reset' ),
				( error: ProxyError ) =>
					error.code === 'upstream_unavailable' &&
					( error.cause as { code?: string } ).code === 'ECONNRESET'
			);
			handler = ( _req, res ) => {
				res.writeHead( 200, { 'content-length': '100' } );
				res.write( 'part', () => res.socket?.destroy() );
			};
			const cutShort = ( error: ProxyError ) =>
				error.code === 'upstream_error' &&
				/closed the connection mid-answer/.test( error.message );
			await assert.rejects( ( await get( '/cut' ) ).text(), cutShort );
			// The same when the provider resets the connection (RST) instead of closing it (FIN).
			handler = ( _req, res ) => {
				res.writeHead( 200, { 'content-length': '100' } );
				res.write( 'part', () => res.socket?.resetAndDestroy() );
			};
			await assert.rejects( ( await get( '/rst' ) ).text(), cutShort );
			// An answer undici cannot take (a 100 Continue nobody asked for) is final, not a reset to retry.
			handler = ( _req, res ) => res.writeContinue();
			await assert.rejects(
				get( '/continue' ),
				( error: ProxyError ) =>
					error.code === 'upstream_error' &&
					( error.cause as { code?: string } ).code !== 'ECONNRESET'
			);
		}
	);
} );
