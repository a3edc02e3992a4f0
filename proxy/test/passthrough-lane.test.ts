import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, it } from 'node:test';
import { CACHE_OFF, useProxy } from './use-proxy';
import { COURSE_TURN_ANSWER, COURSE_TURN_REQUEST } from './fixtures';
import type { ProxyApp } from '../app';
import { json, postJson } from './helpers';

/**
 * POST /v1/chat/completions is served by the pass-through lane (passthrough/), in front of fastify.
 * Over the socket a request reaches the lane; `app.inject()` goes straight into fastify's own route
 * for the same path. Whatever the input, the two doors must answer alike, and the lane must keep
 * every shared concern: one rate-limit budget with the fastify routes, the route metrics, and the
 * provider's stream as it was sent.
 */
const TOKEN = 'lane-token';
const auth = { authorization: `Bearer ${ TOKEN }` };
const CHAT = { messages: [ { role: 'user', content: 'hello lane' } ] };
const LIMIT = 2048;

interface Answer {
	status: number;
	code?: string;
	message?: string;
	retryAfter?: string;
	requestId?: string;
}

/** One raw request both ways: over HTTP (the lane) and by inject (fastify's route). */
async function bothDoors(
	proxy: { url: string; app?: ProxyApp },
	headers: Record< string, string >,
	payload: string
): Promise< { lane: Answer; fastify: Answer } > {
	const res = await fetch( `${ proxy.url }/v1/chat/completions`, {
		method: 'POST',
		headers,
		body: payload,
	} );
	const laneText = await res.text();
	const injected = await proxy.app!.inject( {
		method: 'POST',
		url: '/v1/chat/completions',
		headers,
		payload,
	} );
	const read = (
		status: number,
		text: string,
		header: ( name: string ) => string | undefined
	): Answer => {
		const body =
			status >= 400 && text
				? json< { error: { code: string; message: string } } >( text )
				: undefined;
		return {
			status,
			code: body?.error.code,
			message: body?.error.message,
			retryAfter: header( 'retry-after' ),
			requestId: header( 'x-request-id' ),
		};
	};
	return {
		lane: read(
			res.status,
			laneText,
			( n ) => res.headers.get( n ) ?? undefined
		),
		fastify: read( injected.statusCode, injected.body, ( n ) => {
			const value = injected.headers[ n ];
			return value === undefined ? undefined : String( value );
		} ),
	};
}

describe( 'pass-through lane (openai wire, token set)', () => {
	const { fake, proxy } = useProxy( 'openai', {
		token: TOKEN,
		bodyLimitBytes: LIMIT,
		cache: CACHE_OFF,
	} );

	const json200 = { ...auth, 'content-type': 'application/json' };
	const cases: Array< [ string, Record< string, string >, string ] > = [
		[
			'no token',
			{ 'content-type': 'application/json' },
			JSON.stringify( CHAT ),
		],
		[
			'a wrong token',
			{ ...json200, authorization: 'Bearer nope' },
			JSON.stringify( CHAT ),
		],
		[ 'a body that is not JSON', json200, '{"messages": [' ],
		[ 'an empty body', json200, '' ],
		[
			'a __proto__ key',
			json200,
			'{"__proto__":{"admin":true},"messages":[{"role":"user","content":"x"}]}',
		],
		[
			'a constructor.prototype key',
			json200,
			'{"constructor":{"prototype":{"admin":true}},"messages":[{"role":"user","content":"x"}]}',
		],
		[ 'no messages', json200, '{"model":"x"}' ],
		[
			'a temperature out of range',
			json200,
			JSON.stringify( { ...CHAT, temperature: 7 } ),
		],
		[
			'a body over the limit',
			json200,
			JSON.stringify( {
				messages: [ { role: 'user', content: 'x'.repeat( LIMIT ) } ],
			} ),
		],
		[
			'a charset in the content type',
			{ ...auth, 'content-type': 'application/json; charset=utf-8' },
			'{"model":"x"}',
		],
	];
	for ( const [ name, headers, payload ] of cases ) {
		it( `answers ${ name } as fastify's route does`, async () => {
			const { lane, fastify } = await bothDoors(
				proxy,
				headers,
				payload
			);
			assert.ok( lane.status >= 400, `lane answered ${ lane.status }` );
			assert.deepEqual(
				{ ...lane, requestId: undefined },
				{ ...fastify, requestId: undefined }
			);
			assert.match( lane.requestId ?? '', /^[\w.:-]+$/ );
			assert.equal( fake.count, 0, 'nothing reached the provider' );
		} );
	}

	it( 'a valid request is answered the same through both doors, with the caller’s request id', async () => {
		fake.reply = () => 'Same answer both ways.';
		const headers = { ...json200, 'x-request-id': 'lane-check-1' };
		const res = await fetch( `${ proxy.url }/v1/chat/completions`, {
			method: 'POST',
			headers,
			body: JSON.stringify( CHAT ),
		} );
		assert.equal( res.status, 200 );
		assert.equal( res.headers.get( 'x-request-id' ), 'lane-check-1' );
		assert.equal( res.headers.get( 'x-mpcc-cache' ), 'miss' );
		const viaLane = json< {
			choices: Array< { message: { content: string } } >;
		} >( await res.text() );
		const injected = await proxy.app!.inject( {
			method: 'POST',
			url: '/v1/chat/completions',
			headers,
			payload: JSON.stringify( CHAT ),
		} );
		assert.equal( injected.statusCode, 200 );
		assert.deepEqual(
			json( injected.body ),
			viaLane,
			'the same upstream answer, passed through unchanged'
		);
		assert.equal(
			viaLane.choices[ 0 ]?.message.content,
			'Same answer both ways.'
		);
		// The provider got the configured model and our request id, not the client's model.
		assert.equal( fake.requests[ 0 ]?.body.model, 'test-model' );
		assert.equal(
			fake.requests[ 0 ]?.headers[ 'x-request-id' ],
			'lane-check-1'
		);
	} );

	it( 'what the lane does not take goes to fastify: another method, a body that is not JSON', async () => {
		const get = await fetch( `${ proxy.url }/v1/chat/completions`, {
			headers: auth,
		} );
		assert.equal( get.status, 404 );
		assert.equal(
			json< { error: { code: string } } >( await get.text() ).error.code,
			'not_found'
		);
		const text = await fetch( `${ proxy.url }/v1/chat/completions`, {
			method: 'POST',
			headers: { ...auth, 'content-type': 'text/plain' },
			body: 'hello',
		} );
		assert.equal( text.status, 400 );
		assert.equal(
			json< { error: { code: string } } >( await text.text() ).error.code,
			'invalid_request'
		);
		assert.equal( fake.count, 0 );
	} );

	it( 'a client that hangs up halfway through its body is counted as gone (499), and the lane serves on', async () => {
		const { port } = new URL( proxy.url );
		await new Promise< void >( ( resolve, reject ) => {
			const socket = net.connect( Number( port ), '127.0.0.1', () => {
				socket.write(
					'POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n' +
						`authorization: Bearer ${ TOKEN }\r\ncontent-length: 500\r\n\r\n{"messages":[`
				);
				setTimeout( () => socket.destroy(), 50 );
			} );
			socket.on( 'close', () => resolve() );
			socket.on( 'error', reject );
		} );
		const metricsText = async () =>
			(
				await fetch( `${ proxy.url }/metrics`, { headers: auth } )
			).text();
		let text = await metricsText();
		for ( let i = 0; i < 20 && ! /status="499"/.test( text ); i++ ) {
			await new Promise( ( resolve ) => setTimeout( resolve, 25 ) );
			text = await metricsText();
		}
		assert.match(
			text,
			/mpcc_proxy_requests_total\{route="\/v1\/chat\/completions",status="499"\} 1/
		);
		assert.doesNotMatch( text, /status="500"/ );
		const after = await postJson(
			`${ proxy.url }/v1/chat/completions`,
			CHAT,
			auth
		);
		assert.equal( after.status, 200 );
	} );

	it( 'the provider’s stream reaches the client byte for byte, comments and CRLF framing included', async () => {
		const frames = [
			': keep-alive\r\n\r\n',
			'data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}\r\n\r\n',
			'data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hel',
			'lo"}}]}\r\n\r\n',
			'data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\r\n\r\n',
			'data: [DONE]\r\n\r\n',
		];
		fake.enqueue( {
			kind: 'replay',
			respond: () => ( {
				status: 200,
				headers: { 'content-type': 'text/event-stream' },
				events: frames,
			} ),
		} );
		const res = await postJson(
			`${ proxy.url }/v1/chat/completions`,
			{ ...CHAT, stream: true },
			auth
		);
		assert.equal( res.status, 200 );
		assert.match( res.headers.get( 'content-type' ) ?? '', /event-stream/ );
		assert.equal( await res.text(), frames.join( '' ) );
	} );

	it( 'a stream cut mid-event ends with an error event of its own, not glued to the half event', async () => {
		fake.enqueue( {
			kind: 'replay',
			respond: () => ( {
				status: 200,
				headers: { 'content-type': 'text/event-stream' },
				events: [
					'data: {"id":"c2","choices":[{"index":0,"delta":{"content":"a"}}]}\n\n',
					'data: {"id":"c2","choices":[{"index":0,"del',
				],
			} ),
		} );
		const res = await postJson(
			`${ proxy.url }/v1/chat/completions`,
			{ ...CHAT, stream: true },
			auth
		);
		const text = await res.text();
		const last = text.trimEnd().split( /\n\n/ ).pop() ?? '';
		assert.match( last, /^data: \{"error":/ );
		assert.equal(
			json< { error: { code: string } } >( last.slice( 6 ) ).error.code,
			'upstream_error'
		);
	} );
} );

describe( 'pass-through lane and fastify routes share one rate limit and one set of route metrics', () => {
	const { fake, proxy } = useProxy( 'openai', {
		token: TOKEN,
		rateLimit: { max: 3, windowMs: 60_000 },
	} );

	it( 'three requests by one user across both doors use the budget; the fourth is refused on either', async () => {
		fake.reply = ( body ) =>
			body.response_format ? COURSE_TURN_ANSWER : 'counted';
		const user = {
			...auth,
			'x-mpcc-site': 'lane-site',
			'x-mpcc-user': '9',
		};
		const chat = () =>
			postJson( `${ proxy.url }/v1/chat/completions`, CHAT, user );
		const task = () =>
			postJson(
				`${ proxy.url }/v1/tasks/course-turn`,
				COURSE_TURN_REQUEST,
				user
			);
		assert.equal( ( await chat() ).status, 200 );
		assert.equal( ( await task() ).status, 200 );
		assert.equal( ( await chat() ).status, 200 );
		for ( const refused of [ await chat(), await task() ] ) {
			assert.equal( refused.status, 429 );
			const retryAfter = Number( refused.headers.get( 'retry-after' ) );
			assert.ok( retryAfter >= 1 && retryAfter <= 60 );
			const body = json< {
				error: { code: string; retry_after: number };
			} >( await refused.text() );
			assert.equal( body.error.code, 'rate_limited' );
			assert.equal( body.error.retry_after, retryAfter );
		}
		// Another user is not affected.
		assert.equal(
			(
				await postJson( `${ proxy.url }/v1/chat/completions`, CHAT, {
					...user,
					'x-mpcc-user': '10',
				} )
			).status,
			200
		);

		const metrics = await (
			await fetch( `${ proxy.url }/metrics`, { headers: auth } )
		).text();
		const count = ( route: string, status: number ) =>
			Number(
				new RegExp(
					`mpcc_proxy_requests_total\\{route="${ route.replace( /\//g, '\\/' ) }",status="${ status }"\\} (\\d+)`
				).exec( metrics )?.[ 1 ] ?? 0
			);
		assert.equal( count( '/v1/chat/completions', 200 ), 3 );
		assert.equal( count( '/v1/chat/completions', 429 ), 1 );
		assert.equal( count( '/v1/tasks/course-turn', 200 ), 1 );
		assert.equal( count( '/v1/tasks/course-turn', 429 ), 1 );
		assert.match(
			metrics,
			/mpcc_proxy_request_duration_seconds_count\{route="\/v1\/chat\/completions"\} 4/
		);
		assert.match( metrics, /mpcc_proxy_rate_limited_total 2/ );
	} );
} );
