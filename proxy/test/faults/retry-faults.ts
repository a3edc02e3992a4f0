import assert from 'node:assert/strict';
import { COURSE_TURN_REQUEST } from '../fixtures';
import { json, postJson } from '../helpers';
import { CHAT, type ErrorBody, type Fault } from './fault-table';

/** Provider statuses, resets and malformed answers: what is retried (count and timing) and what the client gets. */
export const RETRY_FAULTS: Fault[] = [
	{
		name: '429 with retry-after-ms is waited for, then retried once',
		run: async ( { proxy, fake } ) => {
			fake.enqueue( {
				kind: 'status',
				status: 429,
				retryAfterMs: '150',
			} );
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
		},
	},
	{
		name: '429 with Retry-After as an HTTP date is honoured',
		run: async ( { proxy, fake } ) => {
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
		},
	},
	{
		name: '429 asking for longer than the cap is not retried: the client gets 429 with Retry-After',
		run: async ( { proxy, fake } ) => {
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
		},
	},
	{
		name: '429 three times exhausts the retries: 3 calls, then 429',
		run: async ( { proxy, fake } ) => {
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
		},
	},
	...[ 500, 502, 503, 504 ].map( ( status ): Fault => ( {
		name: `${ status } is retried with backoff and succeeds on the next call`,
		run: async ( { proxy, fake } ) => {
			fake.enqueue( { kind: 'status', status } );
			const res = await postJson(
				`${ proxy.url }/v1/tasks/course-turn`,
				COURSE_TURN_REQUEST
			);
			assert.equal( res.status, 200 );
			assert.equal( fake.count, 2 );
		},
	} ) ),
	{
		name: '500 on every attempt: exactly 1 + maxRetries calls, then 502 upstream_error',
		run: async ( { proxy, fake } ) => {
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
		},
	},
	{
		name: '503 on every attempt becomes 503 upstream_unavailable',
		run: async ( { proxy, fake } ) => {
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
		},
	},
	{
		name: '529 overloaded is retried; exhausted it is 503 upstream_unavailable',
		run: async ( { proxy, fake } ) => {
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
		},
	},
	{
		name: 'other 4xx are never retried: 401 → 502 on a task route, 400 → 400 on chat',
		wires: [ 'openai' ],
		run: async ( { proxy, fake } ) => {
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
		},
	},
	{
		name: 'a reset connection is retried',
		run: async ( { proxy, fake } ) => {
			fake.enqueue( { kind: 'reset' } );
			const res = await postJson(
				`${ proxy.url }/v1/chat/completions`,
				CHAT
			);
			assert.equal( res.status, 200 );
			assert.equal( fake.count, 2 );
		},
	},
	{
		name: 'malformed JSON from the provider is a 502, not retried',
		run: async ( { proxy, fake } ) => {
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
		},
	},
];
