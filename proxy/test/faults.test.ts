import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { FakeUpstream } from './fake-upstream/fake-upstream';
import { COURSE_TURN_ANSWER, COURSE_TURN_REQUEST } from './fixtures';
import {
	json,
	postJson,
	readSse,
	startApp,
	startFake,
	testConfig,
	type Running,
} from './helpers';

/**
 * Provider faults: retries (count and timing), statuses, deadlines and cancellation. Deadlines are
 * small (first byte 400 ms, idle 300 ms, total 3 s) and checked against "deadline + 100 ms".
 */
const FIRST_BYTE_MS = 400;
const IDLE_MS = 300;
const CHAT = { model: 'm', messages: [ { role: 'user', content: 'hello' } ] };
const LONG_MESSAGE = 'word '.repeat( 200 ).trim();

type ErrorBody = {
	error: {
		type: string;
		code: string;
		message: string;
		retry_after?: number;
	};
};

async function until(
	condition: () => boolean,
	timeoutMs = 2_000
): Promise< void > {
	const start = Date.now();
	while ( ! condition() ) {
		if ( Date.now() - start > timeoutMs ) {
			throw new Error( 'condition not met in time' );
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 10 ) );
	}
}

describe( 'faults (openai wire)', () => {
	let fake: FakeUpstream;
	let proxy: Running;
	before( async () => {
		fake = await startFake();
		proxy = await startApp(
			testConfig( 'openai', fake, {
				cache: { enabled: false, ttlMs: 1000, maxEntries: 10 },
			} )
		);
	} );
	after( async () => {
		await proxy.close();
		await fake.stop();
	} );
	beforeEach( () => {
		fake.reset();
		fake.reply = () => COURSE_TURN_ANSWER;
	} );

	it( '429 with retry-after-ms is waited for, then retried once', async () => {
		fake.enqueue( { kind: 'status', status: 429, retryAfterMs: '150' } );
		const start = Date.now();
		const res = await postJson(
			`${ proxy.url }/v1/tasks/course-turn`,
			COURSE_TURN_REQUEST
		);
		assert.equal( res.status, 200 );
		assert.equal( fake.count, 2 );
		const gap =
			( fake.requests[ 1 ]?.receivedAt ?? 0 ) -
			( fake.requests[ 0 ]?.receivedAt ?? 0 );
		assert.ok( gap >= 140, `waited ${ gap } ms` );
		assert.ok( Date.now() - start < 2_000 );
	} );

	it( '429 with Retry-After as an HTTP date is honoured', async () => {
		const when = new Date( Date.now() + 1_500 ).toUTCString();
		fake.enqueue( { kind: 'status', status: 429, retryAfter: when } );
		const res = await postJson(
			`${ proxy.url }/v1/chat/completions`,
			CHAT
		);
		assert.equal( res.status, 200 );
		assert.equal( fake.count, 2 );
		const gap =
			( fake.requests[ 1 ]?.receivedAt ?? 0 ) -
			( fake.requests[ 0 ]?.receivedAt ?? 0 );
		// HTTP dates have one-second resolution: the wait is between 0.5 and 1.5 s.
		assert.ok( gap >= 450 && gap <= 1_700, `waited ${ gap } ms` );
	} );

	it( '429 asking for longer than the cap is not retried: the client gets 429 with Retry-After', async () => {
		fake.enqueue( { kind: 'status', status: 429, retryAfter: '30' } );
		const res = await postJson(
			`${ proxy.url }/v1/tasks/course-turn`,
			COURSE_TURN_REQUEST
		);
		assert.equal( res.status, 429 );
		assert.equal( res.headers.get( 'retry-after' ), '30' );
		const body = json< ErrorBody >( await res.text() );
		assert.equal( body.error.code, 'rate_limited' );
		assert.equal( body.error.retry_after, 30 );
		assert.equal( fake.count, 1 );
	} );

	it( '429 three times exhausts the retries: 3 calls, then 429', async () => {
		fake.enqueue(
			...Array.from(
				{ length: 3 },
				() =>
					( {
						kind: 'status',
						status: 429,
						retryAfterMs: '5',
					} ) as const
			)
		);
		const res = await postJson(
			`${ proxy.url }/v1/chat/completions`,
			CHAT
		);
		assert.equal( res.status, 429 );
		assert.equal( fake.count, 3 );
	} );

	for ( const status of [ 500, 502, 503, 504 ] ) {
		it( `${ status } is retried with backoff and succeeds on the next call`, async () => {
			fake.enqueue( { kind: 'status', status } );
			const res = await postJson(
				`${ proxy.url }/v1/tasks/course-turn`,
				COURSE_TURN_REQUEST
			);
			assert.equal( res.status, 200 );
			assert.equal( fake.count, 2 );
		} );
	}

	it( '500 on every attempt: exactly 1 + maxRetries calls, then 502 upstream_error', async () => {
		fake.enqueue(
			...Array.from(
				{ length: 5 },
				() => ( { kind: 'status', status: 500 } ) as const
			)
		);
		const res = await postJson(
			`${ proxy.url }/v1/tasks/course-turn`,
			COURSE_TURN_REQUEST
		);
		assert.equal( res.status, 502 );
		assert.equal(
			json< ErrorBody >( await res.text() ).error.code,
			'upstream_error'
		);
		assert.equal( fake.count, 3 );
	} );

	it( '503 on every attempt becomes 503 upstream_unavailable', async () => {
		fake.enqueue(
			...Array.from(
				{ length: 3 },
				() => ( { kind: 'status', status: 503 } ) as const
			)
		);
		const res = await postJson(
			`${ proxy.url }/v1/chat/completions`,
			CHAT
		);
		assert.equal( res.status, 503 );
		assert.equal(
			json< ErrorBody >( await res.text() ).error.code,
			'upstream_unavailable'
		);
	} );

	it( 'other 4xx are never retried: 401 → 502 on a task route, 400 → 400 on chat', async () => {
		fake.enqueue( { kind: 'status', status: 401, message: 'bad key' } );
		const task = await postJson(
			`${ proxy.url }/v1/tasks/course-turn`,
			COURSE_TURN_REQUEST
		);
		assert.equal( task.status, 502 );
		assert.equal( fake.count, 1 );
		fake.enqueue( {
			kind: 'status',
			status: 400,
			message: 'temperature too high',
		} );
		const chat = await postJson(
			`${ proxy.url }/v1/chat/completions`,
			CHAT
		);
		assert.equal( chat.status, 400 );
		assert.match(
			json< ErrorBody >( await chat.text() ).error.message,
			/temperature too high/
		);
		assert.equal( fake.count, 2 );
	} );

	it( 'a reset connection is retried', async () => {
		fake.enqueue( { kind: 'reset' } );
		const res = await postJson(
			`${ proxy.url }/v1/chat/completions`,
			CHAT
		);
		assert.equal( res.status, 200 );
		assert.equal( fake.count, 2 );
	} );

	it( 'stall before headers: 504 within the first-byte deadline + 100 ms, not retried, upstream socket closed', async () => {
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
	} );

	it( 'stall after the first chunk (stream): deltas, then an error event within the idle deadline + 100 ms', async () => {
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
	} );

	it( 'stall after the first bytes (JSON): 504 within the idle deadline + 100 ms', async () => {
		fake.enqueue( { kind: 'stall-after-first-chunk' } );
		const start = performance.now();
		const res = await postJson(
			`${ proxy.url }/v1/chat/completions`,
			CHAT
		);
		const elapsed = performance.now() - start;
		assert.equal( res.status, 504 );
		assert.ok( elapsed < IDLE_MS + 100, `took ${ elapsed } ms` );
	} );

	it( 'a slow but steady drip is not a stall, even when it lasts longer than the idle deadline', async () => {
		fake.enqueue( { kind: 'slow-drip', intervalMs: 120 } );
		fake.chunkSize = 40;
		const start = performance.now();
		const events = await readSse(
			await postJson( `${ proxy.url }/v1/tasks/course-turn`, {
				...COURSE_TURN_REQUEST,
				stream: true,
			} )
		);
		assert.ok( performance.now() - start > IDLE_MS );
		assert.equal( events.at( -1 )?.event, 'done' );
	} );

	it( 'the total deadline ends a drip that never finishes', async () => {
		const short = await startApp(
			testConfig( 'openai', fake, {
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
			const events = await readSse(
				await postJson( `${ short.url }/v1/tasks/course-turn`, {
					...COURSE_TURN_REQUEST,
					stream: true,
				} )
			);
			const elapsed = performance.now() - start;
			assert.equal( events.at( -1 )?.event, 'error' );
			assert.equal(
				json< ErrorBody >( events.at( -1 )?.data ?? '{}' ).error.code,
				'upstream_timeout'
			);
			assert.ok(
				elapsed >= 695 && elapsed < 700 + 100,
				`took ${ elapsed } ms`
			);
		} finally {
			await short.close();
		}
	} );

	it( 'malformed JSON from the provider is a 502, not retried', async () => {
		fake.enqueue( { kind: 'malformed-json' } );
		const res = await postJson(
			`${ proxy.url }/v1/chat/completions`,
			CHAT
		);
		assert.equal( res.status, 502 );
		assert.equal( fake.count, 1 );
		fake.enqueue( { kind: 'malformed-json' } );
		const task = await postJson(
			`${ proxy.url }/v1/tasks/course-turn`,
			COURSE_TURN_REQUEST
		);
		assert.equal( task.status, 502 );
		assert.equal( fake.count, 2 );
	} );

	it( 'an error mid-stream is forwarded on chat (no [DONE]) and becomes an error event on tasks; never retried', async () => {
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
		const task = await readSse(
			await postJson( `${ proxy.url }/v1/tasks/course-turn`, {
				...COURSE_TURN_REQUEST,
				stream: true,
			} )
		);
		assert.equal( task.at( -1 )?.event, 'error' );
		assert.equal(
			json< ErrorBody >( task.at( -1 )?.data ?? '{}' ).error.code,
			'upstream_error'
		);
		assert.equal( fake.count, 2 );
	} );

	it( 'invalid model output is repaired when it can be (fences, trailing comma): one call', async () => {
		fake.reply = () =>
			'Sure! ```json\n{"message":"ok","course_structure":null,"conversation_state":"initial",}\n```';
		const res = await postJson(
			`${ proxy.url }/v1/tasks/course-turn`,
			COURSE_TURN_REQUEST
		);
		assert.equal( res.status, 200 );
		assert.equal( json( await res.text() ).message, 'ok' );
		assert.equal( fake.count, 1 );
	} );

	it( 'schema-invalid model output is re-asked once; twice invalid is 502 invalid_model_output', async () => {
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
		assert.match( JSON.stringify( reask.at( -1 ) ), /could not be used/ );
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
	} );

	it( 'a client that disconnects cancels the upstream call (stream and not)', async () => {
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
			body: JSON.stringify( { ...COURSE_TURN_REQUEST, stream: true } ),
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
	} );
} );

describe( 'faults (anthropic wire)', () => {
	let fake: FakeUpstream;
	let proxy: Running;
	before( async () => {
		fake = await startFake();
		proxy = await startApp(
			testConfig( 'anthropic', fake, {
				cache: { enabled: false, ttlMs: 1000, maxEntries: 10 },
			} )
		);
	} );
	after( async () => {
		await proxy.close();
		await fake.stop();
	} );
	beforeEach( () => {
		fake.reset();
		fake.reply = () => COURSE_TURN_ANSWER;
	} );

	it( '529 overloaded is retried; exhausted it is 503 upstream_unavailable', async () => {
		fake.enqueue( { kind: 'status', status: 529 } );
		assert.equal(
			(
				await postJson(
					`${ proxy.url }/v1/tasks/course-turn`,
					COURSE_TURN_REQUEST
				)
			).status,
			200
		);
		assert.equal( fake.count, 2 );
		fake.reset();
		fake.enqueue(
			...Array.from(
				{ length: 3 },
				() => ( { kind: 'status', status: 529 } ) as const
			)
		);
		const res = await postJson(
			`${ proxy.url }/v1/tasks/course-turn`,
			COURSE_TURN_REQUEST
		);
		assert.equal( res.status, 503 );
		assert.equal( fake.count, 3 );
	} );

	it( 'an Anthropic error event mid-stream becomes an SSE error event', async () => {
		fake.enqueue( { kind: 'error-mid-stream' } );
		const events = await readSse(
			await postJson( `${ proxy.url }/v1/tasks/course-turn`, {
				...COURSE_TURN_REQUEST,
				stream: true,
			} )
		);
		assert.equal( events.at( -1 )?.event, 'error' );
		assert.equal( fake.count, 1 );
	} );

	it( 'stall before headers: 504 within deadline + 100 ms', async () => {
		fake.enqueue( { kind: 'stall-before-headers' } );
		const start = performance.now();
		const res = await postJson(
			`${ proxy.url }/v1/chat/completions`,
			CHAT
		);
		const elapsed = performance.now() - start;
		assert.equal( res.status, 504 );
		assert.ok( elapsed < FIRST_BYTE_MS + 100, `took ${ elapsed } ms` );
	} );
} );
