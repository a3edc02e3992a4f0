/**
 * Auto-save with a real registry and fake timers; only the network (apiFetch / fetch) is fake.
 */
import { attachAutoSave } from '..';
import { backupKey, readBackup, writeBackup } from '../persistence/backup';
import { backoffDelay } from '../persistence/retry';
import { FakeBridge, installBridge } from './fake-bridge';
import {
	makeRegistry,
	noticesStore as loadNoticesStore,
	setConfig,
} from './helpers';

const noticesStore = loadNoticesStore();

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

let bridge: FakeBridge;
let detach: ( () => void ) | null = null;

beforeEach( () => {
	jest.useFakeTimers();
	jest.setSystemTime( new Date( '2026-03-01T10:00:00Z' ) );
	setConfig();
	localStorage.clear();
	bridge = new FakeBridge();
	installBridge( bridge );
} );

afterEach( () => {
	detach?.();
	detach = null;
	jest.useRealTimers();
} );

async function setup( { withSession = true } = {} ) {
	const env = makeRegistry( noticesStore );
	if ( withSession ) {
		const server = bridge.addSession( {
			session_id: 'S1',
			course_structure: {
				title: 'C',
				description: '',
				sections: [ { id: 's1', title: 'One', lessons: [] } ],
			},
		} );
		await env.dispatch().loadSession( server.session_id );
		bridge.calls = [];
	}
	detach = attachAutoSave( env.registry );
	return env;
}

const saves = () => bridge.callsOf( 'mpcc_auto_save_session' );

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

	it( 'restores a newer backup on load, with a notice, and saves it', async () => {
		const server = bridge.addSession( {
			session_id: 'S2',
			title: 'Server',
			revision: 4,
			updated_at: '2026-03-01T09:00:00Z',
		} );
		writeBackup( backupKey( { sessionId: 'S2', postId: null } ), {
			v: 1,
			savedAt: Date.now() - 1000,
			revision: 4,
			sessionId: 'S2',
			postId: null,
			inFlight: false,
			data: { ...server, title: 'Local unsaved' },
		} );
		const { registry, dispatch, select } = await setup( {
			withSession: false,
		} );
		await dispatch().loadSession( 'S2' );
		expect( select().getSessionTitle() ).toBe( 'Local unsaved' );
		expect( select().wasRestoredFromBackup() ).toBe( true );
		expect(
			registry
				.select( noticesStore )
				.getNotices()
				.map( ( n ) => n.id )
		).toContain( 'mpcc-restored-backup' );
		await jest.advanceTimersByTimeAsync( 2_000 );
		expect( bridge.sessions.get( 'S2' )?.title ).toBe( 'Local unsaved' );
		expect(
			readBackup( backupKey( { sessionId: 'S2', postId: null } ) )
		).toBeNull();
	} );

	it( 'drops a backup the server already has, or one older than the server copy', async () => {
		const same = bridge.addSession( { session_id: 'S3', revision: 2 } );
		writeBackup( backupKey( { sessionId: 'S3', postId: null } ), {
			v: 1,
			savedAt: Date.now(),
			revision: 2,
			sessionId: 'S3',
			postId: null,
			inFlight: false,
			data: same,
		} );
		bridge.addSession( {
			session_id: 'S4',
			revision: 9,
			updated_at: '2026-03-01T10:00:00Z',
		} );
		writeBackup( backupKey( { sessionId: 'S4', postId: null } ), {
			v: 1,
			savedAt: Date.now() - 60_000,
			revision: 3,
			sessionId: 'S4',
			postId: null,
			inFlight: false,
			data: { ...same, title: 'old' },
		} );
		const { dispatch, select } = await setup( { withSession: false } );
		await dispatch().loadSession( 'S3' );
		expect( select().wasRestoredFromBackup() ).toBe( false );
		await dispatch().loadSession( 'S4' );
		expect( select().wasRestoredFromBackup() ).toBe( false );
		expect( select().getSessionTitle() ).toBe( 'Server title' );
		expect( localStorage.length ).toBe( 0 );
	} );

	it( 'a save that was in flight when the page closed counts as ours on restore', async () => {
		const server = bridge.addSession( { session_id: 'S5', revision: 6 } );
		writeBackup( backupKey( { sessionId: 'S5', postId: null } ), {
			v: 1,
			savedAt: Date.now(),
			revision: 5,
			sessionId: 'S5',
			postId: null,
			inFlight: true,
			data: { ...server, title: 'After in-flight' },
		} );
		const { dispatch, select } = await setup( { withSession: false } );
		await dispatch().loadSession( 'S5' );
		expect( select().getSessionTitle() ).toBe( 'After in-flight' );
		await jest.advanceTimersByTimeAsync( 2_000 );
		expect( select().getSaveStatus() ).toBe( 'idle' );
		expect( bridge.sessions.get( 'S5' )?.revision ).toBe( 7 );
	} );

	it( '409: conflict status with the server copy; "keep mine" resends on the server revision', async () => {
		const { registry, dispatch, select } = await setup();
		const other = bridge.sessions.get( 'S1' );
		// The other tab renamed the same section: a real collision (others are merged, see author-work-kept).
		bridge.sessions.set( 'S1', {
			...other!,
			title: 'Other tab',
			course_structure: {
				...other!.course_structure!,
				sections: [ { id: 's1', title: 'Theirs', lessons: [] } ],
			},
			revision: 5,
		} );
		dispatch().renameSection( 's1', 'Mine' );
		await jest.advanceTimersByTimeAsync( 2_000 );
		expect( select().getSaveStatus() ).toBe( 'conflict' );
		expect( select().getConflict()?.title ).toBe( 'Other tab' );
		expect(
			registry
				.select( noticesStore )
				.getNotices()
				.map( ( n ) => n.id )
		).toContain( 'mpcc-save-conflict' );
		// Conflict holds further saves until the user chooses.
		dispatch().renameSection( 's1', 'Mine 2' );
		await jest.advanceTimersByTimeAsync( 15_000 );
		expect( saves() ).toHaveLength( 1 );
		await dispatch().resolveConflict( 'mine' );
		expect( saves() ).toHaveLength( 2 );
		expect( saves()[ 1 ]?.fields.revision ).toBe( '5' );
		expect( select().getSaveStatus() ).toBe( 'idle' );
		expect(
			bridge.sessions.get( 'S1' )?.course_structure?.sections[ 0 ]?.title
		).toBe( 'Mine 2' );
		expect( registry.select( noticesStore ).getNotices() ).toHaveLength(
			0
		);
	} );

	it( '409: "use the saved version" replaces the local copy', async () => {
		const { dispatch, select } = await setup();
		const other = bridge.sessions.get( 'S1' )!;
		bridge.sessions.set( 'S1', {
			...other,
			title: 'Other tab',
			course_structure: {
				...other.course_structure!,
				sections: [ { id: 's1', title: 'Theirs', lessons: [] } ],
			},
			revision: 5,
		} );
		dispatch().renameSection( 's1', 'Mine' );
		await jest.advanceTimersByTimeAsync( 2_000 );
		await dispatch().resolveConflict( 'theirs' );
		expect( select().getSessionTitle() ).toBe( 'Other tab' );
		expect( select().getRevision() ).toBe( 5 );
		expect( select().getSaveStatus() ).toBe( 'idle' );
		expect( select().getSections()[ 0 ]?.title ).toBe( 'Theirs' );
	} );

	it( '409 with the same content (e.g. after a chat reply) is adopted silently', async () => {
		const { dispatch, select } = await setup();
		dispatch().renameSection( 's1', 'Same' );
		const current = bridge.sessions.get( 'S1' )!;
		bridge.sessions.set( 'S1', {
			...current,
			revision: 3,
			course_structure: select().getCourseStructure(),
		} );
		await jest.advanceTimersByTimeAsync( 2_000 );
		expect( select().getSaveStatus() ).toBe( 'idle' );
		expect( select().getRevision() ).toBe( 3 );
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
		detach?.();
		detach = null;
		expect( saves() ).toHaveLength( 1 );
	} );
} );
