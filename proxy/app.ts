import { randomUUID } from 'node:crypto';
import Fastify, {
	LogController,
	type FastifyInstance,
	type FastifyServerOptions,
} from 'fastify';
import { assertSafeConfig, type ProxyConfig } from './config';
import { lazyChildLogger, loggerOptions } from './logger';
import cache from './plugins/cache';
import errors from './plugins/errors';
import metrics from './plugins/metrics';
import provider from './plugins/provider';
import rateLimit from './plugins/rate-limit';
import routes from './plugins/routes';

/**
 * Builds the proxy from a config object without listening (server.ts listens), so tests run it
 * in-process: fastify's options, then one plugin per concern (plugins/), in dependency order. The
 * plugins own the Redis connection and the upstream sockets and close them on app.close().
 */
export interface BuildOptions {
	/** pino options or `false`; defaults to pino at config.log.level on stdout, with redaction. */
	logger?: FastifyServerOptions[ 'logger' ] | false;
}

/** `app.proxy` (config, metrics, provider) is declared with the other decorations in plugins/decorations.ts. */
export type ProxyApp = FastifyInstance;

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
	await app.register( errors, { config } );
	await app.register( metrics );
	await app.register( provider, { config } );
	await app.register( cache, { config } );
	await app.register( rateLimit, { config } );
	await app.register( routes, { config } );
	return app;
}
