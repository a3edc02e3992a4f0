/** Thunks of `mpcc/session`: Opening, listing, renaming and deleting conversations. */
import { makeRegistry } from './helpers';
import { bridge } from './thunk-env';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

describe( 'sessions', () => {
	it( 'lists, loads, renames and deletes', async () => {
		const { dispatch, select, resolveSelect } = makeRegistry();
		// The list is newest first: A was changed last.
		bridge.addSession( {
			session_id: 'A',
			title: 'First',
			updated_at: '2026-11-02 10:00:00',
		} );
		bridge.addSession( {
			session_id: 'B',
			title: 'Second',
			updated_at: '2026-11-01 10:00:00',
		} );
		const items = await resolveSelect().getSessionList( { search: 'x' } );
		expect( items.map( ( s ) => s.session_id ) ).toEqual( [ 'A', 'B' ] );
		expect(
			bridge.callsOf( 'mpcc_list_sessions' )[ 0 ]?.fields
		).toMatchObject( { page: '1', per_page: '20', search: 'x' } );
		expect( select().getSessionListTotal() ).toBe( 2 );
		expect( await dispatch().loadSession( 'A' ) ).toBe( true );
		expect( select().getSessionTitle() ).toBe( 'First' );
		// Rename another session: load it, save it with the new title on its revision.
		expect( await dispatch().renameSession( 'Renamed B', 'B' ) ).toBe(
			true
		);
		expect( bridge.sessions.get( 'B' )?.title ).toBe( 'Renamed B' );
		expect(
			select()
				.getSessionList()
				.find( ( s ) => s.session_id === 'B' )?.title
		).toBe( 'Renamed B' );
		// Rename the current one: local and dirty (auto-save sends it).
		await dispatch().renameSession( 'Renamed A' );
		expect( select().getSessionTitle() ).toBe( 'Renamed A' );
		expect( select().hasUnsavedChanges() ).toBe( true );
		await dispatch().save();
		expect( bridge.sessions.get( 'A' )?.title ).toBe( 'Renamed A' );
		expect( await dispatch().deleteSession( 'A' ) ).toBe( true );
		expect( select().getSessionId() ).toBeNull();
		expect(
			select()
				.getSessionList()
				.map( ( s ) => s.session_id )
		).toEqual( [ 'B' ] );
	} );

	it( 'a missing session is mpcc_not_found', async () => {
		const { dispatch, select } = makeRegistry();
		expect( await dispatch().loadSession( 'nope' ) ).toBe( false );
		expect( select().getRequestError( 'load' )?.code ).toBe(
			'mpcc_not_found'
		);
	} );

	it( "openPostSession loads the post's session, or starts one bound to the post", async () => {
		const { dispatch, select } = makeRegistry();
		bridge.addSession( {
			session_id: 'P',
			title: 'About post 12',
			post_id: 12,
		} );
		await dispatch().openPostSession( 12, 'mpcs-lesson' );
		expect( select().getSessionId() ).toBe( 'P' );
		expect( select().getPostId() ).toBe( 12 );
		expect( select().getPostType() ).toBe( 'mpcs-lesson' );
		expect(
			bridge.callsOf( 'mpcc_list_sessions' )[ 0 ]?.fields.post_id
		).toBe( '12' );
		// Same post again: nothing to do.
		await dispatch().openPostSession( 12, 'mpcs-lesson' );
		expect( bridge.callsOf( 'mpcc_list_sessions' ) ).toHaveLength( 1 );
		await dispatch().openPostSession( 13, 'mpcs-course' );
		expect( select().getSessionId() ).toBeNull();
		expect( select().getPostId() ).toBe( 13 );
		await dispatch().setSessionTitle( 'Notes' );
		await dispatch().save();
		const saved = JSON.parse(
			bridge.callsOf( 'mpcc_auto_save_session' )[ 0 ]!.fields
				.session_data!
		);
		expect( saved.post_id ).toBe( 13 );
	} );

	it( 'startSession saves the current one first', async () => {
		const { dispatch, select } = makeRegistry();
		bridge.addSession( { session_id: 'A', title: 'First' } );
		await dispatch().loadSession( 'A' );
		await dispatch().setSessionTitle( 'Changed' );
		await dispatch().startSession();
		expect( bridge.sessions.get( 'A' )?.title ).toBe( 'Changed' );
		expect( select().getSessionId() ).toBeNull();
		expect( select().getSessionTitle() ).toBe( '' );
	} );
} );
