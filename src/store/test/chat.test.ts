/** Thunks of `mpcc/session`: The course editor chat: streamed replies, Stop, Retry. */
import { flushPromises } from './fake-bridge';
import { makeRegistry } from './helpers';
import { bridge, outline, streamFor } from './thunk-env';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

describe( 'chat', () => {
	it( 'shows the user message at once, streams the reply, and adopts session id and revision', async () => {
		const { dispatch, select } = makeRegistry();
		const stream = streamFor( 'mpcc_chat_message' );
		const done = dispatch().sendMessage( '  A course about bread  ' );
		await flushPromises();
		expect( select().getMessages() ).toEqual( [
			expect.objectContaining( {
				role: 'user',
				content: 'A course about bread',
			} ),
		] );
		expect( select().getRequestStatus( 'chat' ) ).toBe( 'requesting' );
		stream.current!.event( 'delta', { text: 'Here is ' } );
		stream.current!.event( 'delta', { text: 'a plan' } );
		await flushPromises();
		expect( select().getStreamingText() ).toBe( 'Here is a plan' );
		expect( select().getRequestStatus( 'chat' ) ).toBe( 'streaming' );
		const structure = outline( [
			{
				id: 's1',
				title: 'Dough',
				lessons: [ { id: 'l1', title: 'Flour' } ],
			},
		] );
		stream.current!.event( 'structure', {
			course_structure: structure,
			conversation_state: 'course_structure',
		} );
		stream.current!.event( 'done', {
			message: 'Here is a plan',
			course_structure: structure,
			session_id: 'new-1',
			conversation_state: 'course_structure',
			revision: 2,
			demo: true,
		} );
		stream.current!.end();
		expect( await done ).toBe( true );
		expect( select().getSessionId() ).toBe( 'new-1' );
		expect( select().getRevision() ).toBe( 2 );
		expect( select().isDemo() ).toBe( true );
		expect( select().getCourseStructure() ).toEqual( structure );
		// The same structure in `structure` and `done` is one undo step, not two.
		expect( select().canUndo() ).toBe( true );
		await dispatch().undo();
		expect( select().getCourseStructure() ).toBeNull();
		expect(
			select()
				.getMessages()
				.map( ( m ) => m.role )
		).toEqual( [ 'user', 'assistant' ] );
		const call = bridge.callsOf( 'mpcc_chat_message' )[ 0 ]!;
		expect( call.fields ).toMatchObject( {
			nonce: 'n-editor',
			stream: '1',
			message: 'A course about bread',
		} );
		expect( call.fields.session_id ).toBeUndefined();
	} );

	it( "keeps the user's edits made while the reply streams (merge by id)", async () => {
		const { dispatch, select } = makeRegistry();
		bridge.addSession( {
			session_id: 'S',
			course_structure: outline( [
				{ id: 's1', title: 'Dough', lessons: [] },
			] ),
		} );
		await dispatch().loadSession( 'S' );
		const stream = streamFor( 'mpcc_chat_message' );
		const done = dispatch().sendMessage( 'Add an oven section' );
		await flushPromises();
		await dispatch().renameSection( 's1', 'My dough' );
		const added = await dispatch().addLesson( 's1', {
			title: 'My lesson',
		} );
		stream.current!.event( 'done', {
			message: 'ok',
			course_structure: outline( [
				{
					id: 's1',
					title: 'AI dough',
					lessons: [ { id: 'l9', title: 'AI lesson' } ],
				},
				{ id: 's2', title: 'Oven', lessons: [] },
			] ),
			session_id: 'S',
			conversation_state: 'course_structure',
			revision: 2,
		} );
		stream.current!.end();
		await done;
		const sections = select().getSections();
		expect( sections.map( ( s ) => s.title ) ).toEqual( [
			'My dough',
			'Oven',
		] );
		expect( sections[ 0 ]?.lessons.map( ( l ) => l.id ) ).toEqual( [
			added.lesson.id,
			'l9',
		] ); // no local predecessor: first
		expect( select().hasUnsavedChanges() ).toBe( true );
	} );

	it( 'saves pending edits before sending, so the AI sees them', async () => {
		const { dispatch } = makeRegistry();
		bridge.addSession( {
			session_id: 'S',
			course_structure: outline( [
				{ id: 's1', title: 'Dough', lessons: [] },
			] ),
		} );
		await dispatch().loadSession( 'S' );
		await dispatch().renameSection( 's1', 'Edited' );
		await dispatch().sendMessage( 'hi' );
		expect( bridge.calls.map( ( c ) => c.action ) ).toEqual( [
			'mpcc_load_session',
			'mpcc_auto_save_session',
			'mpcc_chat_message',
		] );
	} );

	it( 'stop closes the stream; retry resends the same message without a duplicate', async () => {
		const { dispatch, select } = makeRegistry();
		const stream = streamFor( 'mpcc_chat_message' );
		const done = dispatch().sendMessage( 'Outline please' );
		await flushPromises();
		stream.current!.event( 'delta', { text: 'Partial' } );
		await flushPromises();
		await dispatch().stopMessage();
		expect( await done ).toBe( false );
		expect( select().getStreamingText() ).toBeNull();
		expect( select().getRequestStatus( 'chat' ) ).toBe( 'init' );
		expect( select().getRetryableMessage()?.content ).toBe(
			'Outline please'
		);
		bridge.handlers.delete( 'mpcc_chat_message' );
		expect( await dispatch().retryMessage() ).toBe( true );
		expect(
			select()
				.getMessages()
				.map( ( m ) => [ m.role, m.content, !! m.failed ] )
		).toEqual( [
			[ 'user', 'Outline please', false ],
			[ 'assistant', 'Echo: Outline please', false ],
		] );
		expect( await dispatch().retryMessage() ).toBe( false );
	} );

	it( 'an error event fails the request with a translated message; rate limits carry retry_after', async () => {
		const { dispatch, select } = makeRegistry();
		const stream = streamFor( 'mpcc_chat_message' );
		const done = dispatch().sendMessage( 'x' );
		await flushPromises();
		stream.current!.event( 'error', {
			code: 'mpcc_rate_limited',
			message: 'slow down',
			retry_after: 30,
		} );
		expect( await done ).toBe( false );
		expect( select().getRequestError( 'chat' ) ).toEqual( {
			code: 'mpcc_rate_limited',
			message: 'Too many requests right now.',
			status: 0,
			retryAfter: 30,
		} );
		expect( select().getRetryableMessage() ).not.toBeNull();
	} );

	it( 'a stream that ends without done is an error, not a hang', async () => {
		const { dispatch, select } = makeRegistry();
		const stream = streamFor( 'mpcc_chat_message' );
		const done = dispatch().sendMessage( 'x' );
		await flushPromises();
		stream.current!.event( 'delta', { text: 'cut' } );
		stream.current!.end();
		expect( await done ).toBe( false );
		expect( select().getRequestError( 'chat' )?.code ).toBe(
			'mpcc_bad_response'
		);
	} );

	it( 'an expired nonce sets the session-expired state', async () => {
		const { dispatch, select } = makeRegistry();
		bridge.failures.set( 'mpcc_chat_message', {
			status: 403,
			code: 'mpcc_invalid_nonce',
		} );
		await dispatch().sendMessage( 'x' );
		expect( select().isSessionExpired() ).toBe( true );
		expect( select().getRequestError( 'chat' )?.message ).toBe(
			'Your session expired.'
		);
	} );

	it( 'offline gives the offline error', async () => {
		const { dispatch, select } = makeRegistry();
		bridge.offline = true;
		await dispatch().sendMessage( 'x' );
		expect( select().getRequestError( 'chat' )?.code ).toBe(
			'mpcc_offline'
		);
	} );
} );
