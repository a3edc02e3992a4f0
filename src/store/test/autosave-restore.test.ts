/** Auto-save: backups restored on load, and 409 conflicts. */
import { backupKey, readBackup, writeBackup } from '../persistence/backup';
import { bridge, noticesStore, saves, setup } from './autosave-env';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

describe( 'auto-save', () => {
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
} );
