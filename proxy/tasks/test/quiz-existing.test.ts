import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { QUIZ_CONTENT } from '../../test/fixtures';
import {
	json,
	postJson,
	startApp,
	testConfig,
	type Running,
} from '../../test/helpers';

/**
 * Generating again from the same lesson into a quiz that already has questions: the request carries
 * the quiz's questions, and each new question that repeats one of them is flagged as a duplicate
 * (the modal leaves those unselected), instead of coming back as if it were new.
 */
const TOKEN = 'quiz-existing-token';
const headers = { authorization: `Bearer ${ TOKEN }` };

interface Answer {
	questions: Array< { question: string; checks: { duplicate: boolean } } >;
	quality_score: number;
}

describe( 'quiz: questions already in the quiz', () => {
	let proxy: Running;
	before( async () => {
		proxy = await startApp(
			testConfig( 'demo', undefined, { token: TOKEN } )
		);
	} );
	after( () => proxy.close() );

	const ask = async ( existing?: string[] ) => {
		const res = await postJson(
			`${ proxy.url }/v1/tasks/quiz`,
			{
				content: QUIZ_CONTENT,
				options: {
					type: 'multiple_choice',
					count: 2,
					difficulty: 'medium',
				},
				...( existing ? { existing_questions: existing } : {} ),
			},
			headers
		);
		assert.equal( res.status, 200 );
		return json< Answer >( await res.text() );
	};

	it( 'flags every question the quiz already has, matched ignoring case and punctuation', async () => {
		const first = await ask();
		assert.equal( first.questions.length, 2 );
		assert.ok( first.questions.every( ( q ) => ! q.checks.duplicate ) );

		const [ one, two ] = first.questions.map( ( q ) => q.question );
		const again = await ask( [ one!.toUpperCase(), `  ${ two }!` ] );
		assert.deepEqual(
			again.questions.map( ( q ) => [ q.question, q.checks.duplicate ] ),
			[
				[ one, true ],
				[ two, true ],
			]
		);
		assert.ok( again.quality_score < first.quality_score );

		const unrelated = await ask( [ 'Something else entirely?' ] );
		assert.ok( unrelated.questions.every( ( q ) => ! q.checks.duplicate ) );
	} );

	it( 'refuses a malformed list of existing questions', async () => {
		const res = await postJson(
			`${ proxy.url }/v1/tasks/quiz`,
			{
				content: QUIZ_CONTENT,
				options: {
					type: 'multiple_choice',
					count: 1,
					difficulty: 'medium',
				},
				existing_questions: [ 42 ],
			},
			headers
		);
		assert.equal( res.status, 400 );
	} );
} );
