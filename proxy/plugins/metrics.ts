import fp from 'fastify-plugin';
import { ProxyMetrics, seriesBy } from '../metrics';

interface RouteSeries {
	status: ( code: number ) => { inc: () => void };
	latency: { observe: ( seconds: number ) => void };
}

/**
 * The Prometheus registry (app.metrics) and the per-route request count and latency. Series are
 * resolved once per route (and status), not built from labels per request.
 */
export default fp(
	async ( app ) => {
		const metrics = new ProxyMetrics();
		app.decorate( 'metrics', metrics );

		const routeSeries = new Map< string, RouteSeries >();
		const seriesFor = ( route: string ) => {
			let series = routeSeries.get( route );
			if ( ! series ) {
				series = {
					status: seriesBy( ( code: number ) =>
						metrics.requests.series( {
							route,
							status: String( code ),
						} )
					),
					latency: metrics.latency.series( { route } ),
				};
				routeSeries.set( route, series );
			}
			return series;
		};
		// The level is fixed at start-up: the line's object is built only when it will be written.
		const debugLog = [ 'debug', 'trace' ].includes( app.log.level );
		app.addHook( 'onResponse', ( request, reply, done ) => {
			const route = request.routeOptions.url ?? 'unknown';
			const series = seriesFor( route );
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
