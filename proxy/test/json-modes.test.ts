import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertJsonPart, TASKS, WIRE_PATH } from './json-mode-tasks';
import { json, postJson, readSse } from './helpers';
import { CACHE_OFF, useProxy } from './use-proxy';

/**
 * What every task call puts on the wire, for every provider × JSON mode: the outbound body the fake
 * upstream received (response_format / tools / tool_choice / output_config), and that the task still
 * answers, JSON and streamed.
 */
for ( const provider of [
	'openai',
	'openai-compatible',
	'anthropic',
] as const ) {
	for ( const mode of [ 'schema', 'object', 'off' ] as const ) {
		describe( `${ provider } with MPCC_LLM_JSON_MODE=${ mode }`, () => {
			const { fake, proxy } = useProxy( provider, {
				jsonMode: mode,
				cache: CACHE_OFF,
			} );

			it( '/healthz names the mode in use', async () => {
				const health = json(
					await ( await fetch( `${ proxy.url }/healthz` ) ).text()
				);
				assert.equal( health.json_mode, mode );
			} );

			for ( const task of TASKS ) {
				it( `${ task.route }: the outbound body carries what ${ mode } means, JSON and streamed`, async () => {
					fake.reply = () => task.answer;
					const plain = await postJson(
						`${ proxy.url }/v1/tasks/${ task.route }`,
						task.request
					);
					assert.equal(
						plain.status,
						200,
						await plain.clone().text()
					);
					const events = await readSse(
						await postJson(
							`${ proxy.url }/v1/tasks/${ task.route }`,
							{
								...task.request,
								stream: true,
							}
						)
					);
					assert.equal( events.at( -1 )?.event, 'done' );
					assert.equal( fake.count, 2 );
					for ( const request of fake.requests ) {
						assert.equal( request.path, WIRE_PATH[ provider ] );
						assertJsonPart( provider, mode, request.body, task );
					}
				} );
			}
		} );
	}
}
