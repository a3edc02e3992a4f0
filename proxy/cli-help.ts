/**
 * `courses-copilot-proxy --help`: every environment setting the proxy reads (config.ts), with its
 * default taken from defaultConfig() so the two cannot drift. proxy/test/cli-help.test.ts checks that
 * each variable config.ts reads is listed here.
 */
import { DEFAULT_BASE_URLS, DEFAULT_MODELS, defaultConfig } from './config';

const base = defaultConfig();
const perProvider = ( values: Record< string, string > ) =>
	Object.entries( values )
		.filter( ( [ , value ] ) => value !== '' )
		.map( ( [ provider, value ] ) => `${ provider }: ${ value }` )
		.join( ', ' );

/** Variable → [its default, what it does]; keyed by variable, so none can be listed twice. */
const SETTINGS: Record< string, [ string | number, string ] > = {
	MPCC_PROXY_HOST: [
		base.host,
		'listen address; anything but loopback requires MPCC_PROXY_TOKEN',
	],
	MPCC_PROXY_PORT: [ base.port, 'listen port' ],
	MPCC_PROXY_TOKEN: [
		'(none)',
		'bearer token WordPress sends; set the same one in Settings → Courses Copilot',
	],
	MPCC_LLM_PROVIDER: [
		base.provider,
		'openai, anthropic, openai-compatible or demo (offline, deterministic)',
	],
	MPCC_LLM_MODEL: [ perProvider( DEFAULT_MODELS ), 'model name' ],
	MPCC_LLM_BASE_URL: [
		perProvider( DEFAULT_BASE_URLS ),
		"provider's API base URL",
	],
	OPENAI_API_KEY: [ '(none)', 'key for openai (and openai-compatible)' ],
	ANTHROPIC_API_KEY: [ '(none)', 'key for anthropic' ],
	MPCC_LLM_API_KEY: [
		'(none)',
		'key for openai-compatible (any provider when its own is unset)',
	],
	MPCC_LLM_JSON_MODE: [
		base.jsonMode,
		'auto, schema, object or off: how JSON answers are asked for',
	],
	MPCC_REDIS_URL: [
		'(none)',
		'redis://… : cache and rate limits shared by several proxies',
	],
	MPCC_DEADLINE_CONNECT_MS: [
		base.deadlines.connectMs,
		'connect to the provider',
	],
	MPCC_DEADLINE_FIRST_BYTE_MS: [
		base.deadlines.firstByteMs,
		"until the provider's response headers",
	],
	MPCC_DEADLINE_IDLE_MS: [
		base.deadlines.idleMs,
		'longest silence inside a streamed answer',
	],
	MPCC_DEADLINE_TOTAL_MS: [
		base.deadlines.totalMs,
		'whole request with retries (under 90000)',
	],
	MPCC_RETRY_MAX: [
		base.retry.maxRetries,
		'retries of a failed provider call',
	],
	MPCC_RETRY_BASE_MS: [
		base.retry.baseDelayMs,
		'first retry delay (exponential, jittered)',
	],
	MPCC_RETRY_MAX_DELAY_MS: [ base.retry.maxDelayMs, 'longest retry delay' ],
	MPCC_RETRY_AFTER_CAP_MS: [
		base.retry.maxRetryAfterMs,
		'longest provider Retry-After waited for',
	],
	MPCC_CACHE: [ 'on', '0 or off disables the response cache' ],
	MPCC_CACHE_TTL_MS: [ base.cache.ttlMs, 'cache lifetime' ],
	MPCC_CACHE_MAX_ENTRIES: [ base.cache.maxEntries, 'in-memory cache size' ],
	MPCC_RATE_LIMIT_MAX: [
		base.rateLimit.max,
		'requests per site and user per window',
	],
	MPCC_RATE_LIMIT_WINDOW_MS: [ base.rateLimit.windowMs, 'rate limit window' ],
	MPCC_BODY_LIMIT_BYTES: [ base.bodyLimitBytes, 'largest request body' ],
	MPCC_MAX_OUTPUT_TOKENS: [
		base.maxOutputTokens,
		'most tokens asked for on task routes',
	],
	MPCC_TEMPERATURE: [
		base.temperature,
		'sampling temperature on task routes',
	],
	MPCC_LOG_LEVEL: [
		base.log.level,
		'pino level: fatal, error, warn, info, debug, trace',
	],
	MPCC_LOG_PROMPTS: [
		'0',
		'1 logs prompts (they may hold personal data; off in production)',
	],
};

/** [variable, default, what it does], in the order --help lists them. */
export const ENV_SETTINGS: ReadonlyArray< [ string, string, string ] > =
	Object.entries( SETTINGS ).map( ( [ name, [ fallback, what ] ] ) => [
		name,
		String( fallback ),
		what,
	] );

export function helpText( version: string ): string {
	const width = Math.max(
		...ENV_SETTINGS.map( ( [ name ] ) => name.length )
	);
	const rows = ENV_SETTINGS.map(
		( [ name, fallback, what ] ) =>
			`  ${ name.padEnd( width ) }  ${ what }\n  ${ ' '.repeat( width ) }  default: ${ fallback }`
	);
	return [
		`courses-copilot-proxy ${ version }: the LLM proxy of the Courses Copilot WordPress plugin.`,
		'',
		'Usage: courses-copilot-proxy            (configured by environment variables only)',
		'       courses-copilot-proxy --help | --version',
		'',
		'Routes: GET /healthz (no auth), GET /metrics, POST /v1/chat/completions, POST /v1/tasks/*.',
		'Stops cleanly on SIGTERM or SIGINT.',
		'',
		'Environment:',
		...rows,
		'',
	].join( '\n' );
}
