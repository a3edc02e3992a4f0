import http from 'node:http';
import type {
	FastifyServerFactoryHandler,
	FastifyServerOptions,
} from 'fastify';
import type { Lane } from './passthrough-lane';

/**
 * fastify's serverFactory: the node:http server fastify would make (same timeouts), except that the
 * pass-through lane sees each request first. `lane.take` is filled in once the plugins it uses are
 * registered (app.ts); until then, and for every request it does not take, fastify answers.
 */
export function serverWithLane( lane: { take?: Lane } ) {
	return (
		handler: FastifyServerFactoryHandler,
		options: FastifyServerOptions
	): http.Server => {
		const server = http.createServer( ( req, res ) => {
			if ( ! lane.take?.( req, res ) ) {
				handler( req, res );
			}
		} );
		server.keepAliveTimeout = options.keepAliveTimeout ?? 72_000;
		server.requestTimeout = options.requestTimeout ?? 0;
		server.setTimeout( options.connectionTimeout ?? 0 );
		if ( options.maxRequestsPerSocket ) {
			server.maxRequestsPerSocket = options.maxRequestsPerSocket;
		}
		return server;
	};
}
