/**
 * The Quiz AI modal with the real quiz store on a real registry; only admin-ajax is faked.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { store as noticesStore } from '@wordpress/notices';
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
	setConfig,
	type FakeBlock,
} from './helpers';

jest.mock( '@wordpress/api-fetch' );
jest.mock( '@wordpress/editor', () => require( './helpers' ).editorModule, {
	virtual: true,
} );
jest.mock( '@wordpress/edit-post', () => ( {} ), { virtual: true } );
jest.mock(
	'@wordpress/block-editor',
	() => require( './helpers' ).blockEditorModule,
	{ virtual: true }
);
// @wordpress/blocks' paste handler imports `marked`, which ships ESM only and jest.config.js does not transform it.
jest.mock( 'marked', () => ( { Marked: class {} } ) );

// Typing into @wordpress/components fields is slow in jsdom.
jest.setTimeout( 30_000 );

function setSearch( search: string ) {
	window.history.replaceState( null, '', `/wp-admin/post.php${ search }` );
}

async function openModal( user: ReturnType< typeof userEvent.setup > ) {
	await user.click(
		screen.getByRole( 'button', { name: 'Generate questions' } )
	);
	return screen.getByRole( 'dialog', { name: 'Generate quiz questions' } );
}

function streamingGenerate( stream: FakeStream ) {
	return ( _fields: Record< string, string >, signal?: AbortSignal ) =>
		stream.response( signal );
}

beforeEach( () => {
	setConfig();
	setSearch( '?post=31&action=edit' );
} );

describe( 'opening', () => {
	it( 'opens by itself with the lesson chosen when the quiz was created from a lesson, and forgets the parameter', async () => {
		setSearch( '?post=31&action=edit&mpcc_quiz_source=13' );
		const registry = makeRegistry();
		renderWith( registry, <QuizPlugin /> );
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Generate quiz questions',
		} );
		expect(
			within( dialog ).getByRole( 'radio', { name: 'A lesson' } )
		).toBeChecked();
		expect(
			within( dialog ).getByRole( 'combobox', { name: 'Lesson' } )
		).toHaveValue( '13' );
		expect( registry.select( quizStore ).getSource() ).toEqual( {
			lesson_id: 13,
		} );
		expect( window.location.search ).toBe( '?post=31&action=edit' );
		// Focus is inside the dialog (Modal's focus handling).
		await waitFor( () =>
			expect(
				dialog.contains( dialog.ownerDocument.activeElement )
			).toBe( true )
		);
	} );

	it( 'opens from the document panel and the more menu, and Escape closes it', async () => {
		const user = userEvent.setup();
		renderWith( makeRegistry(), <QuizPlugin /> );
		expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
		expect(
			screen.getByRole( 'region', { name: 'Quiz AI' } )
		).toBeInTheDocument();
		const dialog = await openModal( user );
		await waitFor( () =>
			expect(
				dialog.contains( dialog.ownerDocument.activeElement )
			).toBe( true )
		);
		await user.keyboard( '{Escape}' );
		// Modal closes after its exit animation.
		await waitFor( () =>
			expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument()
		);
		await user.click(
			screen.getByRole( 'menuitem', { name: 'Generate quiz questions' } )
		);
		expect( screen.getByRole( 'dialog' ) ).toBeInTheDocument();
	} );

	it( 'renders nothing on other post types', () => {
		const { container } = renderWith(
			makeRegistry( { postType: 'post' } ),
			<QuizPlugin />
		);
		expect( container ).toBeEmptyDOMElement();
	} );

	it( 'offers only pasted text when the quiz is in no course and no lessons are known', async () => {
		setConfig( { quiz: { courseId: 0, courseTitle: '', lessons: [] } } );
		const user = userEvent.setup();
		renderWith( makeRegistry(), <QuizPlugin /> );
		const dialog = await openModal( user );
		expect(
			within( dialog ).queryByRole( 'radio', { name: 'A lesson' } )
		).not.toBeInTheDocument();
		expect(
			within( dialog ).getByRole( 'radio', { name: 'Text I paste' } )
		).toBeChecked();
		expect(
			within( dialog ).getByRole( 'button', {
				name: 'Generate questions',
			} )
		).toBeDisabled();
	} );
} );

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
		await user.clear( count );
		await user.type( count, '3' );
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
		await user.clear( count );
		await user.type( count, '50' );
		await user.tab();
		expect( count ).toHaveValue( 20 );
		expect( registry.select( quizStore ).getOptions().count ).toBe( 20 );
		await user.clear( count );
		await user.type( count, '0' );
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

async function generated(
	count = 3,
	changes: ( n: number ) => Parameters< typeof question >[ 1 ] = () => ( {} )
) {
	const questions = Array.from( { length: count }, ( _v, i ) =>
		question( i + 1, changes( i + 1 ) )
	);
	const calls = fakeAjax( {
		mpcc_generate_quiz: ( fields ) =>
			fakeResponse( 200, {
				success: true,
				data: fields.stream
					? generateReply( questions )
					: generateReply( [
							question( 9, {
								question:
									'A different question about horizons?',
							} ),
						] ),
			} ),
	} );
	const user = userEvent.setup();
	const registry = makeRegistry();
	renderWith( registry, <QuizPlugin /> );
	const dialog = await openModal( user );
	await user.selectOptions(
		within( dialog ).getByRole( 'combobox', { name: 'Lesson' } ),
		'13'
	);
	await user.click(
		within( dialog ).getByRole( 'button', { name: 'Generate questions' } )
	);
	await within( dialog ).findByText( /Question 1: which term/ );
	return { user, registry, dialog, calls };
}

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
		await user.clear( text );
		await user.type( text, 'Where should the horizon go?' );
		const option2 = within( dialog ).getByRole( 'textbox', {
			name: 'Option 2',
		} );
		await user.clear( option2 );
		await user.type( option2, 'On a third line' );
		await user.click(
			within( dialog ).getByRole( 'radio', {
				name: 'Option 2 is correct',
			} )
		);
		const explanation = within( dialog ).getByRole( 'textbox', {
			name: 'Explanation',
		} );
		await user.clear( explanation );
		await user.type( explanation, 'Thirds balance the frame.' );
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
		const questions = Array.from( { length: 3 }, ( _v, i ) =>
			question( i + 1 )
		);
		fakeAjax( {
			mpcc_generate_quiz: () =>
				fakeResponse( 200, {
					success: true,
					data: generateReply( questions ),
				} ),
		} );
		const user = userEvent.setup();
		const registry = makeRegistry( {}, [ existing ] );
		renderWith( registry, <QuizPlugin /> );
		const dialog = await openModal( user );
		await user.selectOptions(
			within( dialog ).getByRole( 'combobox', { name: 'Lesson' } ),
			'13'
		);
		await user.click(
			within( dialog ).getByRole( 'button', {
				name: 'Generate questions',
			} )
		);
		await within( dialog ).findByText( /Question 3: which term/ );
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
