import type { FastifyServerOptions } from 'fastify';
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
