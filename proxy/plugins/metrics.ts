import fp from 'fastify-plugin';
import { ProxyMetrics } from '../metrics';

/**
 * The Prometheus registry (app.metrics) and the per-route request count and latency of the fastify
 * routes. Series are resolved once per route (and status), not built from labels per request.
 */
export default fp(
	async ( app ) => {
		const metrics = new ProxyMetrics();
		app.decorate( 'metrics', metrics );

		// The level is fixed at start-up: the line's object is built only when it will be written.
		const debugLog = [ 'debug', 'trace' ].includes( app.log.level );
		app.addHook( 'onResponse', ( request, reply, done ) => {
			const route = request.routeOptions.url ?? 'unknown';
			const series = metrics.route( route );
			series.status( reply.statusCode ).inc();
			series.latency.observe( reply.elapsedTime / 1000 );
			if ( debugLog ) {
				request.log.debug(
					{
						route,
						status: reply.statusCode,
						ms: Math.round( reply.elapsedTime ),
					},
					'request done'
				);
			}
			done();
		} );
	},
	{ name: 'metrics' }
);
