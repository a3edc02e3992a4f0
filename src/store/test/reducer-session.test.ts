/** The session slice of `mpcc/session`. */
import { INITIAL_SESSION, session } from '../reducers';
import { server } from './reducer-fixtures';

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
