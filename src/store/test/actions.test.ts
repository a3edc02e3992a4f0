/**
 * Thunks against a real registry; the bridge behind apiFetch is fake (see fake-bridge.ts).
 */
import {
	FakeBridge,
	FakeStream,
	fakeResponse,
	flushPromises,
	installBridge,
} from './fake-bridge';
import { makeRegistry, setConfig } from './helpers';
import type { CourseStructure } from '../types';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

let bridge: FakeBridge;

beforeEach( () => {
	setConfig();
	localStorage.clear();
	bridge = new FakeBridge();
	installBridge( bridge );
} );

const outline = (
	sections: CourseStructure[ 'sections' ]
): CourseStructure => ( { title: 'Course', description: 'D', sections } );

/** Routes one action to a stream the test drives. */
function streamFor( action: string ): { current: FakeStream | null } {
	const ref: { current: FakeStream | null } = { current: null };
	bridge.handlers.set( action, ( _fields, _call, signal ) => {
		ref.current = new FakeStream( signal );
		return ref.current.response();
	} );
	return ref;
}

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

describe( 'sessions', () => {
	it( 'lists, loads, renames and deletes', async () => {
		const { dispatch, select, resolveSelect } = makeRegistry();
		bridge.addSession( { session_id: 'A', title: 'First' } );
		bridge.addSession( { session_id: 'B', title: 'Second' } );
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

describe( 'assistant sidebar', () => {
	it( 'sends the live editor context and stores suggestions', async () => {
		const { dispatch, select } = makeRegistry();
		await dispatch().openPostSession( 5, 'mpcs-lesson' );
		const stream = streamFor( 'mpcc_editor_ai_chat' );
		const context = {
			title: 'Lesson',
			content: '<!-- wp:paragraph --><p>Hi</p><!-- /wp:paragraph -->',
			selected_block: null,
		};
		const done = dispatch().sendAssistantMessage(
			'Improve the intro',
			context
		);
		await flushPromises();
		const suggestion = {
			id: 'g1',
			label: 'Better title',
			type: 'set_title' as const,
			title: 'Better',
		};
		stream.current!.event( 'suggestions', { suggestions: [ suggestion ] } );
		await flushPromises();
		expect( select().getSuggestions() ).toEqual( [ suggestion ] );
		stream.current!.event( 'done', {
			message: 'Done',
			suggestions: [ suggestion ],
			session_id: 'PS',
			context: {},
		} );
		expect( await done ).toBe( true );
		expect( select().getSessionId() ).toBe( 'PS' );
		const call = bridge.callsOf( 'mpcc_editor_ai_chat' )[ 0 ]!;
		expect( call.fields ).toMatchObject( {
			nonce: 'n-assistant',
			post_id: '5',
			post_type: 'mpcs-lesson',
			message: 'Improve the intro',
		} );
		expect( JSON.parse( call.fields.context! ) ).toEqual( context );
		await dispatch().dismissSuggestion( 'g1' );
		expect( select().getSuggestions() ).toEqual( [] );
	} );

	it( 'keeps every reply’s cards with their state and target in the session, across a new message and a reload', async () => {
		bridge.addSession( { session_id: 'PS', post_id: 5, revision: 1 } );
		const replace = {
			id: 's1',
			label: 'Rewrite the opening',
			type: 'replace_block' as const,
			content: '<!-- wp:paragraph --><p>New</p><!-- /wp:paragraph -->',
		};
		const title = {
			id: 's2',
			label: 'Better title',
			type: 'set_title' as const,
			title: 'Better',
		};
		const summary = {
			id: 's1',
			label: 'Add a summary',
			type: 'insert_blocks' as const,
			position: 'end' as const,
			content:
				'<!-- wp:paragraph --><p>In short</p><!-- /wp:paragraph -->',
		};
		// As the bridge does it: the exchange is stored with the reply's suggestions.
		const replies = [ [ replace, title ], [ summary ] ];
		bridge.handlers.set( 'mpcc_editor_ai_chat', ( fields ) => {
			const session = bridge.sessions.get( 'PS' )!;
			const suggestions = replies.shift() ?? [];
			bridge.addSession( {
				...session,
				messages: [
					...session.messages,
					{ role: 'user', content: fields.message ?? '' },
					{ role: 'assistant', content: 'Ideas.', suggestions },
				],
				revision: session.revision + 1,
			} );
			return fakeResponse( 200, {
				success: true,
				data: {
					message: 'Ideas.',
					suggestions,
					session_id: 'PS',
					revision: session.revision + 1,
				},
			} );
		} );
		const target = {
			client_id: 'block-1',
			name: 'core/paragraph',
			path: [ 0 ],
			content: '<!-- wp:paragraph --><p>Old</p><!-- /wp:paragraph -->',
		};
		const context = { title: 'Lesson', content: '', selected_block: null };

		const first = makeRegistry();
		await first.dispatch().openPostSession( 5, 'mpcs-lesson' );
		await first
			.dispatch()
			.sendAssistantMessage( 'Ideas?', context, target );
		await first.dispatch().setSuggestionState( 1, 's1', 'applied' );
		await first.dispatch().dismissSuggestion( 's2' );
		await first.dispatch().sendAssistantMessage( 'More?', context, null );

		const cards = ( r: ReturnType< typeof makeRegistry > ) =>
			r
				.select()
				.getSuggestionCards()
				.map( ( c ) => [
					c.messageIndex,
					c.card.label,
					c.card.state ?? 'open',
					c.card.target?.client_id ?? null,
				] );
		const expected = [
			[ 1, 'Rewrite the opening', 'applied', 'block-1' ],
			[ 3, 'Add a summary', 'open', null ],
		];
		expect( cards( first ) ).toEqual( expected );

		// A reload: the server's copy has the same cards, states and target.
		const again = makeRegistry();
		await again.dispatch().openPostSession( 5, 'mpcs-lesson' );
		expect( cards( again ) ).toEqual( expected );
		const stored = bridge.sessions.get( 'PS' )!.messages[ 1 ] as {
			suggestions: Array< { state?: string } >;
		};
		expect( stored.suggestions.map( ( c ) => c.state ) ).toEqual( [
			'applied',
			'dismissed',
		] );
	} );

	it( 'retry resends with the last context', async () => {
		const { dispatch } = makeRegistry();
		await dispatch().openPostSession( 5, 'mpcs-lesson' );
		bridge.failures.set( 'mpcc_editor_ai_chat', {
			status: 503,
			code: 'mpcc_ai_service_error',
		} );
		await dispatch().sendAssistantMessage( 'q', {
			title: 'T',
			content: 'c',
		} );
		bridge.failures.clear();
		expect( await dispatch().retryMessage() ).toBe( true );
		expect( bridge.callsOf( 'mpcc_editor_ai_chat' ) ).toHaveLength( 2 );
		expect(
			JSON.parse(
				bridge.callsOf( 'mpcc_editor_ai_chat' )[ 1 ]!.fields.context!
			).title
		).toBe( 'T' );
	} );
} );

describe( 'lesson content and course creation', () => {
	async function withOutline() {
		const env = makeRegistry();
		bridge.addSession( {
			session_id: 'S',
			course_structure: outline( [
				{
					id: 's1',
					title: 'A',
					lessons: [
						{ id: 'l1', title: 'One' },
						{ id: 'l2', title: 'Two', content: '<p>done</p>' },
					],
				},
				{
					id: 's2',
					title: 'B',
					lessons: [ { id: 'l3', title: 'Three' } ],
				},
			] ),
		} );
		await env.dispatch().loadSession( 'S' );
		return env;
	}

	it( 'generates one lesson (streamed) into the outline', async () => {
		const { dispatch, select } = await withOutline();
		const stream = streamFor( 'mpcc_generate_lesson_content' );
		const done = dispatch().generateLessonContent( 'l1' );
		await flushPromises();
		stream.current!.event( 'delta', { text: '<p>Fl' } );
		await flushPromises();
		expect( select().getContentProgress() ).toMatchObject( {
			currentLessonId: 'l1',
			streamingText: '<p>Fl',
			total: 1,
		} );
		stream.current!.event( 'done', {
			content: '<p>Flour</p>',
			draft_saved: true,
		} );
		expect( await done ).toBe( '<p>Flour</p>' );
		expect( select().getLesson( 'l1' )?.content ).toBe( '<p>Flour</p>' );
		expect( select().getContentProgress() ).toBeNull();
		expect(
			bridge.callsOf( 'mpcc_generate_lesson_content' )[ 0 ]?.fields
		).toMatchObject( {
			session_id: 'S',
			section_id: 's1',
			lesson_id: 'l1',
		} );
	} );

	it( 'generates all missing lessons with progress n of m, skipping failures', async () => {
		const { registry, dispatch, select } = await withOutline();
		const seen: string[] = [];
		registry.subscribe( () => {
			const p = select().getContentProgress();
			const label = p && `${ p.done } of ${ p.total }`;
			if ( label && seen[ seen.length - 1 ] !== label ) {
				seen.push( label );
			}
		} );
		bridge.handlers.set( 'mpcc_generate_lesson_content', ( fields ) => {
			return fields.lesson_id === 'l3'
				? fakeResponse( 503, {
						success: false,
						data: { code: 'mpcc_ai_service_error', message: 'x' },
					} )
				: fakeResponse( 200, {
						success: true,
						data: {
							content: `<p>${ fields.lesson_id }</p>`,
							draft_saved: true,
						},
					} );
		} );
		const result = await dispatch().generateAllLessonContent();
		expect( result ).toEqual( { done: 1, failed: [ 'l3' ] } );
		expect( seen ).toEqual( [ '0 of 2', '1 of 2' ] );
		expect( select().getLesson( 'l1' )?.content ).toBe( '<p>l1</p>' );
		expect( select().getLesson( 'l2' )?.content ).toBe( '<p>done</p>' );
		expect( select().getRequestStatus( 'content' ) ).toBe( 'done' );
	} );

	it( 'stop ends a generate-all run', async () => {
		const { dispatch, select } = await withOutline();
		const stream = streamFor( 'mpcc_generate_lesson_content' );
		const run = dispatch().generateAllLessonContent();
		await flushPromises();
		await dispatch().stopContentGeneration();
		expect( ( await run ).done ).toBe( 0 );
		expect( stream.current ).not.toBeNull();
		expect( bridge.callsOf( 'mpcc_generate_lesson_content' ) ).toHaveLength(
			1
		);
		expect( select().getRequestStatus( 'content' ) ).toBe( 'init' );
	} );

	it( 'creates the course once, however often it is asked', async () => {
		const { dispatch, select } = await withOutline();
		bridge.handlers.set( 'mpcc_create_course', () =>
			jest.requireActual( './fake-bridge' ).fakeResponse( 200, {
				success: true,
				data: {
					course_id: 42,
					sections_created: 1,
					lessons_created: 2,
					edit_url: '/edit/42',
					preview_url: '/c/42',
					revision: 9,
				},
			} )
		);
		const [ a, b ] = await Promise.all( [
			dispatch().createCourse(),
			dispatch().createCourse(),
		] );
		expect( a ).toEqual( {
			courseId: 42,
			editUrl: '/edit/42',
			previewUrl: '/c/42',
			sectionsCreated: 1,
			lessonsCreated: 2,
		} );
		expect( b ).toEqual( a );
		expect( await dispatch().createCourse() ).toEqual( a );
		expect( bridge.callsOf( 'mpcc_create_course' ) ).toHaveLength( 1 );
		expect(
			JSON.parse(
				bridge.callsOf( 'mpcc_create_course' )[ 0 ]!.fields.course_data!
			).sections
		).toHaveLength( 2 );
		expect( select().getConversationState() ).toBe( 'created' );
		expect( select().getRevision() ).toBe( 9 );
	} );

	it( 'a session that already created its course returns it without a request', async () => {
		const { dispatch } = makeRegistry();
		bridge.addSession( {
			session_id: 'C',
			created_course_id: 77,
			course_structure: outline( [
				{ id: 's', title: 's', lessons: [] },
			] ),
		} );
		await dispatch().loadSession( 'C' );
		expect( ( await dispatch().createCourse() )?.courseId ).toBe( 77 );
		expect( bridge.callsOf( 'mpcc_create_course' ) ).toHaveLength( 0 );
	} );

	it( 'an empty outline is refused without a request', async () => {
		const { dispatch, select } = makeRegistry();
		expect( await dispatch().createCourse() ).toBeNull();
		expect( select().getRequestError( 'create' )?.code ).toBe(
			'mpcc_invalid_parameter'
		);
		expect( bridge.calls ).toHaveLength( 0 );
	} );
} );
