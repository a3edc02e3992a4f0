import type { ProxyConfig } from '../config';
import type { ProxyMetrics } from '../metrics';
import type { UpstreamClient } from '../upstream/upstream-client';
import { AiSdkProvider } from './ai-sdk-provider';
import { anthropicProvider } from './anthropic';
import { DemoProvider } from './demo';
import { openaiProvider } from './openai';
import { openaiCompatibleProvider } from './openai-compatible';
import type { Provider, ProviderDefinition } from './types';

const DEFINITIONS: Record< ProviderDefinition[ 'name' ], ProviderDefinition > =
	{
		openai: openaiProvider,
		anthropic: anthropicProvider,
		'openai-compatible': openaiCompatibleProvider,
	};

export function createProvider(
	config: ProxyConfig,
	upstream: UpstreamClient,
	metrics: ProxyMetrics
): Provider {
	if ( config.provider === 'demo' ) {
		return new DemoProvider( config );
	}
	return new AiSdkProvider(
		DEFINITIONS[ config.provider ],
		config,
		upstream,
		metrics
	);
}
