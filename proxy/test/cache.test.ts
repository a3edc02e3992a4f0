import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { COURSE_TURN_ANSWER, COURSE_TURN_REQUEST } from './fixtures';
import { json, postJson, readSse } from './helpers';
import { useProxy } from './use-proxy';

/** The cache as seen through the routes: what is stored, what misses, what is shared in flight. */
const CHAT = {
	model: 'm',
	messages: [ { role: 'user', content: 'cache me' } ],
	temperature: 0.2,
};

describe( 'response cache through the routes', () => {
	const { fake, proxy } = useProxy( 'openai' );
	beforeEach( () => {
		fake.reply = () => COURSE_TURN_ANSWER;
	} );

	it( 'a repeated chat request is a hit; changing temperature, a message or max_tokens misses', async () => {
		const first = await postJson(
			`${ proxy.url }/v1/chat/completions`,
			CHAT
		);
		assert.equal( first.headers.get( 'x-mpcc-cache' ), 'miss' );
		const firstBody = await first.text();
		const second = await postJson(
			`${ proxy.url }/v1/chat/completions`,
			CHAT
		);
		assert.equal( second.headers.get( 'x-mpcc-cache' ), 'hit' );
		assert.equal( await second.text(), firstBody );
		assert.equal( fake.count, 1 );
		await postJson( `${ proxy.url }/v1/chat/completions`, {
			...CHAT,
			temperature: 0.3,
		} );
		await postJson( `${ proxy.url }/v1/chat/completions`, {
			...CHAT,
			messages: [ { role: 'user', content: 'cache me!' } ],
		} );
		await postJson( `${ proxy.url }/v1/chat/completions`, {
			...CHAT,
			max_tokens: 10,
		} );
		assert.equal( fake.count, 4 );
	} );

	it( 'task answers are cached, and a cached answer streams too', async () => {
		const request = {
			...COURSE_TURN_REQUEST,
			message: 'cache this course please',
		};
		const first = json(
			await (
				await postJson( `${ proxy.url }/v1/tasks/course-turn`, request )
			).text()
		);
		const res = await postJson( `${ proxy.url }/v1/tasks/course-turn`, {
			...request,
			stream: true,
		} );
		assert.equal( res.headers.get( 'x-mpcc-cache' ), 'hit' );
		const events = await readSse( res );
		assert.deepEqual( json( events.at( -1 )?.data ?? '{}' ), first );
		assert.equal( fake.count, 1 );
		// A different conversation state is a different prompt: a miss.
		await postJson( `${ proxy.url }/v1/tasks/course-turn`, {
			...request,
			conversation_state: 'course_structure',
		} );
		assert.equal( fake.count, 2 );
	} );

	it( 'failures and invalid answers are not cached', async () => {
		fake.enqueue( { kind: 'status', status: 400 } );
		const request = {
			...CHAT,
			messages: [ { role: 'user', content: 'fail first' } ],
		};
		assert.equal(
			( await postJson( `${ proxy.url }/v1/chat/completions`, request ) )
				.status,
			400
		);
		assert.equal(
			( await postJson( `${ proxy.url }/v1/chat/completions`, request ) )
				.status,
			200
		);
		assert.equal( fake.count, 2 );
	} );

	it( 'identical requests in flight share one upstream call', async () => {
		const request = {
			...CHAT,
			messages: [ { role: 'user', content: 'in flight' } ],
		};
		fake.reply = () => 'shared answer';
		// The first answer takes 150 ms, so the other four arrive while it is in flight.
		fake.enqueue( { kind: 'ok', delayMs: 150 } );
		const responses = await Promise.all(
			Array.from( { length: 5 }, () =>
				postJson( `${ proxy.url }/v1/chat/completions`, request )
			)
		);
		const kinds = responses
			.map( ( r ) => r.headers.get( 'x-mpcc-cache' ) )
			.sort();
		assert.equal( fake.count, 1 );
		assert.deepEqual( kinds, [
			'miss',
			'shared',
			'shared',
			'shared',
			'shared',
		] );
		const bodies = await Promise.all( responses.map( ( r ) => r.text() ) );
		assert.equal( new Set( bodies ).size, 1 );
	} );
} );
