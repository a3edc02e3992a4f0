/**
 * The Quiz AI modal opening: by itself from a lesson, from the panel and menu, and what it offers.
 * The real quiz store on a real registry; only admin-ajax is faked.
 */
import './editor-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QuizPlugin } from '..';
import '../../../../blocks';
import { store as quizStore } from '../../../store/quiz';
import { makeRegistry, renderWith, setConfig } from './helpers';
import { openModal, resetQuizPage, setSearch } from './modal-helpers';

// Typing into @wordpress/components fields is slow in jsdom.
jest.setTimeout( 30_000 );

beforeEach( resetQuizPage );

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

	/** The lesson picker's groups and their options, as the user sees them. */
	function lessonGroups( dialog: HTMLElement ) {
		const select = within( dialog ).getByRole( 'combobox', {
			name: 'Lesson',
		} );
		return [ ...select.querySelectorAll( 'optgroup' ) ].map( ( group ) => [
			group.label,
			[ ...group.querySelectorAll( 'option' ) ].map(
				( option ) => option.textContent
			),
		] );
	}

	/** Opens the modal with "A lesson" as the source. */
	async function lessonPicker() {
		const user = userEvent.setup();
		renderWith( makeRegistry(), <QuizPlugin /> );
		const dialog = await openModal( user );
		await user.click(
			within( dialog ).getByRole( 'radio', { name: 'A lesson' } )
		);
		return { user, dialog };
	}

	it( 'lists the course’s lessons under their sections, in curriculum order', async () => {
		const { dialog } = await lessonPicker();
		expect( lessonGroups( dialog ) ).toEqual( [
			[
				'Understanding Exposure',
				[ 'Aperture and Depth of Field', 'Shutter Speed and Motion' ],
			],
			[ 'Composition', [ 'The Rule of Thirds' ] ],
		] );
	} );

	it( 'lists recent lessons under their courses when the quiz is in no course yet', async () => {
		setConfig( {
			quiz: {
				courseId: 0,
				courseTitle: '',
				lessons: [
					{ id: 21, title: 'Introduction', course: 'Sourdough' },
					{ id: 22, title: 'Introduction', course: 'Beekeeping' },
					{ id: 23, title: 'Starters', course: 'Sourdough' },
					{ id: 24, title: 'Loose notes', course: '' },
				],
			},
		} );
		const { user, dialog } = await lessonPicker();
		expect( lessonGroups( dialog ) ).toEqual( [
			[ 'Sourdough', [ 'Introduction', 'Starters' ] ],
			[ 'Beekeeping', [ 'Introduction' ] ],
		] );
		// A lesson in no course is still offered, outside the groups.
		await user.selectOptions(
			within( dialog ).getByRole( 'combobox', { name: 'Lesson' } ),
			'24'
		);
		expect(
			within( dialog ).getByRole( 'combobox', { name: 'Lesson' } )
		).toHaveValue( '24' );
	} );
} );
