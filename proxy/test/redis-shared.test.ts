import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FakeUpstream } from './fake-upstream/fake-upstream';
import { COURSE_TURN_ANSWER, COURSE_TURN_REQUEST } from './fixtures';
import {
	postJson,
	startApp,
	startFake,
	startRedis,
	testConfig,
	type Running,
} from './helpers';

/** Two proxies, one Redis (started here on a loopback port): they share the cache and the rate limit. */
describe( 'two proxy instances sharing Redis', () => {
	let redis: Awaited< ReturnType< typeof startRedis > >;
	let fake: FakeUpstream;
	let a: Running;
	let b: Running;
	before( async () => {
		redis = await startRedis();
		fake = await startFake();
		fake.reply = () => COURSE_TURN_ANSWER;
		const config = testConfig( 'openai', fake, {
			redisUrl: redis.url,
			rateLimit: { max: 4, windowMs: 60_000 },
		} );
		a = await startApp( config );
		b = await startApp( config );
	} );
	after( async () => {
		await a?.close();
		await b?.close();
		await fake?.stop();
		await redis?.stop();
	} );

	it( 'an answer cached by one instance is a hit on the other', async () => {
		const headers = { 'x-mpcc-site': 'cache-site', 'x-mpcc-user': '1' };
		const first = await postJson(
			`${ a.url }/v1/tasks/course-turn`,
			COURSE_TURN_REQUEST,
			headers
		);
		assert.equal( first.status, 200 );
		assert.equal( first.headers.get( 'x-mpcc-cache' ), 'miss' );
		const second = await postJson(
			`${ b.url }/v1/tasks/course-turn`,
			COURSE_TURN_REQUEST,
			headers
		);
		assert.equal( second.headers.get( 'x-mpcc-cache' ), 'hit' );
		assert.deepEqual( await second.json(), await first.json() );
		assert.equal( fake.count, 1 );
	} );

	it( 'the rate limit counts requests to both instances together', async () => {
		const headers = { 'x-mpcc-site': 'limit-site', 'x-mpcc-user': '7' };
		const statuses: number[] = [];
		for ( let i = 0; i < 6; i++ ) {
			const target = i % 2 === 0 ? a : b;
			statuses.push(
				(
					await postJson(
						`${ target.url }/v1/tasks/course-turn`,
						COURSE_TURN_REQUEST,
						headers
					)
				).status
			);
		}
		assert.deepEqual( statuses, [ 200, 200, 200, 200, 429, 429 ] );
		const other = await postJson(
			`${ a.url }/v1/tasks/course-turn`,
			COURSE_TURN_REQUEST,
			{ ...headers, 'x-mpcc-user': '8' }
		);
		assert.equal( other.status, 200 );
	} );
} );
