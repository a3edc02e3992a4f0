import type { FastifyBaseLogger } from 'fastify';
import type { ProxyConfig } from '../config';
import type { ProxyMetrics } from '../metrics';
import type { UpstreamClient } from '../upstream/upstream-client';
import { AiSdkProvider } from './ai-sdk-provider';
import { DemoProvider } from './demo-provider';
import type { Provider, ProviderDefinition } from './types';

/** Only the configured provider's SDK package is loaded: each one costs memory at start. */
const DEFINITIONS: Record<
	ProviderDefinition[ 'name' ],
	() => Promise< ProviderDefinition >
> = {
	openai: async () => ( await import( './openai' ) ).openaiProvider,
	anthropic: async () => ( await import( './anthropic' ) ).anthropicProvider,
	'openai-compatible': async () =>
		( await import( './openai-compatible' ) ).openaiCompatibleProvider,
};

export async function createProvider(
	config: ProxyConfig,
	upstream: UpstreamClient,
	metrics: ProxyMetrics,
	log?: FastifyBaseLogger
): Promise< Provider > {
	if ( config.provider === 'demo' ) {
		return new DemoProvider( config );
	}
	return new AiSdkProvider(
		await DEFINITIONS[ config.provider ](),
		config,
		upstream,
		metrics,
		log
	);
}
