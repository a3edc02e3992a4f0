import fp from 'fastify-plugin';
import { createProvider } from '../providers/create-provider';
import { UpstreamClient } from '../upstream/upstream-client';
import type { ConfigOptions } from './decorations';

/** The configured provider (app.provider) and the pooled upstream sockets it and chat passthrough use. */
export default fp< ConfigOptions >(
	async ( app, { config } ) => {
		const upstream = new UpstreamClient( {
			provider: config.provider,
			deadlines: config.deadlines,
			retry: config.retry,
			metrics: app.metrics,
		} );
		const provider = await createProvider(
			config,
			upstream,
			app.metrics,
			app.log
		);
		app.log.info(
			{
				provider: provider.name,
				model: provider.model,
				json_mode: provider.jsonMode ?? null,
				json_mode_configured: config.jsonMode,
			},
			'provider ready'
		);
		app.decorate( 'upstream', upstream );
		app.decorate( 'provider', provider );
		app.decorate( 'proxy', { config, metrics: app.metrics, provider } );
		app.addHook( 'onClose', async () => upstream.close() );
	},
	{ name: 'provider', dependencies: [ 'metrics' ] }
);
