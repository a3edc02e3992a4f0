/**
 * Issue 18, items 1–8, as the author meets them: the store against a fake bridge (only the network
 * is fake). Each test replays the steps of the issue and checks what the server ends up holding.
 */
import {
	FakeBridge,
	FakeStream,
	flushPromises,
	installBridge,
} from './fake-bridge';
import { courseOf, makeRegistry, sectionOf, setConfig } from './helpers';
import { NAMING_WAIT_MS } from '../actions/chat';

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

const OUTLINE = courseOf( 'Beekeeping', 'Bees in the city.', [
	sectionOf( 's1', 'Hives', [
		[ 'l1', 'Choosing a hive' ],
		[ 'l2', 'Placing it' ],
	] ),
] );

/** Routes one action to streams the test drives (the latest is `current`). */
function streamFor( action: string ) {
	const ref: {
		current: FakeStream | null;
		all: FakeStream[];
		fields: Array< Record< string, string > >;
	} = { current: null, all: [], fields: [] };
	bridge.handlers.set( action, ( fields, _call, signal ) => {
		ref.current = new FakeStream( signal );
		ref.all.push( ref.current );
		ref.fields.push( fields );
		return ref.current.response();
	} );
	return ref;
}

async function opened( partial = {} ) {
	const env = makeRegistry();
	const server = bridge.addSession( {
		session_id: 'S1',
		title: 'Bees',
		course_structure: OUTLINE,
		conversation_state: 'course_structure',
		messages: [
			{ role: 'user', content: 'A course on bees' },
			{ role: 'assistant', content: 'Here is an outline.' },
		],
		...partial,
	} );
	await env.dispatch().loadSession( server.session_id );
	return env;
}

const lessonOnServer = ( id: string ) =>
	bridge.sessions
		.get( 'S1' )
		?.course_structure?.sections.flatMap( ( s ) => s.lessons )
		.find( ( l ) => l.id === id );

describe( 'item 1: a lesson draft has one home', () => {
	it( 'a drafted lesson keeps its draft when an earlier edit is undone, and the server gets it', async () => {
		const { dispatch, select } = await opened();
		dispatch().renameLesson( 'l2', 'Where to place it' );
		await dispatch().generateLessonContent( 'l1' );
		expect( select().getLesson( 'l1' )?.content ).toBe( '<p>l1</p>' );
		dispatch().undo();
		expect( select().getLesson( 'l2' )?.title ).toBe( 'Placing it' );
		expect( select().getLesson( 'l1' )?.content ).toBe( '<p>l1</p>' );
		await dispatch().save();
		expect( lessonOnServer( 'l1' )?.content ).toBe( '<p>l1</p>' );
	} );

	it( 'a hand edit of the draft, its undo, and deleting the lesson all reach the server', async () => {
		const { dispatch, select } = await opened();
		await dispatch().generateLessonContent( 'l1' );
		dispatch().updateLesson( 'l1', { content: '<p>Mine</p>' } );
		await dispatch().save();
		expect( lessonOnServer( 'l1' )?.content ).toBe( '<p>Mine</p>' );
		dispatch().undo();
		await dispatch().save();
		expect( lessonOnServer( 'l1' )?.content ).toBe( '<p>l1</p>' );
		dispatch().deleteLesson( 'l1' );
		await dispatch().save();
		expect( lessonOnServer( 'l1' ) ).toBeUndefined();
		expect( select().hasUnsavedChanges() ).toBe( false );
	} );
} );

describe( 'item 2: the server-made title survives auto-save', () => {
	it( 'a new conversation takes the title the server gave it and saves it back', async () => {
		const { dispatch, select } = makeRegistry();
		const stream = streamFor( 'mpcc_chat_message' );
		const sent = dispatch().sendMessage( 'An introduction to beekeeping' );
		await flushPromises();
		bridge.addSession( {
			session_id: 'NEW',
			title: 'An introduction to beekeeping',
			messages: [
				{ role: 'user', content: 'An introduction to beekeeping' },
			],
		} );
		stream.current!.event( 'session', {
			session_id: 'NEW',
			title: 'An introduction to beekeeping',
			revision: 1,
		} );
		stream.current!.event( 'done', {
			message: 'Here is a plan',
			course_structure: OUTLINE,
			session_id: 'NEW',
			conversation_state: 'course_structure',
			revision: 2,
			demo: true,
		} );
		stream.current!.end();
		bridge.sessions.get( 'NEW' )!.revision = 2;
		expect( await sent ).toBe( true );
		expect( select().getSessionTitle() ).toBe(
			'An introduction to beekeeping'
		);
		dispatch().renameLesson( 'l1', 'Hive types' );
		await dispatch().save();
		expect( bridge.sessions.get( 'NEW' )?.title ).toBe(
			'An introduction to beekeeping'
		);
	} );
} );

describe( 'item 3: leaving a conversation while its reply streams', () => {
	it.each( [ 'start', 'load', 'delete' ] )(
		'%s: late events never reach the other session, and the old one is not overwritten',
		async ( how ) => {
			const { dispatch, select } = await opened();
			bridge.addSession( { session_id: 'S2', title: 'Other' } );
			const stream = streamFor( 'mpcc_chat_message' );
			const sent = dispatch().sendMessage( 'Add a section on honey' );
			await flushPromises();
			stream.current!.event( 'delta', { text: 'Adding ' } );
			await flushPromises();
			if ( how === 'start' ) {
				await dispatch().startSession();
			} else if ( how === 'load' ) {
				await dispatch().loadSession( 'S2' );
			} else {
				await dispatch().deleteSession( 'S1' );
				bridge.addSession( { session_id: 'S1', title: 'Bees' } );
			}
			const before = JSON.parse(
				JSON.stringify( bridge.sessions.get( 'S1' ) )
			);
			stream.current!.event( 'structure', {
				course_structure: { ...OUTLINE, title: 'Honey' },
				conversation_state: 'course_structure',
			} );
			stream.current!.event( 'done', {
				message: 'Added honey.',
				course_structure: { ...OUTLINE, title: 'Honey' },
				session_id: 'S1',
				conversation_state: 'course_structure',
				revision: 2,
				demo: true,
			} );
			stream.current!.end();
			await sent;
			await flushPromises();
			const expectedId = how === 'load' ? 'S2' : null;
			expect( select().getSessionId() ).toBe( expectedId );
			expect(
				select()
					.getMessages()
					.map( ( m ) => m.content )
			).toEqual( [] );
			expect( select().getCourseStructure()?.title ).not.toBe( 'Honey' );
			expect( select().getStreamingText() ).toBeNull();
			expect( select().isRequesting( 'chat' ) ).toBe( false );
			// Anything the new conversation saves goes to its own session.
			dispatch().setSessionTitle( 'Fresh' );
			await dispatch().save();
			expect( bridge.sessions.get( 'S1' ) ).toEqual( before );
		}
	);
} );

describe( 'item 4: undo past the first outline', () => {
	it( 'leaves an empty outline you can redo out of, and never saves it as no outline', async () => {
		const { dispatch, select } = makeRegistry();
		const stream = streamFor( 'mpcc_chat_message' );
		const sent = dispatch().sendMessage( 'Bees' );
		await flushPromises();
		bridge.addSession( { session_id: 'S1', course_structure: OUTLINE } );
		stream.current!.event( 'done', {
			message: 'Outline',
			course_structure: OUTLINE,
			session_id: 'S1',
			conversation_state: 'course_structure',
			revision: 1,
			demo: true,
		} );
		stream.current!.end();
		await sent;
		dispatch().undo();
		expect( select().getCourseStructure() ).toBeNull();
		expect( select().canRedo() ).toBe( true );
		await dispatch().save();
		expect( bridge.sessions.get( 'S1' )?.course_structure ).toEqual(
			OUTLINE
		);
		dispatch().redo();
		expect( select().getCourseStructure()?.title ).toBe( 'Beekeeping' );
	} );
} );

describe( 'item 5: Stop stops the server side; Retry replaces', () => {
	it( 'Stop saves at once, so the turn the server is still writing is not stored', async () => {
		const { dispatch, select } = await opened();
		const stream = streamFor( 'mpcc_chat_message' );
		const sent = dispatch().sendMessage( 'Add a quiz' );
		await flushPromises();
		stream.current!.event( 'delta', { text: 'Sure' } );
		await flushPromises();
		await dispatch().stopMessage();
		expect( await sent ).toBe( false );
		// The server refuses to store a turn built on a revision that moved (tests/php AuthorWorkKeptTest).
		expect( bridge.sessions.get( 'S1' )?.revision ).toBe( 2 );
		expect( select().getRevision() ).toBe( 2 );
		expect( select().getRetryableMessage()?.content ).toBe( 'Add a quiz' );
		expect( select().hasUnsavedChanges() ).toBe( false );
	} );

	it( 'a question the AI could not answer (the proxy down) is on the server, so a reload still shows it', async () => {
		const { dispatch, select } = await opened();
		bridge.failures.set( 'mpcc_chat_message', {
			status: 503,
			code: 'mpcc_proxy_unavailable',
		} );
		expect(
			await dispatch().sendMessage( 'Add a section on flat loaves' )
		).toBe( false );
		expect( select().getRequestError( 'chat' )?.status ).toBe( 503 );
		expect( select().getRetryableMessage()?.content ).toBe(
			'Add a section on flat loaves'
		);
		expect(
			bridge.sessions.get( 'S1' )?.messages.map( ( m ) => m.content )
		).toEqual( [
			'A course on bees',
			'Here is an outline.',
			'Add a section on flat loaves',
		] );
		expect( select().hasUnsavedChanges() ).toBe( false );
	} );

	it( 'Stop while drafting lessons saves at once and ends the run', async () => {
		const { dispatch, select } = await opened();
		const stream = streamFor( 'mpcc_generate_lesson_content' );
		const run = dispatch().generateAllLessonContent();
		await flushPromises();
		stream.current!.event( 'delta', { text: 'Hives come' } );
		await flushPromises();
		const revision = bridge.sessions.get( 'S1' )!.revision;
		await dispatch().stopContentGeneration();
		expect( await run ).toEqual( { done: 0, failed: [] } );
		expect( stream.all ).toHaveLength( 1 );
		expect( bridge.sessions.get( 'S1' )?.revision ).toBe( revision + 1 );
		expect( select().getLesson( 'l1' )?.content ).toBeUndefined();
	} );
} );

describe( 'item 6: conflicts merge what does not collide', () => {
	it( '"another tab" renamed one lesson, this one another: both edits are kept without asking', async () => {
		const { dispatch, select } = await opened();
		const other = await ( async () => {
			const env = makeRegistry();
			await env.dispatch().loadSession( 'S1' );
			return env;
		} )();
		other.dispatch().renameLesson( 'l1', 'Hive types' );
		await other.dispatch().save();
		dispatch().renameLesson( 'l2', 'Where it goes' );
		await dispatch().save();
		await flushPromises();
		expect( select().getSaveStatus() ).toBe( 'idle' );
		expect( select().getConflict() ).toBeNull();
		expect( lessonOnServer( 'l1' )?.title ).toBe( 'Hive types' );
		expect( lessonOnServer( 'l2' )?.title ).toBe( 'Where it goes' );
		expect( select().getLesson( 'l1' )?.title ).toBe( 'Hive types' );
	} );

	it( 'the same lesson renamed in both tabs is a real collision: the author is asked', async () => {
		const { dispatch, select } = await opened();
		const other = makeRegistry();
		await other.dispatch().loadSession( 'S1' );
		other.dispatch().renameLesson( 'l1', 'Theirs' );
		await other.dispatch().save();
		dispatch().renameLesson( 'l1', 'Mine' );
		await dispatch().save();
		expect( select().getSaveStatus() ).toBe( 'conflict' );
		expect( lessonOnServer( 'l1' )?.title ).toBe( 'Theirs' );
	} );
} );

describe( 'item 7: the session is known from the first byte', () => {
	it( 'Stop before a new conversation is named waits for its name, then stops the turn on the server too', async () => {
		const { dispatch, select } = makeRegistry();
		const stream = streamFor( 'mpcc_chat_message' );
		const sent = dispatch().sendMessage( 'Knitting socks' );
		await flushPromises();
		// A double-click's worth after Send: the server has stored the question but not said its name yet.
		await dispatch().stopMessage();
		await flushPromises();
		expect( bridge.callsOf( 'mpcc_auto_save_session' ) ).toHaveLength( 0 );

		// The bridge stored the new conversation at revision 1 and names it first.
		bridge.addSession( {
			session_id: 'K1',
			title: 'Knitting socks',
			revision: 1,
			messages: [ { role: 'user', content: 'Knitting socks' } ],
		} );
		stream.current!.event( 'session', {
			session_id: 'K1',
			title: 'Knitting socks',
			revision: 1,
		} );
		stream.current!.event( 'delta', { text: 'Here is' } );
		expect( await sent ).toBe( false );
		await flushPromises();
		expect( select().getSessionId() ).toBe( 'K1' );
		expect( select().getStreamingText() ?? '' ).toBe( '' );
		// Saved on Stop: the revision moved, so the server drops the turn it was writing.
		expect( bridge.sessions.get( 'K1' )?.revision ).toBe( 2 );
		expect( select().getRetryableMessage()?.content ).toBe(
			'Knitting socks'
		);
	} );

	it( 'Stop before the name closes anyway when the name never comes', async () => {
		jest.useFakeTimers();
		try {
			const { dispatch, select } = makeRegistry();
			streamFor( 'mpcc_chat_message' );
			const sent = dispatch().sendMessage( 'Knitting socks' );
			await jest.advanceTimersByTimeAsync( 0 );
			await dispatch().stopMessage();
			await jest.advanceTimersByTimeAsync( NAMING_WAIT_MS );
			expect( await sent ).toBe( false );
			expect( select().isRequesting( 'chat' ) ).toBe( false );
		} finally {
			jest.useRealTimers();
		}
	} );

	it( 'a new conversation has its id while the first reply still streams', async () => {
		const { dispatch, select } = makeRegistry();
		const stream = streamFor( 'mpcc_chat_message' );
		dispatch().sendMessage( 'Knitting socks' );
		await flushPromises();
		stream.current!.event( 'session', {
			session_id: 'K1',
			title: 'Knitting socks',
			revision: 1,
		} );
		await flushPromises();
		expect( select().getSessionId() ).toBe( 'K1' );
		expect( select().getRevision() ).toBe( 1 );
		expect( select().isRequesting( 'chat' ) ).toBe( true );
	} );
} );

describe( 'item 8: after the course is created the outline is read-only', () => {
	it( 'edits no longer change the outline or ask to be saved', async () => {
		const { dispatch, select } = await opened();
		await dispatch().createCourse();
		expect( select().getCreatedCourse()?.courseId ).toBe( 42 );
		dispatch().renameLesson( 'l1', 'Too late' );
		dispatch().deleteLesson( 'l2' );
		dispatch().undo();
		expect( select().getLesson( 'l1' )?.title ).toBe( 'Choosing a hive' );
		expect( select().getLesson( 'l2' ) ).not.toBeNull();
		expect( select().hasUnsavedChanges() ).toBe( false );
		expect( select().isOutlineLocked() ).toBe( true );
	} );

	it( 'a reloaded created session is read-only too', async () => {
		const { dispatch, select } = await opened( { created_course_id: 9 } );
		dispatch().renameLesson( 'l1', 'Too late' );
		expect( select().getLesson( 'l1' )?.title ).toBe( 'Choosing a hive' );
		expect( select().isOutlineLocked() ).toBe( true );
	} );
} );
