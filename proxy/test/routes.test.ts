import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { configFromEnv, defaultConfig } from '../config';
import { buildApp } from '../app';
import {
	COURSE_TURN_REQUEST,
	EDITOR_REQUEST,
	LESSON_REQUEST,
	QUIZ_CONTENT,
} from './fixtures';
import {
	json,
	postJson,
	readSse,
	startApp,
	testConfig,
	type Running,
} from './helpers';

/** The HTTP contract the PHP bridge relies on, served by the demo provider (no upstream needed). */
type ErrorBody = {
	error: {
		type: string;
		code: string;
		message: string;
		retry_after?: number;
	};
};
const TOKEN = 'secret-token-123';
const auth = { authorization: `Bearer ${ TOKEN }` };

describe( 'routes and contract (demo provider, token set)', () => {
	let proxy: Running;
	before( async () => {
		proxy = await startApp(
			testConfig( 'demo', undefined, {
				token: TOKEN,
				bodyLimitBytes: 64 * 1024,
				rateLimit: { max: 5, windowMs: 60_000 },
			} )
		);
	} );
	after( () => proxy.close() );

	it( 'GET /healthz needs no auth and names the provider', async () => {
		const res = await fetch( `${ proxy.url }/healthz` );
		assert.equal( res.status, 200 );
		assert.deepEqual( await res.json(), {
			status: 'ok',
			provider: 'demo',
			model: 'demo',
			demo: true,
			// The demo asks no model for JSON.
			json_mode: null,
		} );
	} );

	it( 'every other route needs the bearer token: 401 OpenAI-shaped', async () => {
		for ( const [ method, path ] of [
			[ 'GET', '/metrics' ],
			[ 'POST', '/v1/chat/completions' ],
			[ 'POST', '/v1/tasks/quiz' ],
		] as const ) {
			const res = await fetch( `${ proxy.url }${ path }`, {
				method,
				headers: {
					authorization: 'Bearer wrong',
					'content-type': 'application/json',
				},
				body: method === 'POST' ? '{}' : undefined,
			} );
			assert.equal( res.status, 401, path );
			const body = json< ErrorBody >( await res.text() );
			assert.deepEqual( Object.keys( body.error ).sort(), [
				'code',
				'message',
				'type',
			] );
			assert.equal( body.error.code, 'unauthorized' );
		}
		const missing = await postJson( `${ proxy.url }/v1/tasks/quiz`, {} );
		assert.equal( missing.status, 401 );
	} );

	it( 'invalid bodies are 400 invalid_request; unknown routes 404; request ids are echoed or made', async () => {
		const res = await postJson(
			`${ proxy.url }/v1/tasks/course-turn`,
			{ message: '' },
			{
				...auth,
				'x-mpcc-site': 'a',
				'x-mpcc-user': 'validation',
				'x-request-id': 'abc-123',
			}
		);
		assert.equal( res.status, 400 );
		assert.equal(
			json< ErrorBody >( await res.text() ).error.code,
			'invalid_request'
		);
		assert.equal( res.headers.get( 'x-request-id' ), 'abc-123' );
		const notJson = await fetch( `${ proxy.url }/v1/tasks/quiz`, {
			method: 'POST',
			headers: {
				...auth,
				'content-type': 'application/json',
				'x-mpcc-user': 'validation',
			},
			body: '{nope',
		} );
		assert.equal( notJson.status, 400 );
		const lost = await fetch( `${ proxy.url }/v1/nothing`, {
			headers: auth,
		} );
		assert.equal( lost.status, 404 );
		const bad = await fetch( `${ proxy.url }/healthz`, {
			headers: { 'x-request-id': 'bad id with spaces' },
		} );
		assert.match(
			bad.headers.get( 'x-request-id' ) ?? '',
			/^[0-9a-f-]{36}$/
		);
	} );

	it( 'a body over the limit is 413 payload_too_large', async () => {
		const res = await postJson(
			`${ proxy.url }/v1/tasks/quiz`,
			{ content: 'x'.repeat( 70 * 1024 ), options: {} },
			{ ...auth, 'x-mpcc-user': 'big' }
		);
		assert.equal( res.status, 413 );
		assert.equal(
			json< ErrorBody >( await res.text() ).error.code,
			'payload_too_large'
		);
	} );

	it( 'rate limit per site and user: 429 with Retry-After and retry_after; other users unaffected', async () => {
		const headers = {
			...auth,
			'x-mpcc-site': 'site-1',
			'x-mpcc-user': '42',
		};
		for ( let i = 0; i < 5; i++ ) {
			assert.equal(
				(
					await postJson(
						`${ proxy.url }/v1/tasks/course-turn`,
						COURSE_TURN_REQUEST,
						headers
					)
				).status,
				200
			);
		}
		const limited = await postJson(
			`${ proxy.url }/v1/tasks/course-turn`,
			COURSE_TURN_REQUEST,
			headers
		);
		assert.equal( limited.status, 429 );
		const retryAfter = Number( limited.headers.get( 'retry-after' ) );
		assert.ok( retryAfter >= 1 && retryAfter <= 60 );
		const body = json< ErrorBody >( await limited.text() );
		assert.equal( body.error.code, 'rate_limited' );
		assert.equal( body.error.retry_after, retryAfter );
		const other = await postJson(
			`${ proxy.url }/v1/tasks/course-turn`,
			COURSE_TURN_REQUEST,
			{ ...headers, 'x-mpcc-user': '43' }
		);
		assert.equal( other.status, 200 );
		assert.equal( ( await fetch( `${ proxy.url }/healthz` ) ).status, 200 );
	} );

	it( 'every task route answers with demo: true, JSON and SSE (delta…, structured event, done = JSON body)', async () => {
		const cases = [
			{
				path: 'course-turn',
				body: COURSE_TURN_REQUEST,
				event: 'structure',
			},
			{ path: 'lesson-content', body: LESSON_REQUEST, event: 'content' },
			{
				path: 'editor-assist',
				body: EDITOR_REQUEST,
				event: 'suggestions',
			},
			{
				path: 'quiz',
				body: {
					content: QUIZ_CONTENT,
					options: {
						type: 'true_false',
						count: 3,
						difficulty: 'easy',
					},
				},
				event: 'questions',
			},
		];
		for ( const [ i, c ] of cases.entries() ) {
			const headers = { ...auth, 'x-mpcc-user': `sse-${ i }` };
			const plain = json(
				await (
					await postJson(
						`${ proxy.url }/v1/tasks/${ c.path }`,
						c.body,
						headers
					)
				).text()
			);
			assert.equal( plain.demo, true, c.path );
			const res = await postJson(
				`${ proxy.url }/v1/tasks/${ c.path }`,
				{ ...c.body, stream: true },
				headers
			);
			assert.match(
				res.headers.get( 'content-type' ) ?? '',
				/^text\/event-stream/
			);
			const events = await readSse( res );
			const names = events.map( ( e ) => e.event );
			assert.equal( names[ 0 ], 'delta', c.path );
			assert.equal( names.at( -1 ), 'done', c.path );
			assert.ok(
				names.includes( c.event ),
				`${ c.path } has ${ c.event }`
			);
			const firstStructured = names.indexOf( c.event );
			assert.ok(
				names
					.slice( 0, firstStructured )
					.every( ( n ) => n === 'delta' ),
				'deltas come first'
			);
			if ( c.path !== 'quiz' ) {
				assert.ok(
					names.filter( ( n ) => n === 'delta' ).length >= 2,
					`${ c.path } streams several deltas`
				);
			}
			assert.deepEqual(
				json( events.at( -1 )?.data ?? '{}' ),
				plain,
				`${ c.path }: done equals the JSON answer`
			);
		}
	} );

	it( 'GET /metrics is Prometheus text with requests, latency, cache and rate-limit series', async () => {
		const res = await fetch( `${ proxy.url }/metrics`, { headers: auth } );
		assert.equal( res.status, 200 );
		assert.match( res.headers.get( 'content-type' ) ?? '', /text\/plain/ );
		const text = await res.text();
		assert.match( text, /# TYPE mpcc_proxy_requests_total counter/ );
		assert.match(
			text,
			/mpcc_proxy_requests_total\{route="\/v1\/tasks\/course-turn",status="200"\} \d+/
		);
		assert.match(
			text,
			/mpcc_proxy_request_duration_seconds_bucket\{route="\/v1\/tasks\/course-turn",le="0.005"\} \d+/
		);
		assert.match( text, /mpcc_proxy_rate_limited_total [1-9]/ );
	} );
} );

describe( 'configuration safety', () => {
	it( 'refuses to listen beyond loopback without a token', async () => {
		assert.throws(
			() => configFromEnv( { MPCC_PROXY_HOST: '0.0.0.0' } ),
			/Refusing to listen/
		);
		await assert.rejects(
			buildApp( defaultConfig( { host: '0.0.0.0' } ), { logger: false } ),
			/Refusing to listen/
		);
		assert.doesNotThrow( () =>
			configFromEnv( {
				MPCC_PROXY_HOST: '0.0.0.0',
				MPCC_PROXY_TOKEN: 't',
			} )
		);
	} );

	it( 'reads the documented environment, defaulting to the demo provider on 8787 with a 60 s deadline', () => {
		const config = configFromEnv( {} );
		assert.equal( config.provider, 'demo' );
		assert.equal( config.port, 8787 );
		assert.equal( config.host, '127.0.0.1' );
		assert.equal( config.deadlines.totalMs, 60_000 );
		const openai = configFromEnv( {
			MPCC_LLM_PROVIDER: 'openai',
			OPENAI_API_KEY: 'sk-1',
			MPCC_LLM_MODEL: 'gpt-x',
			MPCC_PROXY_PORT: '9999',
			MPCC_DEADLINE_TOTAL_MS: '5000',
		} );
		assert.equal( openai.apiKey, 'sk-1' );
		assert.equal( openai.model, 'gpt-x' );
		assert.equal( openai.baseUrl, 'https://api.openai.com/v1' );
		assert.equal( openai.port, 9999 );
		assert.equal( openai.deadlines.totalMs, 5000 );
		assert.equal(
			configFromEnv( {
				MPCC_LLM_PROVIDER: 'anthropic',
				ANTHROPIC_API_KEY: 'ak',
			} ).apiKey,
			'ak'
		);
		assert.equal(
			configFromEnv( {
				MPCC_LLM_PROVIDER: 'openai-compatible',
				MPCC_LLM_BASE_URL: 'http://127.0.0.1:1234/v1/',
			} ).baseUrl,
			'http://127.0.0.1:1234/v1'
		);
		assert.throws(
			() => configFromEnv( { MPCC_LLM_PROVIDER: 'gemini' } ),
			/MPCC_LLM_PROVIDER/
		);
		assert.throws(
			() => configFromEnv( { MPCC_DEADLINE_TOTAL_MS: '95000' } ),
			/90 s/
		);
	} );
} );
