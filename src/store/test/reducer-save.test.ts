/** The save and the other slices of `mpcc/session`. */
import reducer, {
	requests,
	save,
	sessions,
	ui,
	content,
	expired,
	INITIAL_SESSION_LIST,
} from '../reducers';
import { INITIAL_SAVE, INITIAL_UI } from '../constants';
import { server } from './reducer-fixtures';

describe( 'save reducer', () => {
	it( 'local edits make it dirty and count; no-server actions do not', () => {
		const state = save( undefined, {
			type: 'ADD_SECTION',
			section: { id: 'a', title: '', lessons: [] },
		} );
		expect( state ).toMatchObject( { status: 'dirty', seq: 1 } );
		expect( save( state, { type: 'TOGGLE_SECTION', id: 'a' } ) ).toBe(
			state
		);
		expect(
			save( state, {
				type: 'ADD_USER_MESSAGE',
				message: { role: 'user', content: 'x' },
			} )
		).toBe( state );
	} );
	it( 'start → success (idle, or dirty if edited meanwhile)', () => {
		let state = save(
			{ ...INITIAL_SAVE, seq: 2, status: 'dirty' },
			{ type: 'SAVE_START', seq: 2 }
		);
		expect( state ).toMatchObject( { status: 'saving', inFlightSeq: 2 } );
		const edited = save( state, { type: 'MARK_DIRTY' } );
		expect( edited.status ).toBe( 'saving' );
		const saved = {
			type: 'SAVE_SUCCESS',
			seq: 2,
			editSeq: 0,
			revision: 1,
			sessionId: null,
			time: 5,
		} as const;
		expect( save( edited, saved ) ).toMatchObject( {
			status: 'dirty',
			savedSeq: 2,
			lastSavedAt: 5,
		} );
		state = save( state, saved );
		expect( state ).toMatchObject( {
			status: 'idle',
			savedSeq: 2,
			inFlightSeq: null,
		} );
	} );
	it( 'failure: offline vs error, counting attempts; edits keep the offline status', () => {
		const error = {
			code: 'mpcc_offline' as const,
			message: 'm',
			status: 0,
		};
		let state = save(
			{ ...INITIAL_SAVE, seq: 1 },
			{ type: 'SAVE_FAILURE', error, offline: true }
		);
		expect( state ).toMatchObject( { status: 'offline', failures: 1 } );
		state = save( state, { type: 'MARK_DIRTY' } );
		expect( state.status ).toBe( 'offline' );
		state = save( state, {
			type: 'SAVE_FAILURE',
			error: { ...error, code: 'mpcc_invalid_parameter' },
			offline: false,
		} );
		expect( state ).toMatchObject( { status: 'error', failures: 2 } );
	} );
	it( 'conflict keeps the server copy until a revision is adopted', () => {
		let state = save(
			{ ...INITIAL_SAVE, seq: 1 },
			{
				type: 'SAVE_CONFLICT',
				server: server(),
				error: { code: 'mpcc_conflict', message: '', status: 409 },
			}
		);
		expect( state ).toMatchObject( {
			status: 'conflict',
			conflict: { session_id: 'abc' },
		} );
		expect( save( state, { type: 'MARK_DIRTY' } ).status ).toBe(
			'conflict'
		);
		state = save( state, { type: 'ADOPT_REVISION', revision: 3 } );
		expect( state ).toMatchObject( {
			status: 'dirty',
			conflict: null,
			seq: 2,
		} );
	} );
	it( 'restore marks dirty and remembers the server copy; reset clears', () => {
		let state = save( undefined, {
			type: 'RESTORE_BACKUP',
			data: {
				title: '',
				messages: [],
				course_structure: null,
				conversation_state: 'initial',
			},
			revision: 1,
			sessionId: null,
			savedAt: 9,
			server: null,
		} );
		expect( state ).toMatchObject( {
			status: 'dirty',
			seq: 1,
			restored: { savedAt: 9 },
		} );
		state = save( state, { type: 'DISMISS_RESTORED' } );
		expect( state.restored ).toBeNull();
		expect(
			save( state, {
				type: 'RESET_SESSION',
				postId: null,
				postType: null,
				title: '',
			} )
		).toBe( INITIAL_SAVE );
	} );
} );

describe( 'other slices', () => {
	it( 'ui: expanded sections, active lesson, cleaned on delete', () => {
		let state = ui( undefined, { type: 'TOGGLE_SECTION', id: 's1' } );
		expect(
			ui( state, { type: 'TOGGLE_SECTION', id: 's1', expanded: true } )
		).toBe( state );
		state = ui( state, { type: 'SET_ACTIVE_LESSON', id: 'l1' } );
		expect( state ).toEqual( {
			expandedSections: [ 's1' ],
			activeLessonId: 'l1',
		} );
		state = ui( state, { type: 'DELETE_SECTION', id: 's1' } );
		state = ui( state, { type: 'DELETE_LESSON', id: 'l1' } );
		expect( state ).toEqual( {
			expandedSections: [],
			activeLessonId: null,
		} );
		expect(
			ui( state, {
				type: 'RECEIVE_SESSION',
				session: server( {
					ui: { view: 'preview', expanded_sections: [ 's2' ] },
				} ),
			} )
		).toEqual( {
			expandedSections: [ 's2' ],
			activeLessonId: null,
		} );
		expect(
			ui( state, {
				type: 'RESET_SESSION',
				postId: null,
				postType: null,
				title: '',
			} )
		).toBe( INITIAL_UI );
	} );
	it( 'requests: start, streaming, success, failure, reset', () => {
		let state = requests( undefined, {
			type: 'REQUEST_START',
			key: 'chat',
		} );
		expect( state.chat.status ).toBe( 'requesting' );
		state = requests( state, { type: 'REQUEST_STREAMING', key: 'chat' } );
		expect( state.chat.status ).toBe( 'streaming' );
		expect(
			requests( state, { type: 'REQUEST_STREAMING', key: 'chat' } )
		).toBe( state );
		state = requests( state, {
			type: 'REQUEST_FAILURE',
			key: 'chat',
			error: { code: 'mpcc_general', message: 'm', status: 500 },
		} );
		expect( state.chat ).toMatchObject( {
			status: 'error',
			error: { code: 'mpcc_general' },
		} );
		state = requests( state, { type: 'REQUEST_SUCCESS', key: 'load' } );
		expect( state.load.status ).toBe( 'done' );
		state = requests( state, { type: 'REQUEST_RESET', key: 'chat' } );
		expect( state.chat.status ).toBe( 'init' );
	} );
	it( 'sessions list: receive, remove, update', () => {
		let state = sessions( undefined, {
			type: 'RECEIVE_SESSION_LIST',
			items: [
				{
					session_id: 'a',
					title: 'A',
					updated_at: '',
					conversation_state: 'initial',
				},
			],
			total: 1,
			query: INITIAL_SESSION_LIST.query,
		} );
		state = sessions( state, {
			type: 'UPDATE_SESSION_IN_LIST',
			sessionId: 'a',
			changes: { title: 'B' },
		} );
		expect( state.items[ 0 ]?.title ).toBe( 'B' );
		expect(
			sessions( state, {
				type: 'UPDATE_SESSION_IN_LIST',
				sessionId: 'zz',
				changes: {},
			} )
		).toBe( state );
		state = sessions( state, {
			type: 'REMOVE_SESSION_FROM_LIST',
			sessionId: 'a',
		} );
		expect( state ).toMatchObject( { items: [], total: 0 } );
	} );
	it( 'content progress and expiry', () => {
		let state = content( undefined, {
			type: 'CONTENT_PROGRESS',
			progress: {
				done: 0,
				total: 2,
				currentLessonId: 'l1',
				failed: [],
				streamingText: null,
			},
		} );
		state = content( state, { type: 'CONTENT_DELTA', text: 'ab' } );
		expect( state?.streamingText ).toBe( 'ab' );
		expect(
			content( state, {
				type: 'RESET_SESSION',
				postId: null,
				postType: null,
				title: '',
			} )
		).toBeNull();
		expect( expired( false, { type: 'SESSION_EXPIRED' } ) ).toBe( true );
	} );
	it( 'remembers what the latest reply said about the provider, across sessions', () => {
		let state = reducer( undefined, {
			type: 'RECEIVE_SESSION',
			session: server(),
		} );
		expect( state.lastReplyDemo ).toBeNull();
		state = reducer( state, {
			type: 'RECEIVE_REPLY',
			message: 'Real words',
			demo: false,
		} as Parameters< typeof reducer >[ 1 ] );
		expect( state.lastReplyDemo ).toBe( false );
		state = reducer( state, {
			type: 'RESET_SESSION',
			postId: null,
			postType: null,
			title: '',
		} );
		expect( state.lastReplyDemo ).toBe( false );
	} );
	it( 'the root reducer combines the slices', () => {
		const state = reducer( undefined, {
			type: 'RECEIVE_SESSION',
			session: server(),
		} );
		expect( Object.keys( state ).sort() ).toEqual( [
			'content',
			'expired',
			'lastReplyDemo',
			'outline',
			'requests',
			'save',
			'session',
			'sessions',
			'ui',
		] );
	} );
} );
