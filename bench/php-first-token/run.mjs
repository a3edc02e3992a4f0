/**
 * First token through PHP: the time from a browser-style request to the first `delta` event through
 * admin-ajax.php (mpcc_chat_message, stream=1, logged in as admin with a valid nonce, an existing
 * session) against the same course-turn call sent to the proxy alone, alternated in rounds (which
 * goes first alternates too). Prints PHP's added p50/p95 and where it goes, from the bench-only
 * timing mu-plugin (timing-mu-plugin.php): WordPress bootstrap, the handler (nonce, session load,
 * quota, body), the proxy connect, and the rest (relay and the web server).
 *
 *   node bench/php-first-token/run.mjs [--quick] [--rounds=N]
 *
 * Its own dev site and proxy on MPCC_WP_PORT (24880) / MPCC_PROXY_PORT (24787); SQLite like `npm start`.
 * Every request opens a new connection, as a browser's first request to each would.
 */
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { stopAll, stopAllOnExit } from '../../scripts/lib/processes.mjs';
import { startStack } from './stack.mjs';

const QUICK = process.argv.includes( '--quick' );
const ROUNDS = Number(
	process.argv.find( ( a ) => a.startsWith( '--rounds=' ) )?.slice( 9 ) ??
		( QUICK ? 60 : 200 )
);
const WARM_UP = 15;
const wpPort = Number( process.env.MPCC_WP_PORT || 24880 );
const proxyPort = Number( process.env.MPCC_PROXY_PORT || 24787 );

const percentile = ( values, p ) => {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	return sorted[
		Math.min(
			sorted.length - 1,
			Math.max( 0, Math.ceil( ( p / 100 ) * sorted.length ) - 1 )
		)
	];
};
const median = ( values ) => percentile( values, 50 );
const fmt = ( value, digits = 1 ) => value.toFixed( digits );

/**
 * POSTs and resolves with the ms until the first `delta` event arrived, and every event's data.
 * @param {string} url
 * @param {string} body
 * @param {Object} headers
 */
function firstDelta( url, body, headers ) {
	const start = process.hrtime.bigint();
	return new Promise( ( resolve, reject ) => {
		const req = http.request(
			url,
			{
				method: 'POST',
				agent: false,
				headers: {
					...headers,
					'content-length': Buffer.byteLength( body ),
				},
			},
			( res ) => {
				let text = '';
				let firstMs = null;
				res.setEncoding( 'utf8' );
				res.on( 'data', ( chunk ) => {
					text += chunk;
					if (
						firstMs === null &&
						/(^|\n)event: delta\n/.test( text )
					) {
						firstMs =
							Number( process.hrtime.bigint() - start ) / 1e6;
					}
				} );
				res.on( 'end', () => {
					if ( res.statusCode !== 200 || firstMs === null ) {
						reject(
							new Error(
								`${ url }: ${ res.statusCode } ${ text.slice( 0, 300 ) }`
							)
						);
						return;
					}
					const events = Object.fromEntries(
						[
							...text.matchAll( /event: (\w+)\ndata: (.*)\n/g ),
						].map( ( m ) => [ m[ 1 ], m[ 2 ] ] )
					);
					resolve( { firstMs, events } );
				} );
			}
		);
		req.on( 'error', reject );
		req.end( body );
	} );
}

function lastTiming( file ) {
	const lines = fs.readFileSync( file, 'utf8' ).trim().split( '\n' );
	return JSON.parse( lines.at( -1 ) );
}

async function main() {
	stopAllOnExit();
	console.log(
		`• Starting the fake upstream, the proxy (:${ proxyPort }) and a dev site (:${ wpPort })`
	);
	const stack = await startStack( { wpPort, proxyPort } );
	let counter = 0;
	const message = () =>
		`A course about sourdough bread, take ${ counter++ } ${ Date.now() }`;
	const ajaxUrl = `${ stack.site.url }/wp-admin/admin-ajax.php`;
	const viaPhp = ( sessionId ) =>
		firstDelta(
			ajaxUrl,
			new URLSearchParams( {
				action: 'mpcc_chat_message',
				nonce: stack.login.nonce,
				message: message(),
				stream: '1',
				...( sessionId ? { session_id: sessionId } : {} ),
			} ).toString(),
			{
				'content-type': 'application/x-www-form-urlencoded',
				cookie: stack.login.cookie,
			}
		);
	// The proxy alone gets the body PHP sent it last (same history and structure), with a new message.
	let proxyBody = null;
	const direct = () =>
		firstDelta(
			`${ stack.proxy.url }/v1/tasks/course-turn`,
			JSON.stringify( { ...proxyBody, message: message() } ),
			{
				'content-type': 'application/json',
				accept: 'text/event-stream',
				authorization: `Bearer ${ stack.token }`,
				'x-mpcc-site': '127.0.0.1',
				'x-mpcc-user': '1',
			}
		);
	try {
		const opening = await viaPhp( null );
		const sessionId = JSON.parse( opening.events.session ).session_id;
		const php = [];
		const alone = [];
		const marks = [];
		const phpRound = async () => {
			const result = await viaPhp( sessionId );
			const timing = lastTiming( stack.timingFile );
			proxyBody = JSON.parse( timing.body );
			return { ms: result.firstMs, timing };
		};
		for ( let i = 0; i < WARM_UP; i++ ) {
			await phpRound();
			await direct();
		}
		for ( let round = 0; round < ROUNDS; round++ ) {
			if ( round % 2 ) {
				alone.push( ( await direct() ).firstMs );
			}
			const { ms, timing } = await phpRound();
			php.push( ms );
			marks.push( timing );
			if ( ! ( round % 2 ) ) {
				alone.push( ( await direct() ).firstMs );
			}
		}
		report( php, alone, marks );
	} finally {
		stack.stop();
		await stopAll();
	}
}

function report( php, alone, timings ) {
	const seg = ( f ) => timings.map( f ).filter( Number.isFinite );
	const m = ( t ) => t.marks;
	const parts = [
		[
			'WordPress bootstrap: request → mu-plugins loaded (core init, SQLite)',
			seg( ( t ) => m( t ).mu_plugins ),
		],
		[
			'… → plugins loaded (our plugin and the SQLite drop-in included)',
			seg( ( t ) => m( t ).plugins_loaded - m( t ).mu_plugins ),
		],
		[
			"… → init done (core blocks and post types, every plugin's init)",
			seg( ( t ) => m( t ).init_end - m( t ).plugins_loaded ),
		],
		[
			'  of which init priority 20 (our question blocks)',
			seg( ( t ) => m( t ).init_21 - m( t ).init_19 ),
		],
		[
			'… → our handler (admin_init, current user)',
			seg( ( t ) => m( t ).handler - m( t ).init_end ),
		],
		[
			'handler: nonce, capability, session load, quota, request body',
			seg( ( t ) => m( t ).proxy_request - m( t ).handler ),
		],
		[
			'proxy connect (curl, new loopback connection)',
			seg( ( t ) => t.curl.connect ),
		],
		[
			"proxy first byte after the request (the proxy's own time)",
			seg( ( t ) => t.curl.starttransfer - t.curl.pretransfer ),
		],
		[
			'PHP: request → first event written (server side)',
			seg( ( t ) => m( t ).first_event ),
		],
	];
	const bootstrap = median( seg( ( t ) => m( t ).handler ) );
	const handler = median( parts[ 5 ][ 1 ] );
	const connect = median( parts[ 6 ][ 1 ] );
	const added50 = median( php ) - median( alone );
	console.log(
		`\nFirst token through PHP (${ php.length } rounds, alternating; ${ QUICK ? 'quick' : 'full' } run; WordPress 6.6 on SQLite, php -S, PHP ${ execFileSync( 'php', [ '-r', 'echo PHP_VERSION;' ] ) }):\n`
	);
	console.log( '| path | first delta p50 | p95 |' );
	console.log( '|---|---:|---:|' );
	console.log(
		`| proxy alone | ${ fmt( median( alone ), 2 ) } ms | ${ fmt( percentile( alone, 95 ), 2 ) } ms |`
	);
	console.log(
		`| through admin-ajax.php | ${ fmt( median( php ), 2 ) } ms | ${ fmt( percentile( php, 95 ), 2 ) } ms |`
	);
	console.log(
		`| **PHP added** | **${ fmt( added50 ) } ms** | **${ fmt( percentile( php, 95 ) - percentile( alone, 95 ) ) } ms** |`
	);
	console.log( "\n| where PHP's time goes (p50 of each part) | ms |" );
	console.log( '|---|---:|' );
	for ( const [ name, values ] of parts ) {
		console.log( `| ${ name } | ${ fmt( median( values ), 2 ) } |` );
	}
	console.log(
		`| bootstrap total (request → handler) | ${ fmt( bootstrap, 2 ) } |`
	);
	console.log(
		`| relay and web server (added − bootstrap − handler − connect) | ${ fmt( added50 - bootstrap - handler - connect, 2 ) } |`
	);
}

main().catch( async ( error ) => {
	console.error( error );
	await stopAll();
	process.exit( 1 );
} );
