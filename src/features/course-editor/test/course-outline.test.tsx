/**
 * The course editor's outline: edits in place, reorder, undo, add, collapse, delete, lesson drafts,
 * and creating the course.
 */
import './app-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeResponse } from '../../../api/test/fake-response';
import * as app from './app-harness';

// Typing into the outline's fields is slow in jsdom.
jest.setTimeout( 30_000 );

beforeEach( app.reset );

describe( 'CourseEditorApp outline', () => {
	it( 'edits the outline in place, reorders from the keyboard, and undoes', async () => {
		const { select } = await app.renderWithSession();
		const lesson = screen.getByRole( 'textbox', {
			name: 'Lesson 1.1 title',
		} );
		await userEvent.clear( lesson );
		await userEvent.type( lesson, 'Choosing Paper' );
		expect( select().getLesson( 'l1' )?.title ).toBe( 'Choosing Paper' );

		await userEvent.click(
			screen.getByRole( 'button', {
				name: 'Move section “Getting Started” down',
			} )
		);
		expect( app.sectionTitles() ).toEqual( [
			'Techniques',
			'Getting Started',
			'Projects',
		] );
		expect(
			screen.getByText(
				/Moved section “Getting Started” to position 2 of 3/
			)
		).toBeInTheDocument();

		// A lesson past the end of its section moves into the next one.
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Move lesson “Washes” down' } )
		);
		expect( select().getLessonSectionId( 'l3' ) ).toBe( 's1' );

		await userEvent.click( screen.getByRole( 'button', { name: 'Undo' } ) );
		await userEvent.click( screen.getByRole( 'button', { name: 'Undo' } ) );
		expect( app.sectionTitles() ).toEqual( [
			'Getting Started',
			'Techniques',
			'Projects',
		] );
		await userEvent.click( screen.getByRole( 'button', { name: 'Redo' } ) );
		expect( app.sectionTitles() ).toEqual( [
			'Techniques',
			'Getting Started',
			'Projects',
		] );
	} );

	it( 'adds, collapses and deletes (a section with lessons after confirmation)', async () => {
		const { select } = await app.renderWithSession();
		await userEvent.click(
			screen.getAllByRole( 'button', {
				name: 'Add lesson',
			} )[ 0 ] as HTMLElement
		);
		await waitFor( () =>
			expect(
				screen.getByRole( 'textbox', { name: 'Lesson 1.3 title' } )
			).toHaveFocus()
		);
		await userEvent.type(
			screen.getByRole( 'textbox', { name: 'Lesson 1.3 title' } ),
			'Palettes'
		);
		expect(
			select()
				.getSections()[ 0 ]
				?.lessons.map( ( l ) => l.title )
		).toEqual( [ 'Paper', 'Brushes', 'Palettes' ] );

		const toggle = screen.getByRole( 'button', {
			name: 'Show lessons of “Techniques”',
		} );
		expect( toggle ).toHaveAttribute( 'aria-expanded', 'true' );
		await userEvent.click( toggle );
		expect( toggle ).toHaveAttribute( 'aria-expanded', 'false' );
		expect(
			screen.queryByRole( 'textbox', { name: 'Lesson 2.1 title' } )
		).not.toBeInTheDocument();

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Delete lesson “Paper”' } )
		);
		expect( select().getLesson( 'l1' ) ).toBeNull();

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Delete section “Projects”' } )
		);
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Delete section?',
		} );
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Cancel' } )
		);
		expect( app.sectionTitles() ).toContain( 'Projects' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Delete section “Projects”' } )
		);
		await userEvent.click(
			within(
				await screen.findByRole( 'dialog', { name: 'Delete section?' } )
			).getByRole( 'button', { name: 'Delete section' } )
		);
		expect( app.sectionTitles() ).toEqual( [
			'Getting Started',
			'Techniques',
		] );
	} );

	it( 'drafts a lesson and previews it as rendered blocks, without scripts', async () => {
		app.bridge.handlers.set( 'mpcc_generate_lesson_content', async () =>
			fakeResponse( 200, {
				success: true,
				data: {
					content:
						'<!-- wp:heading -->\n<h2 class="wp-block-heading">Overview</h2>\n<!-- /wp:heading -->\n<!-- wp:paragraph -->\n<p onclick="alert(1)">Wet paper first.<script>alert(1)</script></p>\n<!-- /wp:paragraph -->',
					draft_saved: true,
				},
			} )
		);
		const { select } = await app.renderWithSession();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Draft of Paper' } )
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Draft content' } )
		);
		expect(
			await screen.findByRole( 'heading', { name: 'Overview' } )
		).toBeInTheDocument();
		const preview = document.querySelector(
			'.mpcc-draft__preview'
		) as HTMLElement;
		expect( preview.querySelector( 'script' ) ).toBeNull();
		expect( preview.querySelector( '[onclick]' ) ).toBeNull();
		expect( select().getLesson( 'l1' )?.content ).toContain( 'wp:heading' );
		expect( screen.getByText( 'Draft ready' ) ).toBeInTheDocument();

		await userEvent.click( screen.getByRole( 'button', { name: 'Edit' } ) );
		const markup = screen.getByRole( 'textbox', {
			name: 'Lesson content (block markup)',
		} );
		await userEvent.type( markup, '!' );
		expect( select().getLesson( 'l1' )?.content?.endsWith( '!' ) ).toBe(
			true
		);

		// Redraft asks before it replaces the edited draft; Cancel keeps the edit.
		const calls = () =>
			app.bridge.callsOf( 'mpcc_generate_lesson_content' ).length;
		const before = calls();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Redraft' } )
		);
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Replace the draft you edited?',
		} );
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Cancel' } )
		);
		expect( calls() ).toBe( before );
		expect( select().getLesson( 'l1' )?.content?.endsWith( '!' ) ).toBe(
			true
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Redraft' } )
		);
		await userEvent.click(
			within(
				await screen.findByRole( 'dialog', {
					name: 'Replace the draft you edited?',
				} )
			).getByRole( 'button', { name: 'Redraft' } )
		);
		await waitFor( () => expect( calls() ).toBe( before + 1 ) );
	} );

	it( 'shows what will be made, creates the course once, and links to it', async () => {
		await app.renderWithSession( {
			conversation_state: 'ready_to_create',
		} );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Create course' } )
		);
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Create this course?',
		} );
		expect( dialog ).toHaveTextContent( 'The course “Watercolor Basics”' );
		expect( dialog ).toHaveTextContent( '3 sections' );
		expect( dialog ).toHaveTextContent(
			'4 lessons (0 with drafted content)'
		);
		const confirm = within( dialog ).getByRole( 'button', {
			name: 'Create course',
		} );
		await userEvent.click( confirm );
		await userEvent.click( confirm );
		expect(
			await screen.findByText( 'Course created.' )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'link', { name: 'Edit course' } )
		).toHaveAttribute( 'href', '/edit/42' );
		expect(
			screen.getByRole( 'link', { name: /Preview/ } )
		).toHaveAttribute( 'href', '/c/42' );
		expect(
			screen.queryByRole( 'button', { name: 'Create course' } )
		).not.toBeInTheDocument();
		expect( app.bridge.callsOf( 'mpcc_create_course' ) ).toHaveLength( 1 );
	} );
} );
