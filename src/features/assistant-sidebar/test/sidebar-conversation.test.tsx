/**
 * The assistant sidebar's conversation: where it shows, what it offers, and that it is kept.
 */
import './editor-mocks';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerTestBlocks } from './editor-fakes';
import {
	bridge,
	inConversation,
	ready,
	reply,
	resetSidebar,
	setup,
	streams,
} from './sidebar-harness';

beforeAll( registerTestBlocks );
beforeEach( resetSidebar );

describe( 'assistant sidebar', () => {
	it( 'renders nothing on other post types', () => {
		setup( { postType: 'post' } );
		expect(
			screen.queryByRole( 'region', { name: 'Courses Copilot' } )
		).not.toBeInTheDocument();
		expect( bridge.calls ).toEqual( [] );
	} );

	it( 'on a lesson, restores the post’s conversation and offers the lesson’s quick actions', async () => {
		bridge.addSession( {
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
		setup();
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
			bridge.callsOf( 'mpcc_list_sessions' )[ 0 ]?.fields.post_id
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
		setup( { postType: 'mpcs-course' } );
		await ready();
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
		const { view, ui } = setup();
		await ready();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Summarize' } )
		);
		await waitFor( () => expect( streams ).toHaveLength( 1 ) );
		await reply( streams[ 0 ]!, 'A short summary.' );
		expect(
			await inConversation( 'A short summary.' )
		).toBeInTheDocument();
		const lists = bridge.callsOf( 'mpcc_list_sessions' ).length;
		view.unmount();
		render( ui() );
		expect(
			await inConversation( 'A short summary.' )
		).toBeInTheDocument();
		expect(
			await inConversation( 'Summarize this lesson.' )
		).toBeInTheDocument();
		expect( bridge.callsOf( 'mpcc_list_sessions' ) ).toHaveLength( lists );
	} );
} );
