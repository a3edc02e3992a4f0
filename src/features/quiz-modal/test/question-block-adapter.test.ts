/**
 * The block adapter: our blocks' attributes for every question type, one insertBlocks call, and the
 * MemberPress Courses path against a stand-in of their `memberpress/course/question` store (their
 * plugin cannot run here).
 */
import './editor-mocks';
import { createReduxStore } from '@wordpress/data';
import {
	getBlockType,
	registerBlockType,
	unregisterBlockType,
} from '@wordpress/blocks';
import '../../../../blocks';
import { toAttributes } from '../../../../blocks/shared/attributes';
import {
	insertQuestions,
	memberPressValues,
	providerFor,
	MEMBERPRESS_QUESTION_STORE,
} from '../question-block-adapter';
import { makeRegistry, question, type FakeBlock } from './helpers';

const trueFalse = question( 2, {
	type: 'true_false',
	question: 'True or false: horizons belong in the middle.',
	options: [ 'True', 'False' ],
	correct_answer: 'False',
} );
const multipleAnswer = question( 3, {
	type: 'multiple_answer',
	options: [ 'aperture', 'shutter', 'tripod' ],
	correct_answer: [ 'aperture', 'shutter' ],
} );
const shortAnswer = question( 4, {
	type: 'short_answer',
	options: [],
	correct_answer: ' thirds ',
} );

function blocksOf( registry: ReturnType< typeof makeRegistry > ): FakeBlock[] {
	return (
		registry.select( 'core/block-editor' ) as unknown as {
			getBlocks: () => FakeBlock[];
		}
	 ).getBlocks();
}

describe( 'our blocks', () => {
	it( 'mirrors the question shape in each type’s attributes', () => {
		expect( toAttributes( question( 1 ) ) ).toMatchObject( {
			correctAnswer: 'thirds 1',
			options: [ 'thirds 1', 'halves 1', 'quarters 1' ],
		} );
		expect( toAttributes( trueFalse ) ).toMatchObject( {
			correctAnswer: 'false',
			options: [ 'True', 'False' ],
		} );
		expect( toAttributes( multipleAnswer ) ).toMatchObject( {
			correctAnswer: [ 'aperture', 'shutter' ],
		} );
		expect( toAttributes( shortAnswer ) ).toMatchObject( {
			correctAnswer: 'thirds',
			options: [],
		} );
	} );

	it( 'inserts one block per question, of the question’s type, after the existing blocks, in one call', async () => {
		const registry = makeRegistry( {}, [
			{ clientId: 'a', name: 'core/paragraph', attributes: {} },
		] );
		const ids = await insertQuestions( registry, [
			question( 1 ),
			trueFalse,
			multipleAnswer,
			shortAnswer,
		] );
		const blocks = blocksOf( registry );
		expect( blocks.map( ( b ) => b.name ) ).toEqual( [
			'core/paragraph',
			'courses-copilot/multiple-choice-question',
			'courses-copilot/true-false-question',
			'courses-copilot/multiple-answer-question',
			'courses-copilot/short-answer-question',
		] );
		expect( blocks.slice( 1 ).map( ( b ) => b.clientId ) ).toEqual( ids );
		expect( blocks[ 3 ]!.attributes.correctAnswer ).toEqual( [
			'aperture',
			'shutter',
		] );
		expect(
			(
				registry.select( 'core/block-editor' ) as unknown as {
					getUndoSteps: () => unknown[];
				}
			 ).getUndoSteps()
		).toHaveLength( 1 );
	} );

	it( 'does nothing for no questions', async () => {
		const registry = makeRegistry();
		expect( await insertQuestions( registry, [] ) ).toEqual( [] );
		expect( blocksOf( registry ) ).toEqual( [] );
	} );
} );

describe( 'MemberPress Courses’ blocks (stand-in store)', () => {
	const theirs = [
		'memberpress-courses/multiple-choice-question',
		'memberpress-courses/true-false-question',
	];

	beforeAll( () => {
		for ( const name of theirs ) {
			registerBlockType( name, {
				apiVersion: 3,
				title: name,
				category: 'widgets',
				attributes: { questionId: { type: 'integer', default: 0 } },
				edit: () => null,
				save: () => null,
			} );
		}
	} );
	afterAll( () =>
		theirs.forEach(
			( name ) => getBlockType( name ) && unregisterBlockType( name )
		)
	);

	function theirStore(
		reserve: (
			quizId: number,
			clientId: string
		) => Promise< { id?: number } >
	) {
		const placeholders: Array< [ string, Record< string, unknown > ] > = [];
		const store = createReduxStore( MEMBERPRESS_QUESTION_STORE, {
			reducer: ( state = {} ) => state,
			selectors: {},
			actions: {
				addPlaceholder: (
					clientId: string,
					values: Record< string, unknown >
				) => {
					placeholders.push( [ clientId, values ] );
					return { type: 'ADD_PLACEHOLDER' };
				},
				getNextQuestionId:
					( quizId: number, clientId: string ) => async () =>
						reserve( quizId, clientId ),
			},
		} );
		return { store, placeholders };
	}

	it( 'uses their block where it is registered and ours elsewhere', () => {
		expect( providerFor( 'multiple_choice' ) ).toBe(
			'memberpress-courses'
		);
		expect( providerFor( 'short_answer' ) ).toBe( 'courses-copilot' );
	} );

	it( 'adds a placeholder per question, reserves an id for the quiz, and puts the id in the block', async () => {
		const reserve = jest.fn( async () => ( { id: 77 } ) );
		const { store, placeholders } = theirStore( reserve );
		const registry = makeRegistry();
		registry.register( store );
		await insertQuestions(
			registry,
			[ question( 1 ), trueFalse, shortAnswer ],
			{ quizId: 31 }
		);
		const blocks = blocksOf( registry );
		expect( blocks.map( ( b ) => b.name ) ).toEqual( [
			'memberpress-courses/multiple-choice-question',
			'memberpress-courses/true-false-question',
			'courses-copilot/short-answer-question',
		] );
		expect( blocks[ 0 ]!.attributes.questionId ).toBe( 77 );
		expect( reserve ).toHaveBeenCalledWith( 31, placeholders[ 0 ]![ 0 ] );
		expect( placeholders.map( ( [ id ] ) => id ) ).toEqual( [
			blocks[ 0 ]!.clientId,
			blocks[ 1 ]!.clientId,
		] );
		expect( placeholders[ 0 ]![ 1 ] ).toMatchObject( {
			type: 'multiple-choice',
			question: question( 1 ).question,
			feedback: 'Explanation 1: the lesson says so.',
			options: [
				{ value: 'thirds 1', isCorrect: true },
				{ value: 'halves 1', isCorrect: false },
				{ value: 'quarters 1', isCorrect: false },
			],
			answer: 0,
			number: 1,
		} );
		expect( placeholders[ 1 ]![ 1 ] ).toMatchObject( {
			type: 'true-false',
			correctAnswer: false,
			number: 2,
		} );
	} );

	it( 'keeps the placeholder under the block’s clientId when no id can be reserved', async () => {
		const { store, placeholders } = theirStore( async () => {
			throw new Error( 'offline' );
		} );
		const registry = makeRegistry();
		registry.register( store );
		await insertQuestions( registry, [ question( 1 ) ], { quizId: 31 } );
		const [ block ] = blocksOf( registry );
		expect( block!.attributes.questionId ).toBe( 0 );
		expect( placeholders[ 0 ]![ 0 ] ).toBe( block!.clientId );
	} );

	it( 'maps multiple-answer and short-answer values the way their editor reads them', () => {
		expect( memberPressValues( multipleAnswer, 3 ) ).toMatchObject( {
			type: 'multiple-answer',
			answer: [ 0, 1 ],
		} );
		expect( memberPressValues( shortAnswer, 4 ) ).toMatchObject( {
			type: 'short-answer',
			expectedAnswer: 'thirds',
		} );
	} );
} );
