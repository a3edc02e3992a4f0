import reducer, {
	INITIAL_OUTLINE,
	INITIAL_SESSION,
	outline,
	requests,
	save,
	session,
	sessions,
	ui,
	content,
	expired,
	INITIAL_SESSION_LIST,
} from '../reducers';
import { HISTORY_LIMIT, INITIAL_SAVE, INITIAL_UI } from '../constants';
import type {
	Action,
	CourseStructure,
	OutlineState,
	ServerSession,
} from '../types';

const course = (): CourseStructure => ( {
	title: 'Bread',
	description: 'Baking',
	sections: [
		{
			id: 's1',
			title: 'Dough',
			lessons: [
				{ id: 'l1', title: 'Flour' },
				{ id: 'l2', title: 'Water' },
			],
		},
		{ id: 's2', title: 'Oven', lessons: [ { id: 'l3', title: 'Heat' } ] },
	],
} );

const server = ( extra: Partial< ServerSession > = {} ): ServerSession => ( {
	session_id: 'abc',
	title: 'T',
	messages: [ { role: 'user', content: 'hi' } ],
	course_structure: course(),
	conversation_state: 'course_structure',
	revision: 3,
	updated_at: '2026-01-01T00:00:00Z',
	...extra,
} );

const withCourse = (): OutlineState =>
	outline( undefined, { type: 'RECEIVE_SESSION', session: server() } );
const run = ( state: OutlineState, ...actions: Action[] ) =>
	actions.reduce( outline, state );

describe( 'session reducer', () => {
	it( 'RESET_SESSION binds the post and clears everything else', () => {
		const state = session(
			{ ...INITIAL_SESSION, id: 'x', title: 'old' },
			{
				type: 'RESET_SESSION',
				postId: 5,
				postType: 'mpcs-lesson',
				title: '',
			}
		);
		expect( state ).toEqual( {
			...INITIAL_SESSION,
			postId: 5,
			postType: 'mpcs-lesson',
		} );
	} );
	it( 'RECEIVE_SESSION takes the server copy', () => {
		const state = session( undefined, {
			type: 'RECEIVE_SESSION',
			session: server( { created_course_id: 9 } ),
		} );
		expect( state ).toMatchObject( {
			id: 'abc',
			title: 'T',
			revision: 3,
			conversationState: 'course_structure',
		} );
		expect( state.createdCourse?.courseId ).toBe( 9 );
	} );
	it( 'RECEIVE_SESSION keeps the suggestions on the replies that made them; none is pending', () => {
		const suggestion = {
			id: 's1',
			label: 'Set the title',
			type: 'set_title' as const,
			title: 'Aperture',
		};
		// As the bridge stores it: the suggestions ride on the reply that made them.
		const reply = {
			role: 'assistant' as const,
			content: 'Try this.',
			suggestions: [ suggestion ],
		};
		const withReply = session( undefined, {
			type: 'RECEIVE_SESSION',
			session: server( {
				messages: [ { role: 'user', content: 'title?' }, reply ],
			} ),
		} );
		expect( withReply.suggestions ).toEqual( [] );
		expect( withReply.messages[ 1 ]?.suggestions ).toEqual( [
			suggestion,
		] );
	} );
	it( 'ADD_USER_MESSAGE appends; MARK_MESSAGE_FAILED flags and unflags the last user message', () => {
		let state = session( undefined, {
			type: 'ADD_USER_MESSAGE',
			message: { role: 'user', content: 'q' },
		} );
		state = session( state, { type: 'MARK_MESSAGE_FAILED', failed: true } );
		expect( state.messages[ 0 ]?.failed ).toBe( true );
		const same = session( state, {
			type: 'MARK_MESSAGE_FAILED',
			failed: true,
		} );
		expect( same ).toBe( state );
		state = session( state, {
			type: 'MARK_MESSAGE_FAILED',
			failed: false,
		} );
		expect( state.messages[ 0 ] ).toEqual( { role: 'user', content: 'q' } );
	} );
	it( 'STREAM_DELTA accumulates, RECEIVE_REPLY turns it into a message and adopts id and revision', () => {
		let state = session( undefined, { type: 'STREAM_DELTA', text: 'Hel' } );
		state = session( state, { type: 'STREAM_DELTA', text: 'lo' } );
		expect( state.streamingText ).toBe( 'Hello' );
		state = session( state, {
			type: 'RECEIVE_REPLY',
			message: 'Hello',
			sessionId: 'n1',
			revision: 4,
			conversationState: 'course_structure',
			demo: true,
		} );
		expect( state ).toMatchObject( {
			id: 'n1',
			revision: 4,
			streamingText: null,
			demo: true,
			conversationState: 'course_structure',
		} );
		expect( state.messages ).toEqual( [
			{ role: 'assistant', content: 'Hello', demo: true },
		] );
		expect( session( state, { type: 'STREAM_RESET' } ) ).toBe( state );
	} );
	it( 'SAVE_SUCCESS sets revision and a new id only when there was none', () => {
		const state = session(
			{ ...INITIAL_SESSION, id: 'keep' },
			{
				type: 'SAVE_SUCCESS',
				seq: 1,
				editSeq: 0,
				revision: 8,
				sessionId: 'other',
				time: 1,
			}
		);
		expect( state ).toMatchObject( { id: 'keep', revision: 8 } );
		expect(
			session( INITIAL_SESSION, {
				type: 'SAVE_SUCCESS',
				seq: 1,
				editSeq: 0,
				revision: 1,
				sessionId: 'new',
				time: 1,
			} ).id
		).toBe( 'new' );
	} );
	it( 'suggestions, title, course created, restore', () => {
		let state = session( undefined, {
			type: 'RECEIVE_SUGGESTIONS',
			suggestions: [
				{ id: 'a', label: 'A', type: 'set_title', title: 'X' },
			],
		} );
		state = session( state, { type: 'REMOVE_SUGGESTION', id: 'a' } );
		expect( state.suggestions ).toEqual( [] );
		state = session( state, { type: 'SET_SESSION_TITLE', title: 'New' } );
		expect(
			session( state, { type: 'SET_SESSION_TITLE', title: 'New' } )
		).toBe( state );
		state = session( state, {
			type: 'COURSE_CREATED',
			course: {
				courseId: 1,
				editUrl: '',
				previewUrl: '',
				sectionsCreated: 1,
				lessonsCreated: 1,
			},
		} );
		expect( state.conversationState ).toBe( 'created' );
		state = session( state, {
			type: 'RESTORE_BACKUP',
			data: {
				title: 'B',
				messages: [],
				course_structure: null,
				conversation_state: 'initial',
			},
			revision: 5,
			sessionId: 'z',
			savedAt: 1,
			server: null,
		} );
		expect( state ).toMatchObject( { title: 'B', revision: 5, id: 'z' } );
		expect(
			session( state, { type: 'ADOPT_REVISION', revision: 6 } ).revision
		).toBe( 6 );
	} );
} );

describe( 'outline reducer', () => {
	it( 'RECEIVE_SESSION installs the structure with ids and empty history', () => {
		const state = outline( undefined, {
			type: 'RECEIVE_SESSION',
			session: server( {
				course_structure: {
					title: 'x',
					description: '',
					sections: [ { id: '', title: 'a', lessons: [] } ],
				},
			} ),
		} );
		expect( state.present?.sections[ 0 ]?.id ).toMatch( /^s-/ );
		expect( state.past ).toEqual( [] );
	} );
	it( 'RECEIVE_SESSION fills lesson content from lesson_drafts', () => {
		const state = outline( undefined, {
			type: 'RECEIVE_SESSION',
			session: server( {
				lesson_drafts: { l2: '<p>draft</p>', gone: 'x' },
			} ),
		} );
		expect( state.present?.sections[ 0 ]?.lessons[ 1 ]?.content ).toBe(
			'<p>draft</p>'
		);
		expect(
			state.present?.sections[ 0 ]?.lessons[ 0 ]?.content
		).toBeUndefined();
	} );
	it( 'adds, renames, moves and deletes sections and lessons, each an undo step with a mark', () => {
		let state = withCourse();
		state = run( state, {
			type: 'ADD_SECTION',
			section: { id: 's3', title: 'New', lessons: [] },
			index: 1,
		} );
		expect( state.present?.sections.map( ( s ) => s.id ) ).toEqual( [
			's1',
			's3',
			's2',
		] );
		state = run( state, {
			type: 'UPDATE_SECTION',
			id: 's3',
			changes: { title: 'Renamed' },
		} );
		state = run( state, { type: 'MOVE_SECTION', id: 's3', toIndex: 0 } );
		expect( state.present?.sections.map( ( s ) => s.title ) ).toEqual( [
			'Renamed',
			'Dough',
			'Oven',
		] );
		state = run( state, {
			type: 'ADD_LESSON',
			sectionId: 's3',
			lesson: { id: 'l9', title: 'L' },
		} );
		state = run( state, {
			type: 'MOVE_LESSON',
			id: 'l1',
			toSectionId: 's3',
			toIndex: 0,
		} );
		expect(
			state.present?.sections[ 0 ]?.lessons.map( ( l ) => l.id )
		).toEqual( [ 'l1', 'l9' ] );
		state = run( state, {
			type: 'UPDATE_LESSON',
			id: 'l9',
			changes: { title: 'L2', summary: 's' },
		} );
		state = run( state, { type: 'DELETE_LESSON', id: 'l2' } );
		state = run( state, { type: 'DELETE_SECTION', id: 's2' } );
		expect( state.present?.sections.map( ( s ) => s.id ) ).toEqual( [
			's3',
			's1',
		] );
		expect( state.past ).toHaveLength( 8 );
		expect( state.marks ).toMatchObject( {
			s3: { place: true, fields: [ 'title' ] },
			l1: { place: true },
			l9: { place: true, fields: [ 'summary', 'title' ] },
			l2: { deleted: true },
			s2: { deleted: true },
		} );
		state = run( state, {
			type: 'SET_COURSE_FIELD',
			field: 'title',
			value: 'Rye',
		} );
		expect( state.marks.course ).toMatchObject( { fields: [ 'title' ] } );
	} );
	it( 'no-op edits return the same state (no history, no mark)', () => {
		const state = withCourse();
		expect(
			run( state, {
				type: 'UPDATE_SECTION',
				id: 's1',
				changes: { title: 'Dough' },
			} )
		).toBe( state );
		expect(
			run( state, { type: 'MOVE_SECTION', id: 's1', toIndex: 0 } )
		).toBe( state );
		expect( run( state, { type: 'DELETE_LESSON', id: 'nope' } ) ).toBe(
			state
		);
		expect(
			run( state, {
				type: 'MOVE_LESSON',
				id: 'l1',
				toSectionId: 'nope',
				toIndex: 0,
			} )
		).toBe( state );
	} );
	it( 'typing into one title coalesces into one undo step', () => {
		let state = withCourse();
		for ( const title of [ 'D', 'Do', 'Dou', 'Doug' ] ) {
			state = run( state, {
				type: 'UPDATE_SECTION',
				id: 's1',
				changes: { title },
			} );
		}
		expect( state.past ).toHaveLength( 1 );
		state = run( state, { type: 'UNDO' } );
		expect( state.present?.sections[ 0 ]?.title ).toBe( 'Dough' );
	} );
	it( 'undo and redo walk the history; a new edit clears redo', () => {
		let state = run(
			withCourse(),
			{ type: 'DELETE_SECTION', id: 's1' },
			{ type: 'DELETE_SECTION', id: 's2' }
		);
		expect( state.present?.sections ).toHaveLength( 0 );
		state = run( state, { type: 'UNDO' } );
		expect( state.present?.sections.map( ( s ) => s.id ) ).toEqual( [
			's2',
		] );
		state = run( state, { type: 'UNDO' } );
		expect( state.present?.sections ).toHaveLength( 2 );
		expect( run( state, { type: 'UNDO' } ) ).toBe( state );
		state = run( state, { type: 'REDO' } );
		expect( state.present?.sections.map( ( s ) => s.id ) ).toEqual( [
			's2',
		] );
		state = run( state, {
			type: 'ADD_SECTION',
			section: { id: 'n', title: 'n', lessons: [] },
		} );
		expect( state.future ).toHaveLength( 0 );
		expect( run( state, { type: 'REDO' } ) ).toBe( state );
	} );
	it( `keeps at most ${ HISTORY_LIMIT } undo steps`, () => {
		let state = withCourse();
		for ( let i = 0; i < HISTORY_LIMIT + 20; i++ ) {
			state = run( state, {
				type: 'ADD_SECTION',
				section: { id: `x${ i }`, title: `${ i }`, lessons: [] },
			} );
		}
		expect( state.past ).toHaveLength( HISTORY_LIMIT );
		for ( let i = 0; i < HISTORY_LIMIT + 5; i++ ) {
			state = run( state, { type: 'UNDO' } );
		}
		expect( state.present?.sections ).toHaveLength( 2 + 20 );
	} );
	it( 'an AI structure is merged (and undoable); SAVE_SUCCESS clears marks up to the saved edit', () => {
		let state = run( withCourse(), {
			type: 'UPDATE_SECTION',
			id: 's1',
			changes: { title: 'Mine' },
		} );
		state = run( state, {
			type: 'RECEIVE_REPLY',
			message: '',
			demo: false,
			structure: {
				...course(),
				sections: [ { id: 's1', title: 'AI', lessons: [] } ],
			},
		} );
		expect( state.present?.sections ).toEqual( [
			{ id: 's1', title: 'Mine', lessons: [] },
		] );
		state = run( state, { type: 'UNDO' } );
		expect( state.present?.sections ).toHaveLength( 2 );
		state = run( state, {
			type: 'SAVE_SUCCESS',
			seq: 1,
			editSeq: state.editSeq,
			revision: 2,
			sessionId: 'a',
			time: 1,
		} );
		expect( state.marks ).toEqual( {} );
		expect(
			run( state, { type: 'RECEIVE_STRUCTURE', structure: null } )
		).toBe( state );
	} );
	it( 'SET_LESSON_CONTENT writes content without an undo step', () => {
		const state = run( withCourse(), {
			type: 'SET_LESSON_CONTENT',
			id: 'l1',
			content: '<p>x</p>',
		} );
		expect( state.present?.sections[ 0 ]?.lessons[ 0 ]?.content ).toBe(
			'<p>x</p>'
		);
		expect( state.past ).toHaveLength( 0 );
		expect(
			run( INITIAL_OUTLINE, {
				type: 'SET_LESSON_CONTENT',
				id: 'l1',
				content: 'x',
			} )
		).toBe( INITIAL_OUTLINE );
	} );
} );

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
		expect(
			save( edited, {
				type: 'SAVE_SUCCESS',
				seq: 2,
				editSeq: 0,
				revision: 1,
				sessionId: null,
				time: 5,
			} )
		).toMatchObject( { status: 'dirty', savedSeq: 2, lastSavedAt: 5 } );
		state = save( state, {
			type: 'SAVE_SUCCESS',
			seq: 2,
			editSeq: 0,
			revision: 1,
			sessionId: null,
			time: 5,
		} );
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
