/** Auto-save: timing, page leave, offline and expiry, attaching. */
import { attachAutoSave } from '..';
import { backupKey, readBackup } from '../persistence/backup';
import { backoffDelay } from '../persistence/retry';
import { bridge, detachNow, noticesStore, saves, setup } from './autosave-env';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

describe( 'auto-save', () => {
	it( '100 edits within 2 s make one request, with the latest state', async () => {
		const { dispatch, select } = await setup();
		const start = Date.now();
		for ( let i = 1; i <= 100; i++ ) {
			dispatch().renameSection( 's1', `Title ${ i }` );
			await jest.advanceTimersByTimeAsync( 19 );
		}
		const lastEdit = Date.now() - 19;
		expect( saves() ).toHaveLength( 0 );
		await jest.advanceTimersByTimeAsync( 2_000 );
		expect( saves() ).toHaveLength( 1 );
		const sent = JSON.parse( saves()[ 0 ]?.fields.session_data ?? '{}' );
		expect( sent.course_structure.sections[ 0 ].title ).toBe( 'Title 100' );
		expect( saves()[ 0 ]?.fields ).toMatchObject( {
			nonce: 'n-autosave',
			session_id: 'S1',
			revision: '1',
		} );
		expect( select().getSaveStatus() ).toBe( 'idle' );
		expect( select().getRevision() ).toBe( 2 );
		// Saved 2 s after the last edit (edits took 1.9 s from start).
		expect( select().getLastSavedAt() ).toBe( lastEdit + 2_000 );
		expect( lastEdit - start ).toBeLessThan( 2_000 );
	} );

	it( 'idle makes no requests', async () => {
		await setup();
		await jest.advanceTimersByTimeAsync( 5 * 60_000 );
		expect( bridge.calls ).toHaveLength( 0 );
	} );

	it( 'continuous typing still saves every 10 s (maxWait)', async () => {
		const { dispatch } = await setup();
		for ( let i = 0; i < 250; i++ ) {
			dispatch().setCourseTitle( `t${ i }` );
			await jest.advanceTimersByTimeAsync( 100 );
		}
		// 25 s of typing: saves at ~10 s and ~20 s, then one after the typing stops.
		expect( saves() ).toHaveLength( 2 );
		await jest.advanceTimersByTimeAsync( 2_000 );
		expect( saves() ).toHaveLength( 3 );
	} );

	it( 'one request in flight: the next waits for it and sends the latest state', async () => {
		const { dispatch, select } = await setup();
		bridge.pause( 'mpcc_auto_save_session' );
		dispatch().renameSection( 's1', 'A' );
		await jest.advanceTimersByTimeAsync( 2_000 );
		expect( saves() ).toHaveLength( 1 );
		expect( select().getSaveStatus() ).toBe( 'saving' );
		dispatch().renameSection( 's1', 'B' );
		await jest.advanceTimersByTimeAsync( 2_000 );
		dispatch().renameSection( 's1', 'C' );
		await jest.advanceTimersByTimeAsync( 12_000 );
		expect( saves() ).toHaveLength( 1 );
		bridge.resume( 'mpcc_auto_save_session' );
		await jest.advanceTimersByTimeAsync( 0 );
		expect( saves() ).toHaveLength( 2 );
		const second = JSON.parse( saves()[ 1 ]?.fields.session_data ?? '{}' );
		expect( second.course_structure.sections[ 0 ].title ).toBe( 'C' );
		expect( saves()[ 1 ]?.fields.revision ).toBe( '2' );
		expect( select().getSaveStatus() ).toBe( 'idle' );
	} );

	it( 'pagehide flushes at once with fetch keepalive and writes the backup synchronously', async () => {
		const { dispatch } = await setup();
		dispatch().renameSection( 's1', 'Closing' );
		window.dispatchEvent( new Event( 'pagehide' ) );
		const key = backupKey( { sessionId: 'S1', postId: null } );
		expect(
			readBackup( key )?.data.course_structure?.sections[ 0 ]?.title
		).toBe( 'Closing' );
		expect( saves() ).toHaveLength( 1 );
		expect( saves()[ 0 ] ).toMatchObject( {
			via: 'fetch',
			keepalive: true,
		} );
		await jest.advanceTimersByTimeAsync( 0 );
		expect(
			bridge.sessions.get( 'S1' )?.course_structure?.sections[ 0 ]?.title
		).toBe( 'Closing' );
		expect( readBackup( key ) ).toBeNull();
		// Nothing left for the debounce to send.
		await jest.advanceTimersByTimeAsync( 10_000 );
		expect( saves() ).toHaveLength( 1 );
	} );

	it( 'a hidden tab flushes too; a clean page sends nothing', async () => {
		const { dispatch } = await setup();
		Object.defineProperty( document, 'visibilityState', {
			configurable: true,
			get: () => 'hidden',
		} );
		document.dispatchEvent( new Event( 'visibilitychange' ) );
		expect( saves() ).toHaveLength( 0 );
		dispatch().addSection( { title: 'New' } );
		document.dispatchEvent( new Event( 'visibilitychange' ) );
		expect( saves() ).toHaveLength( 1 );
		Object.defineProperty( document, 'visibilityState', {
			configurable: true,
			get: () => 'visible',
		} );
	} );
	it( 'offline: keeps the backup, shows offline, retries with backoff, and at once when online', async () => {
		const { dispatch, select } = await setup();
		bridge.offline = true;
		dispatch().renameSection( 's1', 'Offline edit' );
		await jest.advanceTimersByTimeAsync( 2_000 );
		expect( select().getSaveStatus() ).toBe( 'offline' );
		expect( select().getSaveError()?.message ).toBe(
			'Offline — kept on this device.'
		);
		const key = backupKey( { sessionId: 'S1', postId: null } );
		expect(
			readBackup( key )?.data.course_structure?.sections[ 0 ]?.title
		).toBe( 'Offline edit' );
		expect( saves() ).toHaveLength( 1 );
		await jest.advanceTimersByTimeAsync( backoffDelay( 1 ) );
		expect( saves() ).toHaveLength( 2 );
		await jest.advanceTimersByTimeAsync( backoffDelay( 2 ) - 1 );
		expect( saves() ).toHaveLength( 2 );
		await jest.advanceTimersByTimeAsync( 1 );
		expect( saves() ).toHaveLength( 3 );
		bridge.offline = false;
		window.dispatchEvent( new Event( 'online' ) );
		await jest.advanceTimersByTimeAsync( 0 );
		expect( saves() ).toHaveLength( 4 );
		expect( select().getSaveStatus() ).toBe( 'idle' );
		expect( readBackup( key ) ).toBeNull();
	} );

	it( '5xx is retried like offline; 400 is not', async () => {
		const { dispatch, select } = await setup();
		bridge.failures.set( 'mpcc_auto_save_session', {
			status: 503,
			code: 'mpcc_database_error',
		} );
		dispatch().renameSection( 's1', 'x' );
		await jest.advanceTimersByTimeAsync( 2_000 );
		expect( select().getSaveStatus() ).toBe( 'offline' );
		bridge.failures.set( 'mpcc_auto_save_session', {
			status: 400,
			code: 'mpcc_invalid_parameter',
		} );
		await jest.advanceTimersByTimeAsync( backoffDelay( 1 ) );
		expect( select().getSaveStatus() ).toBe( 'error' );
		const count = saves().length;
		await jest.advanceTimersByTimeAsync( 120_000 );
		expect( saves() ).toHaveLength( count );
	} );

	it( 'an expired nonce stops saving, keeps the backup and says to reload', async () => {
		const { registry, dispatch, select } = await setup();
		bridge.failures.set( 'mpcc_auto_save_session', {
			status: 403,
			code: 'mpcc_invalid_nonce',
		} );
		dispatch().renameSection( 's1', 'x' );
		await jest.advanceTimersByTimeAsync( 2_000 );
		expect( select().isSessionExpired() ).toBe( true );
		expect( select().getSaveError()?.code ).toBe( 'mpcc_invalid_nonce' );
		expect(
			registry.select( noticesStore ).getNotices()[ 0 ]?.actions?.[ 0 ]
				?.label
		).toBe( 'Reload' );
		expect(
			readBackup( backupKey( { sessionId: 'S1', postId: null } ) )
		).not.toBeNull();
		dispatch().renameSection( 's1', 'y' );
		await jest.advanceTimersByTimeAsync( 60_000 );
		expect( saves() ).toHaveLength( 1 );
	} );

	it( 'a new session gets its id from the first save and its backup moves with it', async () => {
		const { dispatch, select } = await setup( { withSession: false } );
		dispatch().setCourseTitle( 'Fresh' );
		await jest.advanceTimersByTimeAsync( 500 );
		expect(
			readBackup( backupKey( { sessionId: null, postId: null } ) )
		).not.toBeNull();
		await jest.advanceTimersByTimeAsync( 2_000 );
		expect( saves()[ 0 ]?.fields.session_id ).toBe( '' );
		expect( select().getSessionId() ).toMatch( /^sess-/ );
		expect( localStorage.length ).toBe( 0 );
	} );

	it( 'waits while a chat reply is changing the session, then saves', async () => {
		const { dispatch, select } = await setup();
		bridge.pause( 'mpcc_chat_message' );
		const sent = dispatch().sendMessage( 'Add a section' );
		await jest.advanceTimersByTimeAsync( 0 );
		dispatch().renameSection( 's1', 'During reply' );
		await jest.advanceTimersByTimeAsync( 15_000 );
		expect( saves() ).toHaveLength( 0 );
		bridge.resume( 'mpcc_chat_message' );
		await sent;
		expect( select().getRevision() ).toBe( 2 );
		await jest.advanceTimersByTimeAsync( 2_000 );
		expect( saves() ).toHaveLength( 1 );
		expect( saves()[ 0 ]?.fields.revision ).toBe( '2' );
		expect( select().getSaveStatus() ).toBe( 'idle' );
	} );

	it( 'detaching flushes what is pending; attaching twice shares one saver', async () => {
		const { registry, dispatch } = await setup();
		const second = attachAutoSave( registry );
		dispatch().renameSection( 's1', 'x' );
		second();
		expect( saves() ).toHaveLength( 0 );
		detachNow();
		expect( saves() ).toHaveLength( 1 );
	} );
} );
