/**
 * A real provider without a real provider: a must-use plugin sends the proxy's task calls of users
 * with the `mpcc_e2e_real_provider` meta (a port) through a relay on that port, which answers what
 * the demo proxy answers but with `demo: false`, as a real provider would.
 */
import http from 'node:http';
import { useMuPlugin } from './mu-plugin';

const RELAY_MU_PLUGIN_CODE = `<?php
// Installed by tests/e2e/support/real-provider.ts; acts only for users with its meta.
add_filter( 'pre_http_request', static function ( $pre, $args, $url ) {
	$port = (int) get_user_meta( get_current_user_id(), 'mpcc_e2e_real_provider', true );
	if ( ! $port || ! defined( 'MPCC_PROXY_URL' ) || 0 !== strpos( $url, MPCC_PROXY_URL . '/v1/tasks/' ) ) {
		return $pre;
	}
	$args['headers']['X-Upstream'] = $url;
	return wp_remote_request( 'http://127.0.0.1:' . $port . '/relay', $args );
}, 10, 3 );
`;

/** Installs the relaying mu-plugin for the spec that calls this. */
export function useRealProviderRelay() {
	useMuPlugin( 'mpcc-e2e-real-provider.php', RELAY_MU_PLUGIN_CODE );
}

/** Relays task calls to the demo proxy, answering `demo: false` as a real provider would. */
export async function startRealProviderRelay(): Promise< {
	port: number;
	close: () => Promise< void >;
	calls: string[];
} > {
	const calls: string[] = [];
	const server = http.createServer( ( request, response ) => {
		const upstream = String( request.headers[ 'x-upstream' ] ?? '' );
		calls.push( upstream );
		const headers = { ...request.headers };
		delete headers[ 'x-upstream' ];
		delete headers.host;
		const forward = http.request(
			upstream,
			{ method: request.method, headers },
			( answer ) => {
				const out = { ...answer.headers };
				delete out[ 'content-length' ];
				response.writeHead( answer.statusCode ?? 502, out );
				answer.on( 'data', ( chunk: Buffer ) =>
					response.write(
						chunk
							.toString( 'utf8' )
							.replace( /"demo":\s*true/g, '"demo":false' )
					)
				);
				answer.on( 'end', () => response.end() );
			}
		);
		forward.on( 'error', () => response.destroy() );
		request.pipe( forward );
	} );
	await new Promise< void >( ( resolve ) =>
		server.listen( 0, '127.0.0.1', resolve )
	);
	const address = server.address();
	return {
		port: typeof address === 'object' && address ? address.port : 0,
		calls,
		close: () =>
			new Promise( ( resolve ) => server.close( () => resolve() ) ),
	};
}
