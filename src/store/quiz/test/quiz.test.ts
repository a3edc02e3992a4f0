import { createRegistry } from '@wordpress/data';
import { store } from '..';
import reducer, { INITIAL_QUIZ_STATE } from '../reducer';
import * as selectors from '../selectors';
import {
	FakeBridge,
	FakeStream,
	fakeResponse,
	flushPromises,
	installBridge,
} from '../../test/fake-bridge';
import { setConfig } from '../../test/helpers';
import type { GeneratedQuestion } from '../../../api/types';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const q = ( question: string ): GeneratedQuestion => ( {
	type: 'multiple_choice',
	question,
	options: [ 'a', 'b' ],
	correct_answer: 'a',
	explanation: 'because',
	difficulty: 'medium',
	points: 1,
} );

let bridge: FakeBridge;
beforeEach( () => {
	setConfig();
	bridge = new FakeBridge();
	installBridge( bridge );
} );

function setup() {
	const registry = createRegistry();
	registry.register( store );
	return {
		select: () => registry.select( store ),
		dispatch: () => registry.dispatch( store ),
	};
}

describe( 'quiz reducer and selectors', () => {
	it( 'append selects new questions; remove and toggle update the selection; selected list is memoized', () => {
		let state = reducer( INITIAL_QUIZ_STATE, {
			type: 'QUIZ_APPEND',
			questions: [
				{ ...q( 'one' ), id: 'a' },
				{ ...q( 'two' ), id: 'b' },
			],
		} );
		expect( state.selected ).toEqual( [ 'a', 'b' ] );
		state = reducer( state, { type: 'QUIZ_TOGGLE_SELECTED', id: 'a' } );
		const selected = selectors.getSelectedQuestions( state );
		expect( selected.map( ( x ) => x.id ) ).toEqual( [ 'b' ] );
		expect(
			selectors.getSelectedQuestions(
				reducer( state, { type: 'QUIZ_SET_EDITING', id: 'b' } )
			)
		).toBe( selected );
		state = reducer( state, {
			type: 'QUIZ_UPDATE_QUESTION',
			id: 'b',
			changes: { question: 'edited', id: 'zzz' } as never,
		} );
		expect( state.questions[ 1 ] ).toMatchObject( {
			id: 'b',
			question: 'edited',
		} );
		state = reducer( state, { type: 'QUIZ_SET_EDITING', id: 'b' } );
		state = reducer( state, { type: 'QUIZ_REMOVE_QUESTION', id: 'b' } );
		expect( state ).toMatchObject( { selected: [], editingId: null } );
		expect( selectors.getSelectedQuestions( state ) ).toEqual( [] );
	} );
} );

describe( 'quiz thunks', () => {
	it( 'streams questions into the preview, then takes the final list keeping ids', async () => {
		const { select, dispatch } = setup();
		let stream: FakeStream | null = null;
		bridge.handlers.set( 'mpcc_generate_quiz', ( _f, _c, signal ) => {
			stream = new FakeStream( signal );
			return stream.response();
		} );
		const done = dispatch().generateQuiz( {
			source: { lesson_id: 3 },
			options: { count: 2 },
		} );
		await flushPromises();
		stream!.event( 'questions', { questions: [ q( 'one' ) ], index: 0 } );
		await flushPromises();
		expect(
			select()
				.getQuestions()
				.map( ( x ) => x.question )
		).toEqual( [ 'one' ] );
		expect( select().getRequest().status ).toBe( 'streaming' );
		const firstId = select().getQuestions()[ 0 ]!.id;
		stream!.event( 'done', {
			questions: [ q( 'one' ), q( 'two' ) ],
			total: 2,
			type: 'multiple_choice',
			quality_score: 88,
			demo: true,
		} );
		expect( await done ).toBe( 2 );
		expect( select().getQuestions()[ 0 ]!.id ).toBe( firstId );
		expect( select().getSelectedIds() ).toHaveLength( 2 );
		expect( select().getMeta() ).toEqual( {
			total: 2,
			type: 'multiple_choice',
			qualityScore: 88,
			demo: true,
		} );
		const call = bridge.callsOf( 'mpcc_generate_quiz' )[ 0 ]!;
		expect( call.fields ).toMatchObject( {
			nonce: 'n-quiz',
			lesson_id: '3',
		} );
		expect( JSON.parse( call.fields.options! ) ).toEqual( {
			type: 'multiple_choice',
			count: 2,
			difficulty: 'medium',
		} );
	} );

	it( 'generating again sends the quiz’s questions; the ones the checks flag as already there start unselected', async () => {
		const { select, dispatch } = setup();
		const duplicate = {
			...q( 'one' ),
			checks: {
				excerpt_found: true,
				duplicate: true,
				correct_is_longest: false,
				has_explanation: true,
			},
		};
		const fresh = {
			...duplicate,
			question: 'three',
			checks: { ...duplicate.checks, duplicate: false },
		};
		bridge.handlers.set( 'mpcc_generate_quiz', () =>
			fakeResponse( 200, {
				success: true,
				data: {
					questions: [ duplicate, fresh ],
					total: 2,
					type: 'multiple_choice',
					quality_score: 70,
					demo: true,
				},
			} )
		);
		expect(
			await dispatch().generateQuiz( {
				source: { lesson_id: 3 },
				existingQuestions: [ 'one', 'two' ],
			} )
		).toBe( 2 );
		const call = bridge.callsOf( 'mpcc_generate_quiz' )[ 0 ]!;
		expect( JSON.parse( call.fields.existing_questions! ) ).toEqual( [
			'one',
			'two',
		] );
		expect(
			select()
				.getSelectedQuestions()
				.map( ( x ) => x.question )
		).toEqual( [ 'three' ] );
	} );

	it( 'content too short surfaces the suggestion', async () => {
		const { select, dispatch } = setup();
		bridge.failures.set( 'mpcc_generate_quiz', {
			status: 422,
			code: 'mpcc_content_too_short',
			extra: { suggestion: 'Add at least 200 words.' },
		} );
		await dispatch().generateQuiz( { source: { content: 'tiny' } } );
		expect( select().getError()?.code ).toBe( 'mpcc_content_too_short' );
		expect( select().getSuggestion() ).toBe( 'Add at least 200 words.' );
	} );

	it( 'regenerates one question in place, keeping its id and selection', async () => {
		const { select, dispatch } = setup();
		bridge.handlers.set( 'mpcc_generate_quiz', () =>
			fakeResponse( 200, {
				success: true,
				data: {
					questions: [ q( 'first' ) ],
					total: 1,
					type: 'multiple_choice',
					quality_score: 90,
				},
			} )
		);
		await dispatch().generateQuiz( { source: { course_id: 9 } } );
		const id = select().getQuestions()[ 0 ]!.id;
		bridge.handlers.set( 'mpcc_generate_quiz', () =>
			fakeResponse( 200, {
				success: true,
				data: {
					questions: [ q( 'fresh' ) ],
					total: 1,
					type: 'multiple_choice',
					quality_score: 90,
				},
			} )
		);
		expect( await dispatch().regenerateQuestion( id ) ).toBe( true );
		expect( select().getQuestion( id )?.question ).toBe( 'fresh' );
		expect( select().isSelected( id ) ).toBe( true );
		expect(
			JSON.parse(
				bridge.callsOf( 'mpcc_generate_quiz' )[ 1 ]!.fields.options!
			)
		).toMatchObject( { count: 1 } );
		await dispatch().selectNone();
		expect( select().getSelectedQuestions() ).toEqual( [] );
		await dispatch().selectAll();
		expect( select().getSelectedIds() ).toEqual( [ id ] );
	} );

	it( 'stop keeps what arrived', async () => {
		const { select, dispatch } = setup();
		let stream: FakeStream | null = null;
		bridge.handlers.set( 'mpcc_generate_quiz', ( _f, _c, signal ) => {
			stream = new FakeStream( signal );
			return stream.response();
		} );
		const done = dispatch().generateQuiz( { source: { lesson_id: 1 } } );
		await flushPromises();
		stream!.event( 'questions', { questions: [ q( 'kept' ) ], index: 0 } );
		await flushPromises();
		await dispatch().stopGeneration();
		expect( await done ).toBe( 1 );
		expect( select().isGenerating() ).toBe( false );
		expect( select().getError() ).toBeNull();
	} );
} );
