import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify, {
	LogController,
	type FastifyError,
	type FastifyInstance,
	type FastifyServerOptions,
} from 'fastify';
import type { Redis } from 'ioredis';
import { createAuthHook } from './auth';
import { MemoryCacheStore, type CacheStore } from './cache/cache-store';
import { RedisCacheStore } from './cache/redis-cache-store';
import { ResponseCache } from './cache/response-cache';
import { ClientClosedError } from './call-context';
import { assertSafeConfig, type ProxyConfig } from './config';
import { ProxyError } from './errors';
import { lazyChildLogger, loggerOptions } from './logger';
import { ProxyMetrics, seriesBy } from './metrics';
import { createProvider } from './providers/create-provider';
import type { Provider } from './providers/types';
import { chatCompletionsHandler } from './routes/chat-completions';
import { registerHealthRoute } from './routes/health';
import { registerMetricsRoute } from './routes/metrics';
import { registerTaskRoutes } from './routes/tasks';
import { toProxyError } from './tasks/request-body';
import { UpstreamClient } from './upstream/upstream-client';

/**
 * Builds the proxy from a config object without listening (server.ts listens), so tests run it
 * in-process. Owns the Redis connection and the upstream sockets and closes them on app.close().
 */
export interface BuildOptions {
	/** pino options or `false`; defaults to pino at config.log.level on stdout, with redaction. */
	logger?: FastifyServerOptions[ 'logger' ] | false;
}

export interface ProxyApp extends FastifyInstance {
	proxy: { config: ProxyConfig; metrics: ProxyMetrics; provider: Provider };
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

function noSchemaCompiler(): never {
	throw new Error(
		'route JSON schemas are not used in the proxy: validate with zod in the handler'
	);
}
const NO_SCHEMA_COMPILERS = {
	buildValidator: () => noSchemaCompiler,
	buildSerializer: () => noSchemaCompiler,
};

export async function buildApp(
	config: ProxyConfig,
	options: BuildOptions = {}
): Promise< ProxyApp > {
	assertSafeConfig( config );
	const app = Fastify( {
		logger:
			options.logger === undefined
				? loggerOptions( config )
				: options.logger,
		bodyLimit: config.bodyLimitBytes,
		// One debug line per request from onResponse instead of fastify's two info lines: logging is on the hot path.
		logController: new LogController( { disableRequestLogging: true } ),
		// …and no pino child per request unless that request actually logs.
		childLoggerFactory: lazyChildLogger,
		requestIdHeader: false,
		// Routes declare no JSON schemas (the shared zod schemas validate), so fastify's default ajv
		// and fast-json-stringify compilers are never needed: not loading them saves ~5 MB of RSS.
		schemaController: { compilersFactory: NO_SCHEMA_COMPILERS },
		// Propagate the caller's id when it is sane, else make one.
		genReqId: ( req ) => {
			const given = req.headers[ 'x-request-id' ];
			return typeof given === 'string' && REQUEST_ID.test( given )
				? given
				: randomUUID();
		},
	} );
	const metrics = new ProxyMetrics();
	const upstream = new UpstreamClient( {
		provider: config.provider,
		deadlines: config.deadlines,
		retry: config.retry,
		metrics,
	} );
	const provider = await createProvider( config, upstream, metrics, app.log );
	app.log.info(
		{
			provider: provider.name,
			model: provider.model,
			json_mode: provider.jsonMode ?? null,
			json_mode_configured: config.jsonMode,
		},
		'provider ready'
	);
	// ioredis is loaded only when Redis is configured.
	const redis: Redis | undefined = config.redisUrl
		? new ( await import( 'ioredis' ) ).Redis( config.redisUrl, {
				maxRetriesPerRequest: 1,
				enableAutoPipelining: true,
			} )
		: undefined;
	redis?.on( 'error', ( error ) =>
		app.log.warn( { err: error }, 'redis error' )
	);
	const store: CacheStore = redis
		? new RedisCacheStore( redis )
		: new MemoryCacheStore( config.cache.maxEntries );
	const cache = new ResponseCache( store, config.cache, metrics, app.log );
	const runtime = { config, provider, cache, metrics, log: app.log };

	app.decorate( 'proxy', { config, metrics, provider } );

	// Set when the request arrives (it stays on every answer, errors included): an onSend hook would
	// put fastify's hook runner between every handler and its write.
	app.addHook( 'onRequest', ( request, reply, done ) => {
		reply.header( 'x-request-id', request.id );
		done();
	} );
	// Metric series resolved once per route (and status), not built from labels per request.
	const routeSeries = new Map<
		string,
		{
			status: ( code: number ) => { inc: () => void };
			latency: { observe: ( seconds: number ) => void };
		}
	>();
	const seriesFor = ( route: string ) => {
		let series = routeSeries.get( route );
		if ( ! series ) {
			series = {
				status: seriesBy( ( code: number ) =>
					metrics.requests.series( { route, status: String( code ) } )
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
	app.addHook( 'onClose', async () => {
		upstream.close();
		await redis?.quit().catch( () => undefined );
	} );

	app.setErrorHandler( ( error: FastifyError | Error, request, reply ) => {
		if ( error instanceof ClientClosedError ) {
			request.log.debug( 'client went away' );
			return reply.code( 499 ).send();
		}
		let proxyError: ProxyError;
		const status = ( error as FastifyError ).statusCode;
		if ( error instanceof ProxyError ) {
			proxyError = error;
		} else if ( status === 413 ) {
			proxyError = new ProxyError(
				'payload_too_large',
				`request body is larger than ${ config.bodyLimitBytes } bytes`
			);
		} else if ( status !== undefined && status >= 400 && status < 500 ) {
			proxyError = new ProxyError( 'invalid_request', error.message );
		} else {
			proxyError = toProxyError( error, request.log );
		}
		if (
			proxyError.code === 'rate_limited' &&
			! (
				error instanceof ProxyError &&
				error.message.startsWith( 'provider' )
			)
		) {
			metrics.rateLimited.inc();
		}
		if ( proxyError.statusCode >= 500 ) {
			request.log.warn(
				{ code: proxyError.code, msg: proxyError.message },
				'request failed'
			);
		}
		if ( proxyError.retryAfter !== undefined ) {
			reply.header( 'retry-after', String( proxyError.retryAfter ) );
		}
		return reply.code( proxyError.statusCode ).send( proxyError.toBody() );
	} );
	app.setNotFoundHandler( ( request, reply ) => {
		reply
			.code( 404 )
			.send(
				new ProxyError(
					'not_found',
					`no route ${ request.method } ${ request.url }`
				).toBody()
			);
	} );

	await app.register( rateLimit, {
		global: true,
		max: config.rateLimit.max,
		timeWindow: config.rateLimit.windowMs,
		redis,
		nameSpace: 'mpcc:rl:',
		// Redis trouble must not take the proxy down with it.
		skipOnError: true,
		keyGenerator: ( request ) => {
			const site = request.headers[ 'x-mpcc-site' ];
			const user = request.headers[ 'x-mpcc-user' ];
			return site || user
				? `${ String( site ?? '-' ) }|${ String( user ?? '-' ) }`
				: `ip|${ request.ip }`;
		},
		errorResponseBuilder: ( _request, context ) =>
			new ProxyError(
				'rate_limited',
				`rate limit of ${ context.max } requests per ${ Math.round( config.rateLimit.windowMs / 1000 ) } s reached`,
				{
					retryAfter: context.ttl / 1000,
				}
			),
	} );

	registerHealthRoute( app, provider );
	await app.register( async ( secured ) => {
		secured.addHook( 'onRequest', createAuthHook( config.token ) );
		registerMetricsRoute( secured, metrics );
		secured.post(
			'/v1/chat/completions',
			chatCompletionsHandler( runtime, upstream )
		);
		registerTaskRoutes( secured, runtime );
	} );

	return app as unknown as ProxyApp;
}
