import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProviderName } from '../config';
import {
	COURSE_TURN_ANSWER,
	COURSE_TURN_REQUEST,
	EDITOR_ANSWER,
	EDITOR_REQUEST,
	LESSON_ANSWER,
	LESSON_REQUEST,
	QUIZ_CONTENT,
	quizQuestion,
	quizRequest,
} from './fixtures';
import { json, postJson, readSse } from './helpers';
import { CACHE_OFF, useProxy } from './use-proxy';

/** Every real provider against the fake upstream's matching wire format, JSON and SSE, for every task route. */
const PROVIDERS: Array< { name: ProviderName; path: string } > = [
	{ name: 'openai', path: '/v1/chat/completions' },
	{ name: 'anthropic', path: '/v1/messages' },
	{ name: 'openai-compatible', path: '/v1/chat/completions' },
];

for ( const { name, path } of PROVIDERS ) {
	describe( `provider ${ name } against the fake upstream`, () => {
		const { fake, proxy } = useProxy( name, { cache: CACHE_OFF } );

		it( 'course turn: JSON answer, one upstream call on the right wire path with the key and request id', async () => {
			fake.reply = () => COURSE_TURN_ANSWER;
			const res = await postJson(
				`${ proxy.url }/v1/tasks/course-turn`,
				COURSE_TURN_REQUEST,
				{ 'x-request-id': 'req-abc' }
			);
			assert.equal( res.status, 200 );
			assert.equal( res.headers.get( 'x-request-id' ), 'req-abc' );
			const body = json( await res.text() );
			assert.equal( body.demo, false );
			assert.equal( body.conversation_state, 'course_structure' );
			assert.equal(
				( body.course_structure as { title: string } ).title,
				'Sourdough Basics'
			);
			assert.equal( fake.count, 1 );
			const request = fake.requests[ 0 ];
			assert.equal( request?.path, path );
			assert.equal( request?.headers[ 'x-request-id' ], 'req-abc' );
			if ( name === 'anthropic' ) {
				assert.equal( request?.headers[ 'x-api-key' ], 'sk-test-key' );
				assert.equal(
					typeof request?.body.system === 'string' ||
						Array.isArray( request?.body.system ),
					true
				);
			} else {
				assert.equal(
					request?.headers.authorization,
					'Bearer sk-test-key'
				);
				assert.ok(
					request?.body.response_format,
					'JSON mode requested'
				);
			}
			assert.equal( request?.body.model, 'test-model' );
		} );

		it( 'course turn streams: deltas of the message, then structure, then done equal to the JSON answer', async () => {
			fake.reply = () => COURSE_TURN_ANSWER;
			fake.chunkSize = 7;
			const res = await postJson( `${ proxy.url }/v1/tasks/course-turn`, {
				...COURSE_TURN_REQUEST,
				stream: true,
			} );
			assert.equal( res.status, 200 );
			assert.match(
				res.headers.get( 'content-type' ) ?? '',
				/text\/event-stream/
			);
			const events = await readSse( res );
			const names = events.map( ( e ) => e.event );
			const deltas = events.filter( ( e ) => e.event === 'delta' );
			assert.ok(
				deltas.length >= 3,
				`several deltas, got ${ deltas.length }`
			);
			assert.equal(
				deltas
					.map( ( e ) => json< { text: string } >( e.data ).text )
					.join( '' ),
				'Here is an outline for Sourdough Basics.'
			);
			assert.deepEqual( names.slice( -2 ), [ 'structure', 'done' ] );
			assert.equal( names.indexOf( 'structure' ), names.length - 2 );
			const done = json( events.at( -1 )?.data ?? '{}' );
			assert.equal(
				done.message,
				'Here is an outline for Sourdough Basics.'
			);
			assert.equal( done.demo, false );
			assert.equal( fake.count, 1 );
			assert.equal( fake.requests[ 0 ]?.body.stream, true );
		} );

		it( 'lesson content: block markup, streamed raw with a content event', async () => {
			fake.reply = () => LESSON_ANSWER;
			const plain = json(
				await (
					await postJson(
						`${ proxy.url }/v1/tasks/lesson-content`,
						LESSON_REQUEST
					)
				).text()
			);
			assert.equal( plain.content, LESSON_ANSWER );
			const events = await readSse(
				await postJson( `${ proxy.url }/v1/tasks/lesson-content`, {
					...LESSON_REQUEST,
					stream: true,
				} )
			);
			assert.deepEqual( events.map( ( e ) => e.event ).slice( -2 ), [
				'content',
				'done',
			] );
			assert.equal(
				events
					.filter( ( e ) => e.event === 'delta' )
					.map( ( e ) => json< { text: string } >( e.data ).text )
					.join( '' ),
				LESSON_ANSWER
			);
			assert.equal( fake.count, 2 );
		} );

		it( 'editor assist: invalid suggestions are dropped, valid ones kept', async () => {
			fake.reply = () => EDITOR_ANSWER;
			const body = json< { suggestions: Array< { id: string } > } >(
				await (
					await postJson(
						`${ proxy.url }/v1/tasks/editor-assist`,
						EDITOR_REQUEST
					)
				).text()
			);
			// replace_block without a selected block and an empty title are both dropped.
			assert.deepEqual(
				body.suggestions.map( ( s ) => s.id ),
				[ 'a1' ]
			);
			const events = await readSse(
				await postJson( `${ proxy.url }/v1/tasks/editor-assist`, {
					...EDITOR_REQUEST,
					stream: true,
				} )
			);
			assert.deepEqual( events.map( ( e ) => e.event ).slice( -2 ), [
				'suggestions',
				'done',
			] );
		} );

		it( 'quiz streams one questions event per valid question, in order, then done', async () => {
			fake.reply = () =>
				JSON.stringify( {
					questions: [
						quizQuestion( 1 ),
						quizQuestion( 2 ),
						quizQuestion( 3 ),
					],
				} );
			const events = await readSse(
				await postJson(
					`${ proxy.url }/v1/tasks/quiz`,
					quizRequest( 3, true )
				)
			);
			const names = events.map( ( e ) => e.event );
			assert.deepEqual( names, [
				'delta',
				'questions',
				'questions',
				'questions',
				'done',
			] );
			assert.deepEqual(
				events
					.filter( ( e ) => e.event === 'questions' )
					.map( ( e ) => json< { index: number } >( e.data ).index ),
				[ 0, 1, 2 ]
			);
			const done = json< {
				total: number;
				quality_score: number;
				questions: Array< { source_excerpt: string } >;
			} >( events.at( -1 )?.data ?? '{}' );
			assert.equal( done.total, 3 );
			assert.ok(
				done.questions.every( ( q ) =>
					QUIZ_CONTENT.includes( q.source_excerpt )
				)
			);
			assert.equal( fake.count, 1 );
		} );

		it( 'chat completions non-stream and stream', async () => {
			fake.reply = () => 'Plain answer.';
			const res = await postJson( `${ proxy.url }/v1/chat/completions`, {
				model: 'anything',
				messages: [ { role: 'user', content: 'hi' } ],
			} );
			assert.equal( res.status, 200 );
			const body = json< {
				choices: Array< { message: { content: string } } >;
				object: string;
			} >( await res.text() );
			assert.equal( body.object, 'chat.completion' );
			assert.equal( body.choices[ 0 ]?.message.content, 'Plain answer.' );
			const streamed = await readSse(
				await postJson( `${ proxy.url }/v1/chat/completions`, {
					model: 'x',
					stream: true,
					messages: [ { role: 'user', content: 'hi' } ],
				} )
			);
			assert.equal( streamed.at( -1 )?.data, '[DONE]' );
			const text = streamed
				.slice( 0, -1 )
				.map(
					( e ) =>
						json< {
							choices: Array< { delta: { content?: string } } >;
						} >( e.data ).choices[ 0 ]?.delta.content ?? ''
				)
				.join( '' );
			assert.equal( text, 'Plain answer.' );
			assert.equal( fake.count, 2 );
		} );
	} );
}
