import Fastify, {
	LogController,
	type FastifyInstance,
	type FastifyServerOptions,
} from 'fastify';
import { bearerCheck } from './auth';
import { assertSafeConfig, type ProxyConfig } from './config';
import { lazyChildLogger, loggerOptions } from './logger';
import { passthroughLane, type Lane } from './passthrough/passthrough-lane';
import { serverWithLane } from './passthrough/server-with-lane';
import { requestIdFrom } from './request-id';
import cache from './plugins/cache';
import errors from './plugins/errors';
import metrics from './plugins/metrics';
import provider from './plugins/provider';
import rateLimit from './plugins/rate-limit';
import routes from './plugins/routes';

/**
 * Builds the proxy from a config object without listening (server.ts listens), so tests run it
 * in-process: fastify's options, then one plugin per concern (plugins/), in dependency order, then
 * the pass-through lane, which serves chat completions in front of fastify with the plugins' parts.
 * The plugins own the Redis connection and the upstream sockets and close them on app.close().
 */
export interface BuildOptions {
	/** pino options or `false`; defaults to pino at config.log.level on stdout, with redaction. */
	logger?: FastifyServerOptions[ 'logger' ] | false;
}

/** `app.proxy` (config, metrics, provider) is declared with the other decorations in plugins/decorations.ts. */
export type ProxyApp = FastifyInstance;

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
	const lane: { take?: Lane } = {};
	const app = Fastify( {
		// POST /v1/chat/completions is served in front of fastify (passthrough/passthrough-lane.ts).
		serverFactory: serverWithLane( lane ),
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
		genReqId: ( req ) => requestIdFrom( req.headers ),
	} );
	await app.register( errors, { config } );
	await app.register( metrics );
	await app.register( provider, { config } );
	await app.register( cache, { config } );
	await app.register( rateLimit, { config } );
	await app.register( routes, { config } );
	lane.take = passthroughLane( {
		answers: app.chatAnswers,
		limiter: app.rateLimiter,
		refusal: bearerCheck( config.token ),
		metrics: app.metrics,
		log: app.log,
		bodyLimitBytes: config.bodyLimitBytes,
		totalMs: config.deadlines.totalMs,
	} );
	return app;
}
