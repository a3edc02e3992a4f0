/**
 * The assistant sidebar's conversation: where it shows, what it offers, and that it is kept.
 */
import './editor-mocks';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerTestBlocks } from './editor-fakes';
import * as harness from './sidebar-harness';

beforeAll( registerTestBlocks );
beforeEach( harness.resetSidebar );

describe( 'assistant sidebar', () => {
	it( 'renders nothing on other post types', () => {
		harness.setup( { postType: 'post' } );
		expect(
			screen.queryByRole( 'region', { name: 'Courses Copilot' } )
		).not.toBeInTheDocument();
		expect( harness.bridge.calls ).toEqual( [] );
	} );

	it( 'on a lesson, restores the post’s conversation and offers the lesson’s quick actions', async () => {
		harness.bridge.addSession( {
			session_id: 'sess-post-12',
			post_id: 12,
			messages: [
				{
					role: 'user',
					content: 'Write learning objectives for this lesson.',
				},
				{
					role: 'assistant',
					content: 'Here are learning objectives.',
					demo: true,
				},
			],
		} );
		harness.setup();
		expect(
			screen.getByRole( 'menuitemcheckbox', { name: 'Courses Copilot' } )
		).toBeInTheDocument();
		const sidebar = screen.getByRole( 'region', {
			name: 'Courses Copilot',
		} );
		expect(
			await within( sidebar ).findByText(
				'Here are learning objectives.'
			)
		).toBeInTheDocument();
		expect(
			harness.bridge.callsOf( 'mpcc_list_sessions' )[ 0 ]?.fields.post_id
		).toBe( '12' );
		const actions = within(
			screen.getByRole( 'group', { name: 'Quick actions' } )
		).getAllByRole( 'button' );
		expect( actions.map( ( b ) => b.textContent ) ).toEqual( [
			'Improve this lesson',
			'Summarize',
			'Write learning objectives',
			'Outline from title',
		] );
		expect( screen.getByText( 'Demo model' ) ).toBeInTheDocument();
	} );

	it( 'on a course, offers the course’s quick actions', async () => {
		harness.setup( { postType: 'mpcs-course' } );
		await harness.ready();
		const actions = within(
			screen.getByRole( 'group', { name: 'Quick actions' } )
		).getAllByRole( 'button' );
		expect( actions.map( ( b ) => b.textContent ) ).toEqual( [
			'Summarize',
			'Suggest the next lesson',
			'Write learning objectives',
		] );
		expect(
			screen.getByRole( 'heading', {
				name: 'Work on this course with the copilot',
			} )
		).toBeInTheDocument();
	} );

	it( 'keeps the conversation when the sidebar is closed and reopened', async () => {
		const { view, ui } = harness.setup();
		await harness.ready();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Summarize' } )
		);
		await harness.streamStarted();
		await harness.reply( harness.streams[ 0 ]!, 'A short summary.' );
		expect(
			await harness.inConversation( 'A short summary.' )
		).toBeInTheDocument();
		const lists = harness.bridge.callsOf( 'mpcc_list_sessions' ).length;
		view.unmount();
		render( ui() );
		expect(
			await harness.inConversation( 'A short summary.' )
		).toBeInTheDocument();
		expect(
			await harness.inConversation( 'Summarize this lesson.' )
		).toBeInTheDocument();
		expect( harness.bridge.callsOf( 'mpcc_list_sessions' ) ).toHaveLength(
			lists
		);
	} );

	it( 'on a new lesson, the first question makes the address open this lesson again, so a reload finds the conversation', async () => {
		window.history.replaceState(
			null,
			'',
			'/wp-admin/post-new.php?post_type=mpcs-lesson'
		);
		try {
			harness.setup();
			const box = await harness.ready();
			await userEvent.type( box, 'What is aperture?{Enter}' );
			await harness.streamStarted();
			// The bridge named the post's new conversation (the harness's stream, as the bridge does).
			await waitFor( () =>
				expect( window.location.pathname ).toBe( '/wp-admin/post.php' )
			);
			expect( window.location.search ).toBe( '?post=12&action=edit' );
		} finally {
			window.history.replaceState( null, '', '/' );
		}
	} );
} );
