/**
 * The Quiz AI modal generating questions: sources, options, streaming, errors and Stop.
 * The real quiz store on a real registry; only admin-ajax is faked.
 */
import './editor-mocks';
import { act, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QuizPlugin } from '..';
import '../../../../blocks';
import { store as quizStore } from '../../../store/quiz';
import {
	FakeStream,
	fakeAjax,
	generateReply,
	fakeResponse,
	makeRegistry,
	question,
	renderWith,
	retype,
} from './helpers';
import { openModal, resetQuizPage, streamingGenerate } from './modal-helpers';

// Typing into @wordpress/components fields is slow in jsdom.
jest.setTimeout( 30_000 );

beforeEach( resetQuizPage );

describe( 'generating', () => {
	it( 'sends the source and options, and shows questions as they stream in with announced progress', async () => {
		const stream = new FakeStream();
		const calls = fakeAjax( {
			mpcc_generate_quiz: streamingGenerate( stream ),
		} );
		const user = userEvent.setup();
		renderWith( makeRegistry(), <QuizPlugin /> );
		const dialog = await openModal( user );

		await user.selectOptions(
			within( dialog ).getByRole( 'combobox', { name: 'Lesson' } ),
			'13'
		);
		await user.selectOptions(
			within( dialog ).getByRole( 'combobox', { name: 'Difficulty' } ),
			'hard'
		);
		const count = within( dialog ).getByRole( 'spinbutton', {
			name: 'How many (1–20)',
		} );
		await retype( user, count, '3' );
		await user.type(
			within( dialog ).getByRole( 'textbox', {
				name: 'Extra instructions (optional)',
			} ),
			'Focus on horizons'
		);
		await user.click(
			within( dialog ).getByRole( 'button', {
				name: 'Generate questions',
			} )
		);

		const status = within( dialog ).getByRole( 'status' );
		expect( status ).toHaveTextContent(
			'Reading the source and writing questions…'
		);
		expect( calls ).toHaveLength( 1 );
		expect( calls[ 0 ]!.fields ).toMatchObject( {
			action: 'mpcc_generate_quiz',
			nonce: 'n-quiz',
			lesson_id: '13',
			stream: '1',
		} );
		expect( JSON.parse( calls[ 0 ]!.fields.options! ) ).toEqual( {
			type: 'multiple_choice',
			count: 3,
			difficulty: 'hard',
			instructions: 'Focus on horizons',
		} );
		// The form is locked while generating, and Stop is offered.
		expect(
			within( dialog ).getByRole( 'combobox', { name: 'Lesson' } )
		).toBeDisabled();
		expect(
			within( dialog ).getByRole( 'button', { name: 'Stop' } )
		).toBeInTheDocument();

		await act( async () =>
			stream.event( 'questions', {
				questions: [ question( 1 ) ],
				index: 0,
			} )
		);
		expect(
			await within( dialog ).findByText( /Question 1: which term/ )
		).toBeInTheDocument();
		expect( status ).toHaveTextContent( '1 of 3 questions ready…' );

		await act( async () =>
			stream.event( 'questions', {
				questions: [ question( 2 ) ],
				index: 1,
			} )
		);
		expect(
			await within( dialog ).findByText( /Question 2: which term/ )
		).toBeInTheDocument();
		expect( status ).toHaveTextContent( '2 of 3 questions ready…' );

		await act( async () => {
			stream.event(
				'done',
				generateReply( [ question( 1 ), question( 2 ), question( 3 ) ] )
			);
			stream.end();
		} );
		await waitFor( () =>
			expect( status ).toHaveTextContent(
				'3 questions ready. Review them, then insert.'
			)
		);
		expect(
			within( dialog ).getAllByRole( 'checkbox', {
				name: /Include question/,
			} )
		).toHaveLength( 3 );
		expect(
			within( dialog ).getByRole( 'button', {
				name: 'Insert 3 questions',
			} )
		).toBeEnabled();
	} );

	it( 'uses the whole course or pasted text as the source', async () => {
		const calls = fakeAjax( {
			mpcc_generate_quiz: () =>
				fakeResponse( 200, {
					success: true,
					data: generateReply( [ question( 1 ) ] ),
				} ),
		} );
		const user = userEvent.setup();
		renderWith( makeRegistry(), <QuizPlugin /> );
		const dialog = await openModal( user );

		await user.click(
			within( dialog ).getByRole( 'radio', {
				name: 'The whole course (Photography Basics)',
			} )
		);
		await user.click(
			within( dialog ).getByRole( 'button', {
				name: 'Generate questions',
			} )
		);
		await within( dialog ).findByText( /Question 1: which term/ );
		expect( calls[ 0 ]!.fields ).toMatchObject( { course_id: '5' } );
		expect( calls[ 0 ]!.fields ).not.toHaveProperty( 'lesson_id' );

		await user.click(
			within( dialog ).getByRole( 'radio', { name: 'Text I paste' } )
		);
		await user.type(
			within( dialog ).getByRole( 'textbox', {
				name: 'Text to write questions from',
			} ),
			'Light enters the lens.'
		);
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Generate again' } )
		);
		await waitFor( () => expect( calls ).toHaveLength( 2 ) );
		expect( calls[ 1 ]!.fields ).toMatchObject( {
			content: 'Light enters the lens.',
		} );
	} );

	it( 'clamps the count to 1–20', async () => {
		const user = userEvent.setup();
		const registry = makeRegistry();
		renderWith( registry, <QuizPlugin /> );
		const dialog = await openModal( user );
		const count = within( dialog ).getByRole( 'spinbutton', {
			name: 'How many (1–20)',
		} );
		await retype( user, count, '50' );
		await user.tab();
		expect( count ).toHaveValue( 20 );
		expect( registry.select( quizStore ).getOptions().count ).toBe( 20 );
		await retype( user, count, '0' );
		await user.tab();
		expect( count ).toHaveValue( 1 );
	} );

	it( 'shows the server’s suggestion when the content is too short (422)', async () => {
		fakeAjax( {
			mpcc_generate_quiz: () =>
				fakeResponse( 422, {
					success: false,
					data: {
						code: 'mpcc_content_too_short',
						message: 'Too short',
						suggestion:
							'Add at least 80 words to the lesson, or paste more text.',
					},
				} ),
		} );
		const user = userEvent.setup();
		renderWith( makeRegistry(), <QuizPlugin /> );
		const dialog = await openModal( user );
		await user.selectOptions(
			within( dialog ).getByRole( 'combobox', { name: 'Lesson' } ),
			'11'
		);
		await user.click(
			within( dialog ).getByRole( 'button', {
				name: 'Generate questions',
			} )
		);
		expect(
			await within( dialog ).findByText(
				'Add at least 80 words to the lesson, or paste more text.'
			)
		).toBeInTheDocument();
		expect(
			within( dialog ).getByText(
				'There is not enough content to work with.'
			)
		).toBeInTheDocument();
		expect(
			within( dialog ).queryByRole( 'button', { name: /Insert/ } )
		).toBeDisabled();
	} );

	it( 'stops a generation and keeps what arrived', async () => {
		const stream = new FakeStream();
		fakeAjax( { mpcc_generate_quiz: streamingGenerate( stream ) } );
		const user = userEvent.setup();
		renderWith( makeRegistry(), <QuizPlugin /> );
		const dialog = await openModal( user );
		await user.selectOptions(
			within( dialog ).getByRole( 'combobox', { name: 'Lesson' } ),
			'12'
		);
		await user.click(
			within( dialog ).getByRole( 'button', {
				name: 'Generate questions',
			} )
		);
		await act( async () =>
			stream.event( 'questions', {
				questions: [ question( 1 ) ],
				index: 0,
			} )
		);
		await within( dialog ).findByText( /Question 1: which term/ );
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Stop' } )
		);
		await waitFor( () =>
			expect(
				within( dialog ).getByRole( 'button', {
					name: 'Generate again',
				} )
			).toBeInTheDocument()
		);
		expect(
			within( dialog ).getByText( /Question 1: which term/ )
		).toBeInTheDocument();
	} );
} );
