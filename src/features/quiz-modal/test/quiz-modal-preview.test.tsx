/**
 * The Quiz AI modal's generated questions: the preview list (edit, regenerate, remove, select)
 * and inserting them as blocks. The real quiz store on a real registry; only admin-ajax is faked.
 */
import './editor-mocks';
import { act, screen, waitFor, within } from '@testing-library/react';
import { store as noticesStore } from '@wordpress/notices';
import '../../../../blocks';
import { store as quizStore } from '../../../store/quiz';
import { retype, type FakeBlock } from './helpers';
import { generated, resetQuizPage } from './modal-helpers';

// Typing into @wordpress/components fields is slow in jsdom.
jest.setTimeout( 30_000 );

beforeEach( resetQuizPage );

describe( 'the preview list', () => {
	it( 'shows the correct answer, explanation and quality checks to the instructor', async () => {
		const { dialog } = await generated( 2, ( n ) =>
			n === 2
				? {
						checks: {
							excerpt_found: false,
							duplicate: true,
							correct_is_longest: true,
							has_explanation: true,
						},
					}
				: {}
		);
		const [ first, second ] = within( dialog )
			.getAllByRole( 'listitem' )
			.filter( ( li ) => li.classList.contains( 'mpcc-quiz-question' ) );
		expect( within( first! ).getByText( 'thirds 1' ) ).toHaveTextContent(
			'(correct answer)'
		);
		expect(
			within( first! ).getByText( /Explanation 1/ )
		).toBeInTheDocument();
		expect(
			within( first! ).getByText( 'Source excerpt found in the source' )
		).toBeInTheDocument();
		const checks = within( second! ).getByRole( 'list', {
			name: 'Quality checks',
		} );
		expect( checks ).toHaveTextContent(
			'Source excerpt not found in the source'
		);
		expect( checks ).toHaveTextContent(
			'Already in this quiz: the quiz has this question.'
		);
		expect( checks ).toHaveTextContent(
			'The correct answer is the longest option'
		);
	} );

	it( 'edits a question in place, including its options and correct answer', async () => {
		const { user, registry, dialog } = await generated( 2 );
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Edit question 1' } )
		);
		const text = within( dialog ).getByRole( 'textbox', {
			name: 'Question',
		} );
		await retype( user, text, 'Where should the horizon go?' );
		const option2 = within( dialog ).getByRole( 'textbox', {
			name: 'Option 2',
		} );
		await retype( user, option2, 'On a third line' );
		await user.click(
			within( dialog ).getByRole( 'radio', {
				name: 'Option 2 is correct',
			} )
		);
		const explanation = within( dialog ).getByRole( 'textbox', {
			name: 'Explanation',
		} );
		await retype( user, explanation, 'Thirds balance the frame.' );
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Done editing' } )
		);

		const edited = registry.select( quizStore ).getQuestions()[ 0 ]!;
		expect( edited ).toMatchObject( {
			question: 'Where should the horizon go?',
			options: [ 'thirds 1', 'On a third line', 'quarters 1' ],
			correct_answer: 'On a third line',
			explanation: 'Thirds balance the frame.',
		} );
		expect(
			within( dialog ).getByRole( 'heading', {
				name: /Where should the horizon go\?/,
			} )
		).toBeInTheDocument();
	} );

	it( 'asks before Generate again replaces questions edited by hand, and keeps them on Cancel', async () => {
		const { user, registry, dialog, calls } = await generated( 2 );
		const generations = () =>
			calls.filter( ( c ) => c.action === 'mpcc_generate_quiz' ).length;
		expect( generations() ).toBe( 1 );
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Edit question 1' } )
		);
		await retype(
			user,
			within( dialog ).getByRole( 'textbox', { name: 'Question' } ),
			'My carefully edited question?'
		);
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Done editing' } )
		);

		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Generate again' } )
		);
		const confirm = screen.getByRole( 'dialog', {
			name: 'Replace the questions you edited?',
		} );
		expect( confirm ).toHaveTextContent(
			'Generating again replaces all 2 questions in the preview, including 1 you edited.'
		);
		await user.click(
			within( confirm ).getByRole( 'button', { name: 'Cancel' } )
		);
		expect(
			screen.queryByRole( 'dialog', {
				name: 'Replace the questions you edited?',
			} )
		).not.toBeInTheDocument();
		expect( generations() ).toBe( 1 );
		expect(
			registry.select( quizStore ).getQuestions()[ 0 ]
		).toMatchObject( { question: 'My carefully edited question?' } );

		// Confirmed: generated again, the edit replaced, and the next Generate again asks nothing.
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Generate again' } )
		);
		await user.click(
			within(
				screen.getByRole( 'dialog', {
					name: 'Replace the questions you edited?',
				} )
			).getByRole( 'button', { name: 'Generate again' } )
		);
		await waitFor( () => expect( generations() ).toBe( 2 ) );
		await within( dialog ).findByText( /Question 1: which term/ );
		expect( registry.select( quizStore ).getEditedCount() ).toBe( 0 );
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Generate again' } )
		);
		await waitFor( () => expect( generations() ).toBe( 3 ) );
		expect(
			screen.queryByRole( 'dialog', {
				name: 'Replace the questions you edited?',
			} )
		).not.toBeInTheDocument();
	} );

	it( 'will not insert a question left without a correct answer', async () => {
		const { user, dialog } = await generated( 1 );
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Edit question 1' } )
		);
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Remove option 1' } )
		);
		expect(
			within( dialog ).getByText( 'Mark the correct option.' )
		).toBeInTheDocument();
		expect(
			within( dialog ).getByRole( 'button', { name: 'Done editing' } )
		).toBeDisabled();
		expect(
			within( dialog ).getByRole( 'button', {
				name: 'Insert 1 question',
			} )
		).toBeDisabled();
	} );

	it( 'regenerates one question alone, with count 1 and an instruction to vary', async () => {
		const { user, registry, dialog, calls } = await generated( 3 );
		await user.click(
			within( dialog ).getByRole( 'button', {
				name: 'Regenerate question 2',
			} )
		);
		expect(
			await within( dialog ).findByText(
				/A different question about horizons\?/
			)
		).toBeInTheDocument();
		const regenerate = calls.find( ( c ) => ! c.fields.stream )!;
		expect( regenerate.fields ).toMatchObject( {
			action: 'mpcc_generate_quiz',
			lesson_id: '13',
		} );
		const options = JSON.parse( regenerate.fields.options! );
		expect( options ).toMatchObject( {
			count: 1,
			type: 'multiple_choice',
			difficulty: 'hard',
		} );
		expect( options.instructions ).toMatch( /different question/i );
		const texts = registry
			.select( quizStore )
			.getQuestions()
			.map( ( q ) => q.question );
		expect( texts[ 1 ] ).toBe( 'A different question about horizons?' );
		expect( texts ).toHaveLength( 3 );
	} );

	it( 'removes a question and deselects another; Insert counts what is selected', async () => {
		const { user, dialog } = await generated( 3 );
		await user.click(
			within( dialog ).getByRole( 'button', {
				name: 'Remove question 1',
			} )
		);
		expect(
			within( dialog ).queryByText( /Question 1: which term/ )
		).not.toBeInTheDocument();
		await user.click(
			within( dialog ).getByRole( 'checkbox', {
				name: 'Include question 1',
			} )
		);
		expect(
			within( dialog ).getByText( '1 of 2 selected' )
		).toBeInTheDocument();
		expect(
			within( dialog ).getByRole( 'button', {
				name: 'Insert 1 question',
			} )
		).toBeEnabled();
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Select none' } )
		);
		expect(
			within( dialog ).getByRole( 'button', {
				name: 'Insert 0 questions',
			} )
		).toBeDisabled();
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Select all' } )
		);
		expect(
			within( dialog ).getByRole( 'button', {
				name: 'Insert 2 questions',
			} )
		).toBeEnabled();
	} );
} );

describe( 'inserting', () => {
	it( 'inserts the selected questions as our blocks in one step, closes, and tells the user to save', async () => {
		const existing: FakeBlock = {
			clientId: 'intro',
			name: 'core/paragraph',
			attributes: {},
		};
		const { user, registry, dialog, questions } = await generated(
			3,
			undefined,
			[ existing ]
		);
		await within( dialog ).findByText( /Question 3: which term/ );
		// Until they are inserted the questions live only in this page: leaving asks first.
		const leave = () => {
			const event = new Event( 'beforeunload', { cancelable: true } );
			window.dispatchEvent( event );
			return event.defaultPrevented;
		};
		expect( leave() ).toBe( true );
		await user.click(
			within( dialog ).getByRole( 'checkbox', {
				name: 'Include question 2',
			} )
		);
		await user.click(
			within( dialog ).getByRole( 'button', {
				name: 'Insert 2 questions',
			} )
		);

		await waitFor( () =>
			expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument()
		);
		// Inserted: the post's own unsaved-changes warning takes over.
		expect( leave() ).toBe( false );
		const editor = registry.select( 'core/block-editor' ) as unknown as {
			getBlocks: () => FakeBlock[];
			getUndoSteps: () => FakeBlock[][];
		};
		const blocks = editor.getBlocks();
		expect( blocks.map( ( b ) => b.name ) ).toEqual( [
			'core/paragraph',
			'courses-copilot/multiple-choice-question',
			'courses-copilot/multiple-choice-question',
		] );
		expect( blocks[ 1 ]!.attributes ).toEqual( {
			question: questions[ 0 ]!.question,
			options: questions[ 0 ]!.options,
			correctAnswer: 'thirds 1',
			explanation: 'Explanation 1: the lesson says so.',
			difficulty: 'hard',
			points: 3,
			sourceExcerpt: 'Sentence 1 of the lesson.',
		} );
		expect( blocks[ 2 ]!.attributes.question ).toBe(
			questions[ 2 ]!.question
		);
		// One insertBlocks call: one Undo takes all of them back.
		expect( editor.getUndoSteps() ).toHaveLength( 1 );
		// The quiz is empty again, so the "Generate questions with AI" notice comes back.
		act( () => {
			(
				registry.dispatch( 'core/block-editor' ) as unknown as {
					undo: () => void;
				}
			 ).undo();
		} );
		expect( editor.getBlocks().map( ( b ) => b.clientId ) ).toEqual( [
			'intro',
		] );

		const notices = registry.select( noticesStore ).getNotices();
		expect( notices.map( ( n ) => n.content ) ).toContain(
			'2 questions added to the quiz. Save the quiz to keep them.'
		);
		expect( registry.select( quizStore ).getQuestions() ).toHaveLength( 0 );
	} );
} );
