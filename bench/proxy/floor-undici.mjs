/**
 * The floor with undici's Pool as its client instead of node:http's (the proxy's transport since
 * proxy/upstream/http-transport.ts moved to it): what a second hop costs with the same HTTP client
 * ours uses. Not a column of run.ts (issue 16 defines the floor as a bare node:http forwarder); for
 * compare-builds.ts:
 *
 *   node --import tsx bench/proxy/compare-builds.ts bench/proxy/floor-proxy.mjs bench/proxy/floor-undici.mjs build-proxy/server.mjs
 */
import http from 'node:http';
import { Pool } from 'undici';

const pool = new Pool( new URL( process.env.FLOOR_UPSTREAM ).origin, {
	connections: 512,
} );
const server = http.createServer( { noDelay: true }, ( req, res ) => {
	const body = [];
	req.on( 'data', ( chunk ) => body.push( chunk ) );
	req.on( 'end', () => {
		pool.request( {
			path: req.url,
			method: req.method,
			headers: { 'content-type': 'application/json' },
			body: Buffer.concat( body ),
		} ).then(
			( answer ) => {
				res.writeHead( answer.statusCode, answer.headers );
				answer.body.pipe( res );
			},
			() => res.destroy()
		);
	} );
} );
server.listen( Number( process.env.FLOOR_PORT ), '127.0.0.1', () =>
	process.stdout.write( 'ready\n' )
);
