import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import type { Bindings, ChildLoggerOptions } from 'pino';
import type { ProxyConfig } from './config';

/**
 * pino options: credentials are always redacted; prompt text is never logged unless
 * MPCC_LOG_PROMPTS=1 (routes check config.log.prompts before logging any of it).
 */
export const REDACT_PATHS = [
	'req.headers.authorization',
	'req.headers["x-api-key"]',
	'headers.authorization',
	'headers["x-api-key"]',
	'*.apiKey',
	'*.api_key',
	'config.apiKey',
	'config.token',
];

export function loggerOptions(
	config: ProxyConfig
): FastifyServerOptions[ 'logger' ] {
	return {
		level: config.log.level,
		redact: { paths: REDACT_PATHS, censor: '[redacted]' },
	};
}

type LogMethod = ( ...args: unknown[] ) => void;
type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * fastify makes a pino child logger (bound to the request id) for every request; most requests
 * log nothing at the default level, so this stands in for it and makes the child only when a
 * line is actually written.
 */
class LazyChildLogger {
	private made?: FastifyBaseLogger;

	constructor(
		private readonly parent: FastifyBaseLogger,
		private readonly bindings: Bindings,
		private readonly options: ChildLoggerOptions
	) {}

	private get logger(): FastifyBaseLogger {
		this.made ??= this.parent.child( this.bindings, this.options );
		return this.made;
	}

	get level(): string {
		return this.made?.level ?? this.options.level ?? this.parent.level;
	}

	set level( level: string ) {
		this.logger.level = level;
	}

	private write( level: Level, args: unknown[] ): void {
		// A child with its own level must exist to answer; otherwise the parent's level decides.
		if ( ! this.made && this.options.level === undefined ) {
			const parent = this.parent as FastifyBaseLogger & {
				isLevelEnabled?: ( name: string ) => boolean;
			};
			if ( parent.isLevelEnabled && ! parent.isLevelEnabled( level ) ) {
				return;
			}
		}
		( this.logger[ level ] as LogMethod )( ...args );
	}

	fatal( ...args: unknown[] ): void {
		this.write( 'fatal', args );
	}
	error( ...args: unknown[] ): void {
		this.write( 'error', args );
	}
	warn( ...args: unknown[] ): void {
		this.write( 'warn', args );
	}
	info( ...args: unknown[] ): void {
		this.write( 'info', args );
	}
	debug( ...args: unknown[] ): void {
		this.write( 'debug', args );
	}
	trace( ...args: unknown[] ): void {
		this.write( 'trace', args );
	}
	silent(): void {}

	child(
		bindings: Bindings,
		options?: ChildLoggerOptions
	): FastifyBaseLogger {
		return this.logger.child( bindings, options );
	}
}

/** fastify's childLoggerFactory: the per-request logger, made on first use. */
export function lazyChildLogger(
	logger: FastifyBaseLogger,
	bindings: Bindings,
	options: ChildLoggerOptions
): FastifyBaseLogger {
	return new LazyChildLogger(
		logger,
		bindings,
		options
	) as unknown as FastifyBaseLogger;
}
