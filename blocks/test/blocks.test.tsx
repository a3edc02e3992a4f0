/**
 * The question blocks in the editor: registered from block.json with the quiz question's attributes,
 * skipped where MemberPress Courses' block of the same kind exists, and edited through the shared
 * question fields.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from '@wordpress/element';
import {
	getBlockType,
	registerBlockType,
	unregisterBlockType,
} from '@wordpress/blocks';
import { QUESTION_BLOCKS, registerQuestionBlocks } from '..';
import MultipleChoiceEdit from '../multiple-choice-question/edit';
import MultipleAnswerEdit from '../multiple-answer-question/edit';
import TrueFalseEdit from '../true-false-question/edit';
import ShortAnswerEdit from '../short-answer-question/edit';
import type { QuestionAttributes } from '../shared/attributes';
import { questionProblem } from '../shared/question-fields';
import {
	createReduxStore,
	createRegistry,
	RegistryProvider,
	type DataRegistry,
} from '@wordpress/data';
import { store as noticesStore } from '@wordpress/notices';

jest.mock(
	'@wordpress/block-editor',
	() => ( {
		store: 'core/block-editor',
		useBlockProps: ( props: object = {} ) => props,
	} ),
	{ virtual: true }
);
// @wordpress/blocks' paste handler imports `marked`, which ships ESM only and jest.config.js does not transform it.
jest.mock( 'marked', () => ( { Marked: class {} } ) );

const NAMES = [
	'courses-copilot/multiple-choice-question',
	'courses-copilot/true-false-question',
	'courses-copilot/multiple-answer-question',
	'courses-copilot/short-answer-question',
];

describe( 'registration', () => {
	it( 'registers the four blocks with the quiz question’s attributes and no saved markup', () => {
		for ( const name of NAMES ) {
			const type = getBlockType( name )!;
			expect( type ).toBeDefined();
			expect( Object.keys( type.attributes ).sort() ).toEqual( [
				'correctAnswer',
				'difficulty',
				'explanation',
				'options',
				'points',
				'question',
				'sourceExcerpt',
			] );
			expect( type.apiVersion ).toBe( 3 );
			expect(
				( type.save as ( props: object ) => unknown )( {
					attributes: {},
					innerBlocks: [],
				} )
			).toBeNull();
		}
		expect(
			getBlockType( NAMES[ 2 ]! )!.attributes.correctAnswer
		).toMatchObject( { type: 'array' } );
		expect(
			getBlockType( NAMES[ 1 ]! )!.attributes.correctAnswer
		).toMatchObject( { enum: [ 'true', 'false' ] } );
	} );

	it( 'keeps ours for existing quizzes but out of the inserter where MemberPress Courses’ block of the same kind is registered', () => {
		NAMES.forEach( ( name ) => unregisterBlockType( name ) );
		registerBlockType( 'memberpress-courses/true-false-question', {
			apiVersion: 3,
			title: 'True/False',
			category: 'widgets',
			attributes: { questionId: { type: 'integer', default: 0 } },
			edit: () => null,
			save: () => null,
		} );
		expect( registerQuestionBlocks().sort() ).toEqual(
			[ ...NAMES ].sort()
		);
		// A quiz made with ours before MemberPress Courses came still has a block to edit it with.
		expect( getBlockType( NAMES[ 1 ]! )?.edit ).toBeDefined();
		expect( getBlockType( NAMES[ 1 ]! )?.supports?.inserter ).toBe( false );
		expect( getBlockType( NAMES[ 0 ]! )?.supports?.inserter ).not.toBe(
			false
		);
		unregisterBlockType( 'memberpress-courses/true-false-question' );
		expect( registerQuestionBlocks() ).toEqual( [] );
		expect( QUESTION_BLOCKS ).toHaveLength( 4 );
	} );
} );

type EditComponent = typeof MultipleChoiceEdit;

/** Renders an edit component with real attribute state; returns a reader of the latest attributes. */
function renderEdit(
	Edit: EditComponent,
	initial: Partial< QuestionAttributes >,
	registry?: DataRegistry
) {
	const latest: { current: QuestionAttributes } = {
		current: {
			question: '',
			options: [],
			correctAnswer: '',
			explanation: '',
			difficulty: 'medium',
			points: 1,
			sourceExcerpt: '',
			...initial,
		},
	};
	function Harness() {
		const [ attributes, setState ] = useState( latest.current );
		const setAttributes = ( changes: Partial< QuestionAttributes > ) =>
			setState(
				( previous ) => ( latest.current = { ...previous, ...changes } )
			);
		const props = {
			attributes,
			setAttributes,
			clientId: 'c1',
			isSelected: true,
			name: 'x',
		} as unknown as Parameters< EditComponent >[ 0 ];
		return <Edit { ...props } />;
	}
	render(
		registry ? (
			<RegistryProvider value={ registry }>
				<Harness />
			</RegistryProvider>
		) : (
			<Harness />
		)
	);
	return latest;
}

describe( 'editing', () => {
	it( 'multiple choice: renaming the correct option keeps it correct; another can be marked', async () => {
		const user = userEvent.setup();
		const latest = renderEdit( MultipleChoiceEdit, {
			question: 'Which rule?',
			options: [ 'thirds', 'halves' ],
			correctAnswer: 'thirds',
		} );
		expect(
			screen.getByText( 'Multiple choice question' )
		).toBeInTheDocument();
		const first = screen.getByRole( 'textbox', { name: 'Option 1' } );
		await user.clear( first );
		await user.type( first, 'Thirds' );
		expect( latest.current.correctAnswer ).toBe( 'Thirds' );
		await user.click(
			screen.getByRole( 'radio', { name: 'Option 2 is correct' } )
		);
		expect( latest.current.correctAnswer ).toBe( 'halves' );
		await user.click(
			screen.getByRole( 'button', { name: 'Add option' } )
		);
		await user.type(
			screen.getByRole( 'textbox', { name: 'Option 3' } ),
			'quarters'
		);
		expect( latest.current.options ).toEqual( [
			'Thirds',
			'halves',
			'quarters',
		] );
		await user.selectOptions(
			screen.getByRole( 'combobox', { name: 'Difficulty' } ),
			'hard'
		);
		expect( latest.current.difficulty ).toBe( 'hard' );
	} );

	it( 'multiple answer: checks several correct options', async () => {
		const user = userEvent.setup();
		const latest = renderEdit( MultipleAnswerEdit, {
			question: 'Which set exposure?',
			options: [ 'aperture', 'shutter', 'tripod' ],
			correctAnswer: [ 'aperture' ],
		} );
		await user.click(
			screen.getByRole( 'checkbox', { name: 'Option 2 is correct' } )
		);
		expect( latest.current.correctAnswer ).toEqual( [
			'aperture',
			'shutter',
		] );
		await user.click(
			screen.getByRole( 'checkbox', { name: 'Option 1 is correct' } )
		);
		expect( latest.current.correctAnswer ).toEqual( [ 'shutter' ] );
	} );

	it( 'true/false and short answer have their own answer fields', async () => {
		const user = userEvent.setup();
		const tf = renderEdit( TrueFalseEdit, {
			question: 'Horizons go in the middle.',
			correctAnswer: 'true',
		} );
		await user.click( screen.getByRole( 'radio', { name: 'False' } ) );
		expect( tf.current.correctAnswer ).toBe( 'false' );
		const sa = renderEdit( ShortAnswerEdit, {
			question: 'The rule of _____.',
			correctAnswer: '',
		} );
		expect(
			screen.getByText( 'Write the expected answer.' )
		).toBeInTheDocument();
		await user.type(
			screen.getByRole( 'textbox', { name: 'Expected answer' } ),
			'thirds'
		);
		expect( sa.current.correctAnswer ).toBe( 'thirds' );
	} );

	it( 'says what is missing and reminds that learners never see the answer', () => {
		renderEdit( MultipleChoiceEdit, {
			question: 'Which rule?',
			options: [ 'thirds', 'halves' ],
			correctAnswer: '',
		} );
		expect(
			screen.getByText( 'Mark the correct option.' )
		).toBeInTheDocument();
		expect(
			screen.getByText(
				/the correct answer and explanation are never shown on the page/
			)
		).toBeInTheDocument();
	} );
} );

describe( 'unusable questions', () => {
	it( 'refuses two options that differ only in case or spaces, in the block and in the modal’s check', async () => {
		const user = userEvent.setup();
		const latest = renderEdit( MultipleChoiceEdit, {
			question: 'Which setting sets the aperture?',
			options: [ 'f-number', 'ISO' ],
			correctAnswer: 'f-number',
		} );
		const second = screen.getByRole( 'textbox', { name: 'Option 2' } );
		await user.clear( second );
		await user.type( second, ' F-Number' );
		expect( latest.current.options ).toEqual( [ 'f-number', ' F-Number' ] );
		expect(
			screen.getByText(
				'Option 2 (“F-Number”) is the same as another option. Make every option different.'
			)
		).toBeInTheDocument();
		expect( second ).toHaveAttribute( 'aria-invalid', 'true' );
		expect(
			questionProblem( {
				type: 'multiple_answer',
				question: 'Which?',
				options: [ 'A', 'b', 'a ' ],
				correct_answer: [ 'A', 'b' ],
				explanation: '',
			} )
		).toMatch( /Option 3/ );
	} );

	it( 'a short-answer block without an expected answer locks saving with a notice until it has one', async () => {
		const user = userEvent.setup();
		const registry = createRegistry();
		const locks = new Set< string >();
		registry.register(
			createReduxStore( 'core/editor', {
				reducer: ( state: string[] = [] ) => state,
				actions: {
					lockPostSaving: ( name: string ) => {
						locks.add( name );
						return { type: 'LOCK' };
					},
					unlockPostSaving: ( name: string ) => {
						locks.delete( name );
						return { type: 'UNLOCK' };
					},
				},
				selectors: {},
			} )
		);
		registry.register( noticesStore );
		const notices = () =>
			registry
				.select( noticesStore )
				.getNotices()
				.map( ( n ) => n.content );
		const latest = renderEdit(
			ShortAnswerEdit,
			{ question: 'The rule of _____.', correctAnswer: 'thirds' },
			registry
		);
		expect( locks.size ).toBe( 0 );
		const answer = screen.getByRole( 'textbox', {
			name: 'Expected answer',
		} );
		await user.clear( answer );
		expect( latest.current.correctAnswer ).toBe( '' );
		expect( [ ...locks ] ).toEqual( [ 'mpcc-question-c1' ] );
		expect( notices() ).toEqual( [
			'A quiz question is not finished, so saving is paused: Write the expected answer.',
		] );
		await user.type( answer, 'thirds' );
		expect( locks.size ).toBe( 0 );
		expect( notices() ).toEqual( [] );
	} );
} );
