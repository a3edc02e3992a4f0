import assert from 'node:assert/strict';
import { COURSE_TURN_ANSWER, COURSE_TURN_REQUEST } from '../fixtures';
import { json, postJson, readSse, startApp, testConfig } from '../helpers';
import {
	CHAT,
	FIRST_BYTE_MS,
	IDLE_MS,
	LONG_MESSAGE,
	until,
	type ErrorBody,
	type Fault,
} from './fault-table';

/** A streamed course turn at `url`: its SSE events. */
async function streamCourseTurn( url: string ) {
	return readSse(
		await postJson( `${ url }/v1/tasks/course-turn`, {
			...COURSE_TURN_REQUEST,
			stream: true,
		} )
	);
}

/** A non-streamed chat completion through `proxyUrl`: its status and how long it took. */
async function timedChat( proxyUrl: string ) {
	const start = performance.now();
	const res = await postJson( `${ proxyUrl }/v1/chat/completions`, CHAT );
	return { status: res.status, elapsed: performance.now() - start };
}

/** Deadlines (first byte, idle, total), errors mid-stream, invalid model output and cancellation. */
export const STREAM_FAULTS: Fault[] = [
	{
		name: 'stall before headers: 504 within the first-byte deadline + 100 ms, not retried, upstream socket closed',
		run: async ( { proxy, fake } ) => {
			fake.enqueue( { kind: 'stall-before-headers' } );
			const start = performance.now();
			const res = await postJson(
				`${ proxy.url }/v1/tasks/course-turn`,
				COURSE_TURN_REQUEST
			);
			const elapsed = performance.now() - start;
			assert.equal( res.status, 504 );
			assert.equal(
				json< ErrorBody >( await res.text() ).error.code,
				'upstream_timeout'
			);
			assert.ok(
				elapsed >= FIRST_BYTE_MS - 5 && elapsed < FIRST_BYTE_MS + 100,
				`took ${ elapsed } ms`
			);
			assert.equal( fake.count, 1 );
			await until( () => fake.requests[ 0 ]?.aborted === true );
		},
	},
	{
		name: 'stall after the first chunk (stream): deltas, then an error event within the idle deadline + 100 ms',
		wires: [ 'openai' ],
		run: async ( { proxy, fake } ) => {
			fake.enqueue( { kind: 'stall-after-first-chunk' } );
			fake.chunkSize = 30;
			const start = performance.now();
			const res = await postJson( `${ proxy.url }/v1/tasks/course-turn`, {
				...COURSE_TURN_REQUEST,
				stream: true,
			} );
			assert.equal( res.status, 200 );
			const events = await readSse( res );
			const elapsed = performance.now() - start;
			assert.equal( events.at( -1 )?.event, 'error' );
			assert.equal(
				json< ErrorBody >( events.at( -1 )?.data ?? '{}' ).error.code,
				'upstream_timeout'
			);
			assert.ok( ! events.some( ( e ) => e.event === 'done' ) );
			assert.ok( elapsed < IDLE_MS + 100, `took ${ elapsed } ms` );
			assert.equal(
				fake.count,
				1,
				'never retried after bytes reached the client'
			);
		},
	},
	{
		name: 'stall after the first bytes (JSON): 504 within the idle deadline + 100 ms',
		run: async ( { proxy, fake } ) => {
			fake.enqueue( { kind: 'stall-after-first-chunk' } );
			const { status, elapsed } = await timedChat( proxy.url );
			assert.equal( status, 504 );
			assert.ok( elapsed < IDLE_MS + 100, `took ${ elapsed } ms` );
		},
	},
	{
		name: 'a slow but steady drip is not a stall, even when it lasts longer than the idle deadline',
		run: async ( { proxy, fake } ) => {
			fake.enqueue( { kind: 'slow-drip', intervalMs: 120 } );
			fake.chunkSize = 40;
			const start = performance.now();
			const events = await streamCourseTurn( proxy.url );
			assert.ok( performance.now() - start > IDLE_MS );
			assert.equal( events.at( -1 )?.event, 'done' );
		},
	},
	{
		name: 'the total deadline ends a drip that never finishes',
		run: async ( { wire, fake } ) => {
			const short = await startApp(
				testConfig( wire, fake, {
					deadlines: {
						connectMs: 500,
						firstByteMs: 400,
						idleMs: 300,
						totalMs: 700,
					},
				} )
			);
			try {
				fake.enqueue( {
					kind: 'slow-drip',
					intervalMs: 100,
					text: JSON.stringify( {
						message: LONG_MESSAGE,
						course_structure: null,
						conversation_state: 'initial',
					} ),
				} );
				fake.chunkSize = 10;
				const start = performance.now();
				const events = await streamCourseTurn( short.url );
				const elapsed = performance.now() - start;
				assert.equal( events.at( -1 )?.event, 'error' );
				assert.equal(
					json< ErrorBody >( events.at( -1 )?.data ?? '{}' ).error
						.code,
					'upstream_timeout'
				);
				assert.ok(
					elapsed >= 695 && elapsed < 700 + 100,
					`took ${ elapsed } ms`
				);
			} finally {
				await short.close();
			}
		},
	},
	{
		name: 'an error mid-stream is forwarded on chat (no [DONE]) and becomes an error event on tasks; never retried',
		wires: [ 'openai' ],
		run: async ( { proxy, fake } ) => {
			fake.enqueue( { kind: 'error-mid-stream' } );
			const chat = await readSse(
				await postJson( `${ proxy.url }/v1/chat/completions`, {
					...CHAT,
					stream: true,
				} )
			);
			assert.ok( chat.at( -1 )?.data.includes( '"error"' ) );
			assert.ok( ! chat.some( ( e ) => e.data === '[DONE]' ) );
			assert.equal(
				chat.filter( ( e ) => e.data.includes( '"error"' ) ).length,
				1
			);
			fake.enqueue( { kind: 'error-mid-stream' } );
			const task = await streamCourseTurn( proxy.url );
			assert.equal( task.at( -1 )?.event, 'error' );
			assert.equal(
				json< ErrorBody >( task.at( -1 )?.data ?? '{}' ).error.code,
				'upstream_error'
			);
			assert.equal( fake.count, 2 );
		},
	},
	{
		name: 'an Anthropic error event mid-stream (overloaded_error) ends a task stream with an error event',
		wires: [ 'anthropic' ],
		run: async ( { proxy, fake } ) => {
			fake.enqueue( { kind: 'error-mid-stream' } );
			const events = await streamCourseTurn( proxy.url );
			assert.equal( events.at( -1 )?.event, 'error' );
			assert.equal( fake.count, 1 );
		},
	},
	{
		name: 'stall before headers on chat completions: 504 within the first-byte deadline + 100 ms',
		run: async ( { proxy, fake } ) => {
			fake.enqueue( { kind: 'stall-before-headers' } );
			const { status, elapsed } = await timedChat( proxy.url );
			assert.equal( status, 504 );
			assert.ok( elapsed < FIRST_BYTE_MS + 100, `took ${ elapsed } ms` );
		},
	},
	{
		name: 'invalid model output is repaired when it can be (fences, trailing comma): one call',
		run: async ( { proxy, fake } ) => {
			fake.reply = () =>
				'Sure! ```json\n{"message":"ok","course_structure":null,"conversation_state":"initial",}\n```';
			const res = await postJson(
				`${ proxy.url }/v1/tasks/course-turn`,
				COURSE_TURN_REQUEST
			);
			assert.equal( res.status, 200 );
			assert.equal( json( await res.text() ).message, 'ok' );
			assert.equal( fake.count, 1 );
		},
	},
	{
		name: 'schema-invalid model output is re-asked once; twice invalid is 502 invalid_model_output',
		run: async ( { proxy, fake } ) => {
			let calls = 0;
			fake.reply = () =>
				++calls === 1 ? '{"message": 42}' : COURSE_TURN_ANSWER;
			const fixed = await postJson(
				`${ proxy.url }/v1/tasks/course-turn`,
				COURSE_TURN_REQUEST
			);
			assert.equal( fixed.status, 200 );
			assert.equal( fake.count, 2 );
			const reask = fake.requests[ 1 ]?.body.messages as Array< {
				role: string;
				content: unknown;
			} >;
			assert.match(
				JSON.stringify( reask.at( -1 ) ),
				/could not be used/
			);
			fake.reset();
			fake.reply = () => 'I cannot do that.';
			const broken = await postJson(
				`${ proxy.url }/v1/tasks/course-turn`,
				COURSE_TURN_REQUEST
			);
			assert.equal( broken.status, 502 );
			assert.equal(
				json< ErrorBody >( await broken.text() ).error.code,
				'invalid_model_output'
			);
			assert.equal( fake.count, 2 );
		},
	},
	{
		name: 'a client that disconnects cancels the upstream call (stream and not)',
		run: async ( { proxy, fake } ) => {
			fake.enqueue( {
				kind: 'slow-drip',
				intervalMs: 50,
				text: JSON.stringify( {
					message: LONG_MESSAGE,
					course_structure: null,
					conversation_state: 'initial',
				} ),
			} );
			fake.chunkSize = 5;
			const controller = new AbortController();
			const res = await fetch( `${ proxy.url }/v1/tasks/course-turn`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify( {
					...COURSE_TURN_REQUEST,
					stream: true,
				} ),
				signal: controller.signal,
			} );
			const reader = res.body?.getReader();
			await reader?.read();
			controller.abort();
			await until( () => fake.requests[ 0 ]?.aborted === true, 1_000 );

			fake.enqueue( { kind: 'stall-before-headers' } );
			const second = new AbortController();
			const pending = fetch( `${ proxy.url }/v1/chat/completions`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify( CHAT ),
				signal: second.signal,
			} ).catch( () => undefined );
			await until( () => fake.count === 2 );
			second.abort();
			await pending;
			await until( () => fake.requests[ 1 ]?.aborted === true, 1_000 );
		},
	},
];
