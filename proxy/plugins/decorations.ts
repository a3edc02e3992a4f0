import type { Redis } from 'ioredis';
import type { ResponseCache } from '../cache/response-cache';
import type { ChatAnswers } from '../chat/chat-answers';
import type { ProxyConfig } from '../config';
import type { RateLimiter } from '../limits/rate-limiter';
import type { ProxyMetrics } from '../metrics';
import type { Provider } from '../providers/types';
import type { UpstreamClient } from '../upstream/upstream-client';

/** What the plugins share through the app instance (each set by the plugin that owns it). */
declare module 'fastify' {
	interface FastifyInstance {
		/** Read by tests and server.ts: the config the app was built from, its metrics and provider. */
		proxy: {
			config: ProxyConfig;
			metrics: ProxyMetrics;
			provider: Provider;
		};
		/** plugins/metrics.ts */
		metrics: ProxyMetrics;
		/** plugins/provider.ts */
		upstream: UpstreamClient;
		provider: Provider;
		/** plugins/cache.ts; the Redis connection is shared with the rate limit. */
		redis: Redis | undefined;
		responseCache: ResponseCache;
		/** plugins/rate-limit.ts */
		rateLimiter: RateLimiter;
		/** plugins/routes.ts; also served by the pass-through lane */
		chatAnswers: ChatAnswers;
	}
}

/** Every plugin is registered with the app's config. */
export interface ConfigOptions {
	config: ProxyConfig;
}
