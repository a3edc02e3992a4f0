import fp from 'fastify-plugin';
import { createAuthHook } from '../auth';
import { chatAnswers } from '../chat/chat-answers';
import { chatCompletionsHandler } from '../routes/chat-completions';
import { registerHealthRoute } from '../routes/health';
import { registerMetricsRoute } from '../routes/metrics';
import { registerTaskRoutes } from '../routes/tasks';
import type { TaskRuntime } from '../tasks/task-runtime';
import type { ConfigOptions } from './decorations';

/**
 * The routes (docs/contracts.md "Proxy routes"): /healthz open, the rest behind the bearer token.
 * The chat answers (app.chatAnswers) are also what the pass-through lane serves (app.ts).
 */
export default fp< ConfigOptions >(
	async ( app, { config } ) => {
		const runtime: TaskRuntime = {
			config,
			provider: app.provider,
			cache: app.responseCache,
			metrics: app.metrics,
			log: app.log,
		};
		const answers = chatAnswers( runtime, app.upstream );
		app.decorate( 'chatAnswers', answers );
		registerHealthRoute( app, app.provider );
		await app.register( async ( secured ) => {
			secured.addHook( 'onRequest', createAuthHook( config.token ) );
			registerMetricsRoute( secured, app.metrics );
			secured.post(
				'/v1/chat/completions',
				chatCompletionsHandler( answers, config.deadlines.totalMs )
			);
			registerTaskRoutes( secured, runtime );
		} );
	},
	{
		name: 'routes',
		dependencies: [
			'errors',
			'metrics',
			'provider',
			'cache',
			'rate-limit',
		],
	}
);
