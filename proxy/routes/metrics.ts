import type { FastifyInstance } from 'fastify';
import type { ProxyMetrics } from '../metrics';

/** GET /metrics: Prometheus text format (auth required like every route but /healthz). */
export function registerMetricsRoute(
	app: FastifyInstance,
	metrics: ProxyMetrics
): void {
	app.get(
		'/metrics',
		{ config: { rateLimit: false } },
		async ( _request, reply ) =>
			reply
				.type( 'text/plain; version=0.0.4; charset=utf-8' )
				.send( metrics.render() )
	);
}
