/**
 * The course editor's conversations: the list (rename, resume, delete), a conversation gone from
 * the URL, and a save conflict.
 */
import './app-mocks';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { store as sessionStore } from '../../../store';
import * as app from './app-harness';

// Typing into the outline's fields is slow in jsdom.
jest.setTimeout( 30_000 );

beforeEach( app.reset );

/** A conversation from months ago whose course was created. */
const OLD_COURSE = {
	session_id: 'old',
	title: 'Old course',
	updated_at: '2024-01-01T10:00:00Z',
	conversation_state: 'created' as const,
};

describe( 'CourseEditorApp conversations', () => {
	it( 'a new, empty conversation offers the last one to continue, and opens it', async () => {
		app.bridge.addSession( OLD_COURSE );
		app.bridge.addSession( {
			session_id: 'bees',
			title: 'Beekeeping for Beginners',
			updated_at: '2024-03-01T10:00:00Z',
			conversation_state: 'course_structure',
			messages: [
				{ role: 'user', content: 'A course on beekeeping' },
				{ role: 'assistant', content: 'Here is an outline.' },
			],
		} );
		const { select } = app.renderApp();
		const resume = await screen.findByRole( 'button', {
			name: /^Continue “Beekeeping for Beginners” \(Outlining, /,
		} );
		await userEvent.click( resume );

		expect(
			await screen.findByText( 'Here is an outline.', {
				selector: '.mpcc-message__text',
			} )
		).toBeInTheDocument();
		expect( select().getSessionId() ).toBe( 'bees' );
		expect( window.location.search ).toContain( 'session=bees' );
		// The conversation open is not offered again; the empty state is gone with it.
		expect(
			screen.queryByRole( 'button', { name: /^Continue / } )
		).not.toBeInTheDocument();
	} );

	it( 'after New conversation it offers the one just left, and the Conversations list has it too', async () => {
		await app.renderWithSession( {
			session_id: 'wc',
			title: 'Watercolor',
		} );
		await userEvent.click(
			await screen.findByRole( 'button', { name: 'New conversation' } )
		);
		expect(
			await screen.findByRole( 'button', {
				name: /^Continue “Watercolor” \(Outlining, /,
			} )
		).toBeInTheDocument();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Conversations' } )
		);
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Previous conversations',
		} );
		expect(
			await within( dialog ).findByText( 'Watercolor', {
				selector: '.mpcc-sessions__title',
			} )
		).toBeInTheDocument();
	} );

	it( 'offers nothing to continue when there is no earlier conversation', async () => {
		app.renderApp();
		expect(
			await screen.findByRole( 'heading', {
				name: 'What would you like to teach?',
			} )
		).toBeInTheDocument();
		await act( async () => {
			await new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
		} );
		expect(
			screen.queryByRole( 'button', { name: /^Continue / } )
		).not.toBeInTheDocument();
	} );

	it( 'lists previous conversations newest first, renames, resumes and deletes them', async () => {
		app.bridge.addSession( OLD_COURSE );
		app.bridge.addSession( {
			session_id: 'new',
			title: 'Pottery',
			updated_at: '2024-03-01T10:00:00Z',
			messages: [ { role: 'user', content: 'A pottery course' } ],
		} );
		app.renderApp();
		await userEvent.click(
			await screen.findByRole( 'button', { name: 'Conversations' } )
		);
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Previous conversations',
		} );
		await within( dialog ).findByText( 'Pottery', {
			selector: '.mpcc-sessions__title',
		} );
		const titles = within( dialog )
			.getAllByRole( 'listitem' )
			.map(
				( li ) =>
					li.querySelector( '.mpcc-sessions__title' )?.textContent
			);
		expect( titles ).toEqual( [ 'Pottery', 'Old course' ] );

		await userEvent.type(
			within( dialog ).getByRole( 'searchbox', {
				name: 'Search by title',
			} ),
			'old'
		);
		expect( within( dialog ).getAllByRole( 'listitem' ) ).toHaveLength( 1 );
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: /^Rename/ } )
		);
		const input = within( dialog ).getByRole( 'textbox', {
			name: 'Conversation title',
		} );
		expect( input ).toHaveFocus();
		await userEvent.clear( input );
		await userEvent.type( input, 'Old, renamed{Enter}' );
		expect(
			await within( dialog ).findByText( 'Old, renamed', {
				selector: '.mpcc-sessions__title',
			} )
		).toBeInTheDocument();
		expect( app.bridge.sessions.get( 'old' )?.title ).toBe(
			'Old, renamed'
		);
		// The form is gone: focus is back on the row's Rename button.
		expect(
			within( dialog ).getByRole( 'button', { name: /^Rename/ } )
		).toHaveFocus();

		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: /^Delete/ } )
		);
		const confirm = await screen.findByRole( 'dialog', {
			name: 'Delete conversation?',
		} );
		await userEvent.click(
			within( confirm ).getByRole( 'button', { name: 'Delete' } )
		);
		await waitFor( () =>
			expect( app.bridge.sessions.has( 'old' ) ).toBe( false )
		);

		await userEvent.clear(
			within( dialog ).getByRole( 'searchbox', {
				name: 'Search by title',
			} )
		);
		await userEvent.click(
			await within( dialog ).findByRole( 'button', {
				name: /^Resume.*Pottery/,
			} )
		);
		expect(
			await screen.findByText( 'A pottery course' )
		).toBeInTheDocument();
		await waitFor( () =>
			expect( window.location.search ).toContain( 'session=new' )
		);
	} );

	it( 'says a conversation in the URL is gone, and starts a new one', async () => {
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=mpcc-course-editor&session=missing'
		);
		app.renderApp();
		await waitFor( () =>
			expect(
				document.querySelector( '.mpcc-error-notice strong' )
			).toHaveTextContent( 'That conversation could not be found.' )
		);
		expect(
			screen.getByRole( 'heading', {
				name: 'What would you like to teach?',
			} )
		).toBeInTheDocument();
	} );

	it( 'offers Keep mine / Use saved version on a save conflict', async () => {
		const { registry } = await app.renderWithSession();
		// Another tab changed the course title too: a real collision (others are merged).
		const other = app.bridge.sessions.get(
			[ ...app.bridge.sessions.keys() ][ 0 ] as string
		)!;
		other.revision = 7;
		other.course_structure = { ...app.STRUCTURE, title: 'Their title' };
		await userEvent.type(
			screen.getByRole( 'textbox', { name: 'Course title' } ),
			'!'
		);
		await act( async () => {
			await registry.dispatch( sessionStore ).save();
		} );
		expect(
			await screen.findByRole( 'button', { name: 'Keep mine' } )
		).toBeInTheDocument();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Keep mine' } )
		);
		await waitFor( () =>
			expect(
				document.querySelector( '.mpcc-save-status' )
			).toHaveAttribute( 'data-status', 'idle' )
		);
		expect( screen.getByText( /^Saved / ) ).toBeInTheDocument();
	} );
} );
