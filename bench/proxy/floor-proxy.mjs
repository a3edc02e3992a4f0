/**
 * The floor for "added latency": a minimal node:http forwarder (no parsing, no validation, no
 * cache) between the client and the fake upstream, run by the benchmark on the proxy's CPU.
 * Whatever it adds is the second HTTP hop on this machine, not the proxy's work.
 */
import http from 'node:http';

const upstream = new URL( process.env.FLOOR_UPSTREAM );
const agent = new http.Agent( {
	keepAlive: true,
	noDelay: true,
	maxSockets: 512,
} );
const server = http.createServer( { noDelay: true }, ( req, res ) => {
	const body = [];
	req.on( 'data', ( chunk ) => body.push( chunk ) );
	req.on( 'end', () => {
		const out = http.request(
			{
				host: upstream.hostname,
				port: upstream.port,
				path: req.url,
				method: req.method,
				agent,
				headers: { 'content-type': 'application/json' },
			},
			( answer ) => {
				res.writeHead( answer.statusCode, answer.headers );
				answer.pipe( res );
			}
		);
		out.on( 'error', () => res.destroy() );
		out.end( Buffer.concat( body ) );
	} );
} );
server.listen( Number( process.env.FLOOR_PORT ), '127.0.0.1', () =>
	process.stdout.write( 'ready\n' )
);
