/**
 * Issue 17, issue 14 item 1, issue 18 items 9 and 15, under the real store with a fake app.bridge:
 * Create is offered exactly when the outline meets the creation rules, with the reasons beside it
 * and on the items; a refused save is said in words; and the keyboard never falls to <body>.
 */
import './app-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as app from './app-harness';
import type { CourseStructure } from '../../../store/types';

jest.setTimeout( 30_000 );

/** The first two sections of the harness's outline. */
const STRUCTURE: CourseStructure = {
	...app.STRUCTURE,
	sections: app.STRUCTURE.sections.slice( 0, 2 ),
};

beforeEach( app.reset );

const renderWithSession = (
	partial: Parameters< typeof app.renderWithSession >[ 0 ] = {}
) => app.renderWithSession( { course_structure: STRUCTURE, ...partial } );

const createButton = () =>
	screen.getByRole( 'button', { name: 'Create course' } );
const lessonTitle = ( number: string ) =>
	screen.getByRole( 'textbox', { name: `Lesson ${ number } title` } );

describe( 'Create course follows the outline (issue 14 item 1, issue 17)', () => {
	it( 'is enabled right after the first outline, with "looks good" only an option', async () => {
		await renderWithSession();
		expect( createButton() ).toBeEnabled();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Say it looks good' } )
		);
		await waitFor( () =>
			expect( app.bridge.callsOf( 'mpcc_chat_message' ) ).toHaveLength(
				1
			)
		);
		await userEvent.click( createButton() );
		expect(
			await screen.findByRole( 'dialog', { name: 'Create this course?' } )
		).toBeInTheDocument();
	} );

	it( 'is disabled with the reasons beside it and on the items until they are fixed', async () => {
		await renderWithSession();
		await userEvent.clear( lessonTitle( '1.2' ) );
		await userEvent.click(
			screen.getAllByRole( 'button', { name: 'Add lesson' } )[ 1 ]!
		);
		expect( createButton() ).toHaveAttribute( 'aria-disabled', 'true' );
		const reasons = document.getElementById( 'mpcc-create-blockers' )!;
		expect( createButton() ).toHaveAccessibleDescription(
			/Lesson 1\.2 needs a title\. Lesson 2\.2 needs a title\./
		);
		expect( lessonTitle( '1.2' ) ).toHaveAttribute(
			'aria-invalid',
			'true'
		);
		expect( lessonTitle( '1.2' ) ).toHaveAccessibleDescription(
			'Lesson 1.2 needs a title.'
		);
		// A reason leads to its item.
		await userEvent.click(
			within( reasons ).getByRole( 'button', {
				name: 'Lesson 2.2 needs a title.',
			} )
		);
		await waitFor( () => expect( lessonTitle( '2.2' ) ).toHaveFocus() );

		await userEvent.type( lessonTitle( '2.2' ), 'Glazing' );
		await userEvent.type( lessonTitle( '1.2' ), 'Brushes' );
		expect( createButton() ).toBeEnabled();
		expect(
			document.getElementById( 'mpcc-create-blockers' )
		).not.toBeInTheDocument();
	} );

	it( 'agrees with an empty outline: no lesson, no Create (issue 18 item 9)', async () => {
		await renderWithSession( {
			course_structure: { ...STRUCTURE, sections: [] },
			conversation_state: 'ready_to_create',
		} );
		expect( createButton() ).toHaveAttribute( 'aria-disabled', 'true' );
		expect( createButton() ).toHaveAccessibleDescription(
			/Add a section with at least one lesson\./
		);
		await userEvent.click( createButton() );
		expect(
			screen.queryByRole( 'dialog', { name: 'Create this course?' } )
		).not.toBeInTheDocument();
	} );

	it( 'says which item a refused save is about, keeps the edit, and saves once it is fixed', async () => {
		const { select } = await renderWithSession();
		app.bridge.failures.set( 'mpcc_auto_save_session', {
			status: 400,
			code: 'mpcc_invalid_parameter',
			extra: {
				errors: [
					'course_structure.sections.0.lessons.1.title: expected at most 5000 characters',
				],
			},
		} );
		await userEvent.type( lessonTitle( '1.2' ), ' and more' );
		await waitFor(
			() =>
				expect(
					document.querySelector( '.mpcc-save-status__text' )
				).toHaveTextContent(
					'Not saved: The title of lesson 1.2 is too long (the most is 5000 characters). Your changes are kept on this device and save as soon as this is fixed.'
				),
			{ timeout: 15_000 }
		);
		expect(
			screen.queryByText( /The request was not valid/ )
		).not.toBeInTheDocument();
		// …and on the item it names.
		expect( lessonTitle( '1.2' ) ).toHaveAccessibleDescription(
			'Not saved: The title of lesson 1.2 is too long (the most is 5000 characters).'
		);
		expect( select().hasUnsavedChanges() ).toBe( true );

		app.bridge.failures.delete( 'mpcc_auto_save_session' );
		await userEvent.type( lessonTitle( '1.2' ), '!' );
		await waitFor(
			() => expect( select().hasUnsavedChanges() ).toBe( false ),
			{
				timeout: 15_000,
			}
		);
		const saved = app.bridge.sessions.get( select().getSessionId()! );
		expect(
			saved?.course_structure?.sections[ 0 ]?.lessons[ 1 ]?.title
		).toBe( 'Brushes and more!' );
	} );
} );

describe( 'the keyboard in the outline (issue 18 item 15)', () => {
	it( 'is one Tab stop with arrows inside', async () => {
		await renderWithSession();
		const sectionTitle = screen.getByRole( 'textbox', {
			name: 'Section 1 title',
		} );
		// Only the current row is in the Tab order.
		expect( sectionTitle ).not.toHaveAttribute( 'tabindex' );
		expect( lessonTitle( '1.1' ) ).toHaveAttribute( 'tabindex', '-1' );
		expect(
			screen.getByRole( 'button', { name: 'Delete lesson “Paper”' } )
		).toHaveAttribute( 'tabindex', '-1' );

		screen.getByRole( 'textbox', { name: 'Description' } ).focus();
		let presses = 0;
		const doc = createButton().ownerDocument;
		while (
			doc.activeElement !==
				screen.getByRole( 'button', { name: 'Add section' } ) &&
			presses < 40
		) {
			await userEvent.tab();
			presses++;
		}
		// Toggle, title, up, down, delete, description, Add lesson — one row, not every lesson's controls.
		expect( presses ).toBeLessThanOrEqual( 8 );

		sectionTitle.focus();
		await userEvent.keyboard( '{ArrowDown}' );
		expect( lessonTitle( '1.1' ) ).toHaveFocus();
		await userEvent.keyboard( '{ArrowDown}{ArrowDown}' );
		expect(
			screen.getByRole( 'textbox', { name: 'Section 2 title' } )
		).toHaveFocus();
		await userEvent.keyboard( '{ArrowUp}' );
		expect( lessonTitle( '1.2' ) ).toHaveFocus();
		expect( lessonTitle( '1.2' ) ).not.toHaveAttribute( 'tabindex' );
		expect( sectionTitle ).toHaveAttribute( 'tabindex', '-1' );
	} );

	it( 'moves focus to the next sensible place after deleting', async () => {
		await renderWithSession();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Delete lesson “Paper”' } )
		);
		await waitFor( () =>
			expect( lessonTitle( '1.1' ) ).toHaveValue( 'Brushes' )
		);
		await waitFor( () => expect( lessonTitle( '1.1' ) ).toHaveFocus() );

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Delete lesson “Washes”' } )
		);
		await waitFor( () =>
			expect(
				screen.getAllByRole( 'button', { name: 'Add lesson' } )[ 1 ]
			).toHaveFocus()
		);

		await userEvent.click(
			screen.getByRole( 'button', {
				name: 'Delete section “Getting Started”',
			} )
		);
		await userEvent.click(
			within(
				await screen.findByRole( 'dialog', { name: 'Delete section?' } )
			).getByRole( 'button', { name: 'Delete section' } )
		);
		await waitFor( () =>
			expect(
				screen.getByRole( 'textbox', { name: 'Section 1 title' } )
			).toHaveFocus()
		);
		expect(
			screen.getByRole( 'textbox', { name: 'Section 1 title' } )
		).toHaveValue( 'Techniques' );
	} );

	it( 'skips to Create, and lands on the new course after creating it', async () => {
		await renderWithSession();
		await userEvent.click(
			screen.getByRole( 'link', { name: 'Skip to Create course' } )
		);
		expect( createButton() ).toHaveFocus();
		await userEvent.keyboard( '{Enter}' );
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Create this course?',
		} );
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Create course' } )
		);
		await waitFor( () =>
			expect(
				screen.getByRole( 'link', { name: 'Edit course' } )
			).toHaveFocus()
		);
	} );

	it( 'keeps focus in the Conversations dialog after renaming', async () => {
		app.bridge.addSession( { session_id: 'old', title: 'Old course' } );
		await renderWithSession();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Conversations' } )
		);
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Previous conversations',
		} );
		await within( dialog ).findByText( 'Old course', {
			selector: '.mpcc-sessions__title',
		} );
		const rename = within( dialog ).getByRole( 'button', {
			name: 'Rename Old course',
		} );
		await userEvent.click( rename );
		await userEvent.type(
			within( dialog ).getByRole( 'textbox', {
				name: 'Conversation title',
			} ),
			' (2){Enter}'
		);
		await within( dialog ).findByText( 'Old course (2)', {
			selector: '.mpcc-sessions__title',
		} );
		expect(
			within( dialog ).getByRole( 'button', {
				name: 'Rename Old course (2)',
			} )
		).toHaveFocus();

		// Esc in the rename field leaves the rename; the next Esc closes the dialog.
		await userEvent.click(
			within( dialog ).getByRole( 'button', {
				name: 'Rename Old course (2)',
			} )
		);
		await userEvent.keyboard( '{Escape}' );
		expect( dialog ).toBeInTheDocument();
		expect(
			within( dialog ).getByRole( 'button', {
				name: 'Rename Old course (2)',
			} )
		).toHaveFocus();
		await userEvent.keyboard( '{Escape}' );
		await waitFor( () => expect( dialog ).not.toBeInTheDocument() );
	} );
} );
