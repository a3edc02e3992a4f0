import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { buildApp } from '../app';
import { assertJsonPart, TASKS, type Schema } from './json-mode-tasks';
import { COURSE_TURN_ANSWER, COURSE_TURN_REQUEST } from './fixtures';
import { json, postJson, readSse, startFake, testConfig } from './helpers';
import { CACHE_OFF, useProxy, withProxy } from './use-proxy';

/**
 * How the JSON mode is chosen and fallen back from: `auto` per provider, a rejected mode asked again
 * one level down, what is logged, and refusals on chat completions.
 */
describe( 'auto picks the strongest mode each provider supports', () => {
	for ( const provider of [
		'openai',
		'openai-compatible',
		'anthropic',
	] as const ) {
		it( `${ provider }: auto is schema`, async () => {
			await withProxy( provider, {}, async ( { fake, proxy } ) => {
				const health = json(
					await ( await fetch( `${ proxy.url }/healthz` ) ).text()
				);
				assert.equal( health.json_mode, 'schema' );
				fake.reply = () => COURSE_TURN_ANSWER;
				const res = await postJson(
					`${ proxy.url }/v1/tasks/course-turn`,
					COURSE_TURN_REQUEST
				);
				assert.equal( res.status, 200 );
				assertJsonPart(
					provider,
					'schema',
					fake.requests[ 0 ]?.body ?? {},
					TASKS[ 0 ] as ( typeof TASKS )[ number ]
				);
			} );
		} );
	}

	it( 'anthropic: a model with native structured output gets output_config.format instead of a tool', async () => {
		await withProxy(
			'anthropic',
			{ model: 'claude-sonnet-4-5' },
			async ( { fake, proxy } ) => {
				fake.reply = () => COURSE_TURN_ANSWER;
				const res = await postJson(
					`${ proxy.url }/v1/tasks/course-turn`,
					COURSE_TURN_REQUEST
				);
				assert.equal( res.status, 200 );
				const body = fake.requests[ 0 ]?.body ?? {};
				assert.equal( body.tools, undefined );
				// The SDK drops keywords Anthropic's decoder does not take (bounds); the shape is the strict one.
				const format = (
					body.output_config as {
						format: { type: string; schema: Schema };
					}
				 ).format;
				assert.equal( format.type, 'json_schema' );
				assert.deepEqual( format.schema.required, [
					'message',
					'course_structure',
					'conversation_state',
				] );
				assert.equal( format.schema.additionalProperties, false );
			}
		);
	} );
} );

describe( 'a provider that rejects the JSON mode is asked once more one level down', () => {
	const { fake, proxy } = useProxy( 'openai-compatible', {
		jsonMode: 'schema',
		cache: CACHE_OFF,
	} );
	beforeEach( () => {
		fake.reply = () => COURSE_TURN_ANSWER;
	} );

	// llama.cpp's server before json_schema support answered like this.
	const REJECTION = {
		kind: 'status',
		status: 400,
		message: "'response_format' of type 'json_schema' is not supported",
	} as const;

	it( 'JSON: 400 naming response_format → json_object on the second call, 200 to the client, counted', async () => {
		fake.enqueue( REJECTION );
		const res = await postJson(
			`${ proxy.url }/v1/tasks/course-turn`,
			COURSE_TURN_REQUEST
		);
		assert.equal( res.status, 200 );
		assert.equal( fake.count, 2 );
		assert.equal(
			( fake.requests[ 0 ]?.body.response_format as { type: string } )
				.type,
			'json_schema'
		);
		assert.deepEqual( fake.requests[ 1 ]?.body.response_format, {
			type: 'json_object',
		} );
		const metrics = await (
			await fetch( `${ proxy.url }/metrics` )
		).text();
		assert.match(
			metrics,
			/mpcc_proxy_json_mode_fallbacks_total\{provider="openai-compatible",from="schema",to="object"\} 1/
		);
	} );

	it( 'streamed: the same fallback before the first byte, the stream completes', async () => {
		fake.enqueue( REJECTION );
		const events = await readSse(
			await postJson( `${ proxy.url }/v1/tasks/course-turn`, {
				...COURSE_TURN_REQUEST,
				stream: true,
			} )
		);
		assert.equal( events.at( -1 )?.event, 'done' );
		assert.equal( fake.count, 2 );
		assert.deepEqual( fake.requests[ 1 ]?.body.response_format, {
			type: 'json_object',
		} );
	} );

	it( 'only once: a second rejection reaches the client as the provider error it is', async () => {
		fake.enqueue( REJECTION, {
			...REJECTION,
			message: "unknown field 'response_format'",
		} );
		const res = await postJson(
			`${ proxy.url }/v1/tasks/course-turn`,
			COURSE_TURN_REQUEST
		);
		assert.equal( res.status, 502 );
		assert.equal( fake.count, 2 );
	} );

	it( 'a 400 about something else is not a JSON-mode problem: no second call', async () => {
		fake.enqueue( {
			kind: 'status',
			status: 400,
			message: 'max_tokens is too large',
		} );
		const res = await postJson(
			`${ proxy.url }/v1/tasks/course-turn`,
			COURSE_TURN_REQUEST
		);
		assert.equal( res.status, 502 );
		assert.equal( fake.count, 1 );
	} );
} );

describe( 'the mode in use is logged at start-up, a fallback as a warning', () => {
	it( 'provider ready names the mode; a rejected mode logs from → to', async () => {
		const lines: Array< Record< string, unknown > > = [];
		const stream = {
			write: ( line: string ) => {
				lines.push( JSON.parse( line ) as Record< string, unknown > );
			},
		};
		const fake = await startFake();
		const app = await buildApp(
			testConfig( 'openai-compatible', fake, { cache: CACHE_OFF } ),
			{ logger: { level: 'info', stream } }
		);
		await app.listen( { host: '127.0.0.1', port: 0 } );
		try {
			const ready = lines.find( ( l ) => l.msg === 'provider ready' );
			assert.equal( ready?.json_mode, 'schema' );
			assert.equal( ready?.json_mode_configured, 'auto' );
			fake.reply = () => COURSE_TURN_ANSWER;
			fake.enqueue( {
				kind: 'status',
				status: 400,
				message:
					"Invalid parameter: 'response_format' is not supported",
			} );
			const { port } = app.server.address() as { port: number };
			const res = await postJson(
				`http://127.0.0.1:${ port }/v1/tasks/course-turn`,
				COURSE_TURN_REQUEST
			);
			assert.equal( res.status, 200 );
			const warning = lines.find( ( l ) => l.level === 40 );
			assert.equal( warning?.from, 'schema' );
			assert.equal( warning?.to, 'object' );
		} finally {
			const closing = app.close();
			app.server.closeAllConnections();
			await closing;
			await fake.stop();
		}
	} );
} );

describe( 'chat completions keep passing a refusal on as the answer', () => {
	it( 'anthropic stop_reason refusal on /v1/chat/completions: 200 with the text, finish_reason content_filter', async () => {
		await withProxy( 'anthropic', {}, async ( { fake, proxy } ) => {
			fake.enqueue( {
				kind: 'replay',
				respond: () => ( {
					status: 200,
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify( {
						id: 'msg_1',
						type: 'message',
						role: 'assistant',
						model: 'test-model',
						content: [
							{ type: 'text', text: 'I can’t help with that.' },
						],
						stop_reason: 'refusal',
						stop_sequence: null,
						usage: { input_tokens: 5, output_tokens: 6 },
					} ),
				} ),
			} );
			const res = await postJson( `${ proxy.url }/v1/chat/completions`, {
				model: 'x',
				messages: [ { role: 'user', content: 'hi' } ],
			} );
			assert.equal( res.status, 200 );
			const body = json< {
				choices: Array< {
					message: { content: string };
					finish_reason: string;
				} >;
			} >( await res.text() );
			assert.equal(
				body.choices[ 0 ]?.message.content,
				'I can’t help with that.'
			);
			assert.equal( body.choices[ 0 ]?.finish_reason, 'content_filter' );
		} );
	} );
} );

describe( 'anthropic: a rejected structured output falls back to the forced JSON-object tool', () => {
	it( '400 naming output_config → second call forces the `json` tool with an open object', async () => {
		await withProxy(
			'anthropic',
			{ model: 'claude-sonnet-4-5' },
			async ( { fake, proxy } ) => {
				fake.reply = () => COURSE_TURN_ANSWER;
				fake.enqueue( {
					kind: 'status',
					status: 400,
					message:
						'output_config.format: structured outputs are not enabled for this organization',
				} );
				const res = await postJson(
					`${ proxy.url }/v1/tasks/course-turn`,
					COURSE_TURN_REQUEST
				);
				assert.equal( res.status, 200 );
				assert.equal( fake.count, 2 );
				assert.ok( fake.requests[ 0 ]?.body.output_config );
				const second = fake.requests[ 1 ]?.body ?? {};
				assert.equal( second.output_config, undefined );
				assert.deepEqual(
					( second.tools as Array< { input_schema: unknown } > )[ 0 ]
						?.input_schema,
					{ type: 'object', additionalProperties: true }
				);
			}
		);
	} );
} );
