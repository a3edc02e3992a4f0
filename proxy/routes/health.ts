import type { FastifyInstance } from 'fastify';
import type { Provider } from '../providers/types';

/** GET /healthz: no auth, no rate limit; tells the bridge which provider answers, whether it is the demo, and how JSON is asked for. */
export function registerHealthRoute(
	app: FastifyInstance,
	provider: Provider
): void {
	app.get( '/healthz', { config: { rateLimit: false } }, async () => ( {
		status: 'ok',
		provider: provider.name,
		model: provider.model,
		demo: provider.demo,
		json_mode: provider.jsonMode ?? null,
	} ) );
}
