/**
 * The proxy's whole configuration as one typed object. server.ts builds it from the environment;
 * tests build it directly, so every knob (deadlines especially) can be set small.
 */
export const PROVIDER_NAMES = [
	'openai',
	'anthropic',
	'openai-compatible',
	'demo',
] as const;
export type ProviderName = ( typeof PROVIDER_NAMES )[ number ];

export interface DeadlineConfig {
	/** TCP (and TLS) connect to the provider. */
	connectMs: number;
	/** From sending the request to the provider's response headers. */
	firstByteMs: number;
	/** Longest silence between two body chunks once the provider started answering. */
	idleMs: number;
	/** Whole request, retries included; must stay under the PHP bridge's 90 s timeout. */
	totalMs: number;
}

export interface RetryConfig {
	maxRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** A Retry-After longer than this is not waited for: the client gets the 429/503 instead. */
	maxRetryAfterMs: number;
}

export interface ProxyConfig {
	host: string;
	port: number;
	/** Empty means no auth, which is only allowed on a loopback host. */
	token: string;
	provider: ProviderName;
	model: string;
	/** Provider base URL; only ever from configuration, never from a request. */
	baseUrl: string;
	apiKey: string;
	/** auto = the strongest mode the provider is known to support (each provider's index.ts: schema for all three). */
	jsonMode: 'auto' | 'schema' | 'object' | 'off';
	redisUrl: string;
	deadlines: DeadlineConfig;
	retry: RetryConfig;
	cache: { enabled: boolean; ttlMs: number; maxEntries: number };
	rateLimit: { max: number; windowMs: number };
	bodyLimitBytes: number;
	log: { level: string; prompts: boolean };
	/** Upper bound of tokens asked for on task routes. */
	maxOutputTokens: number;
	temperature: number;
}

export const DEFAULT_MODELS: Record< ProviderName, string > = {
	openai: 'gpt-4o-mini',
	anthropic: 'claude-3-5-haiku-latest',
	'openai-compatible': 'llama3.1',
	demo: 'demo',
};

export const DEFAULT_BASE_URLS: Record< ProviderName, string > = {
	openai: 'https://api.openai.com/v1',
	anthropic: 'https://api.anthropic.com/v1',
	'openai-compatible': 'http://127.0.0.1:11434/v1',
	demo: '',
};

export function defaultConfig(
	overrides: Partial< ProxyConfig > = {}
): ProxyConfig {
	const provider = overrides.provider ?? 'demo';
	return {
		host: '127.0.0.1',
		port: 8787,
		token: '',
		provider,
		model: DEFAULT_MODELS[ provider ],
		baseUrl: DEFAULT_BASE_URLS[ provider ],
		apiKey: '',
		jsonMode: 'auto',
		redisUrl: '',
		deadlines: {
			connectMs: 5_000,
			firstByteMs: 30_000,
			idleMs: 20_000,
			totalMs: 60_000,
		},
		retry: {
			maxRetries: 2,
			baseDelayMs: 250,
			maxDelayMs: 4_000,
			maxRetryAfterMs: 10_000,
		},
		cache: { enabled: true, ttlMs: 300_000, maxEntries: 1_000 },
		rateLimit: { max: 60, windowMs: 60_000 },
		bodyLimitBytes: 2 * 1024 * 1024,
		log: { level: 'info', prompts: false },
		maxOutputTokens: 4_096,
		temperature: 0.4,
		...overrides,
	};
}

export function isLoopbackHost( host: string ): boolean {
	return (
		host === 'localhost' ||
		host === '::1' ||
		/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test( host )
	);
}

/** Throws on a configuration that must not start (e.g. listening beyond loopback without a token). */
export function assertSafeConfig( config: ProxyConfig ): void {
	if ( ! config.token && ! isLoopbackHost( config.host ) ) {
		throw new Error(
			`Refusing to listen on ${ config.host } without MPCC_PROXY_TOKEN: set a token or listen on 127.0.0.1.`
		);
	}
	if ( config.provider !== 'demo' ) {
		let url: URL;
		try {
			url = new URL( config.baseUrl );
		} catch {
			throw new Error(
				`MPCC_LLM_BASE_URL is not a URL: ${ config.baseUrl }`
			);
		}
		if ( url.protocol !== 'http:' && url.protocol !== 'https:' ) {
			throw new Error( 'MPCC_LLM_BASE_URL must be http(s).' );
		}
	}
	if ( config.deadlines.totalMs >= 90_000 ) {
		throw new Error(
			'MPCC_DEADLINE_TOTAL_MS must stay under the PHP bridge timeout (90 s).'
		);
	}
}

type Env = Record< string, string | undefined >;

function intFrom( env: Env, name: string, fallback: number ): number {
	const raw = env[ name ];
	if ( raw === undefined || raw === '' ) {
		return fallback;
	}
	const value = Number( raw );
	if ( ! Number.isFinite( value ) || value < 0 ) {
		throw new Error(
			`${ name } must be a non-negative number, got "${ raw }".`
		);
	}
	return Math.floor( value );
}

function providerFrom( raw: string | undefined ): ProviderName {
	const name = ( raw ?? '' ).trim() || 'demo';
	if ( ! ( PROVIDER_NAMES as readonly string[] ).includes( name ) ) {
		throw new Error(
			`MPCC_LLM_PROVIDER must be one of ${ PROVIDER_NAMES.join( ', ' ) }; got "${ name }".`
		);
	}
	return name as ProviderName;
}

function jsonModeFrom( raw: string | undefined ): ProxyConfig[ 'jsonMode' ] {
	const mode = raw || 'auto';
	if (
		mode !== 'auto' &&
		mode !== 'schema' &&
		mode !== 'object' &&
		mode !== 'off'
	) {
		throw new Error(
			`MPCC_LLM_JSON_MODE must be auto, schema, object or off; got "${ mode }".`
		);
	}
	return mode;
}

export function configFromEnv( env: Env ): ProxyConfig {
	const provider = providerFrom( env.MPCC_LLM_PROVIDER );
	const base = defaultConfig( { provider } );
	let apiKey = env.MPCC_LLM_API_KEY ?? '';
	if ( provider === 'openai' ) {
		apiKey = env.OPENAI_API_KEY ?? apiKey;
	} else if ( provider === 'anthropic' ) {
		apiKey = env.ANTHROPIC_API_KEY ?? apiKey;
	} else if ( provider === 'openai-compatible' ) {
		apiKey = apiKey || env.OPENAI_API_KEY || '';
	}
	const config: ProxyConfig = {
		...base,
		host: env.MPCC_PROXY_HOST || base.host,
		port: intFrom( env, 'MPCC_PROXY_PORT', base.port ),
		token: env.MPCC_PROXY_TOKEN ?? '',
		model: env.MPCC_LLM_MODEL || base.model,
		baseUrl: ( env.MPCC_LLM_BASE_URL || base.baseUrl ).replace(
			/\/+$/,
			''
		),
		apiKey,
		jsonMode: jsonModeFrom( env.MPCC_LLM_JSON_MODE ),
		redisUrl: env.MPCC_REDIS_URL ?? '',
		deadlines: {
			connectMs: intFrom(
				env,
				'MPCC_DEADLINE_CONNECT_MS',
				base.deadlines.connectMs
			),
			firstByteMs: intFrom(
				env,
				'MPCC_DEADLINE_FIRST_BYTE_MS',
				base.deadlines.firstByteMs
			),
			idleMs: intFrom(
				env,
				'MPCC_DEADLINE_IDLE_MS',
				base.deadlines.idleMs
			),
			totalMs: intFrom(
				env,
				'MPCC_DEADLINE_TOTAL_MS',
				base.deadlines.totalMs
			),
		},
		retry: {
			maxRetries: intFrom( env, 'MPCC_RETRY_MAX', base.retry.maxRetries ),
			baseDelayMs: intFrom(
				env,
				'MPCC_RETRY_BASE_MS',
				base.retry.baseDelayMs
			),
			maxDelayMs: intFrom(
				env,
				'MPCC_RETRY_MAX_DELAY_MS',
				base.retry.maxDelayMs
			),
			maxRetryAfterMs: intFrom(
				env,
				'MPCC_RETRY_AFTER_CAP_MS',
				base.retry.maxRetryAfterMs
			),
		},
		cache: {
			enabled: env.MPCC_CACHE !== '0' && env.MPCC_CACHE !== 'off',
			ttlMs: intFrom( env, 'MPCC_CACHE_TTL_MS', base.cache.ttlMs ),
			maxEntries: intFrom(
				env,
				'MPCC_CACHE_MAX_ENTRIES',
				base.cache.maxEntries
			),
		},
		rateLimit: {
			max: intFrom( env, 'MPCC_RATE_LIMIT_MAX', base.rateLimit.max ),
			windowMs: intFrom(
				env,
				'MPCC_RATE_LIMIT_WINDOW_MS',
				base.rateLimit.windowMs
			),
		},
		bodyLimitBytes: intFrom(
			env,
			'MPCC_BODY_LIMIT_BYTES',
			base.bodyLimitBytes
		),
		log: {
			level: env.MPCC_LOG_LEVEL || base.log.level,
			prompts: env.MPCC_LOG_PROMPTS === '1',
		},
		maxOutputTokens: intFrom(
			env,
			'MPCC_MAX_OUTPUT_TOKENS',
			base.maxOutputTokens
		),
		temperature: env.MPCC_TEMPERATURE
			? Number( env.MPCC_TEMPERATURE )
			: base.temperature,
	};
	assertSafeConfig( config );
	return config;
}
