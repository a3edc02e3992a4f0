/**
 * The course editor under a real registry with the real `mpcc/session` store; only the network
 * is faked (the admin-ajax bridge behind apiFetch).
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RegistryProvider } from '@wordpress/data';
import { CourseEditorApp } from '..';
import { store as sessionStore } from '../../../store';
import {
	FakeBridge,
	FakeStream,
	installBridge,
} from '../../../store/test/fake-bridge';
import { makeRegistry, setConfig } from '../../../store/test/helpers';
import type { CourseStructure } from '../../../store/types';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const STRUCTURE: CourseStructure = {
	title: 'Watercolor Basics',
	description: 'Paint with water.',
	sections: [
		{
			id: 's1',
			title: 'Getting Started',
			lessons: [
				{ id: 'l1', title: 'Paper' },
				{ id: 'l2', title: 'Brushes' },
			],
		},
		{
			id: 's2',
			title: 'Techniques',
			lessons: [ { id: 'l3', title: 'Washes' } ],
		},
		{
			id: 's3',
			title: 'Projects',
			lessons: [ { id: 'l4', title: 'A Landscape' } ],
		},
	],
};

let bridge: FakeBridge;

function renderApp() {
	const { registry } = makeRegistry();
	const view = render(
		<RegistryProvider value={ registry }>
			<CourseEditorApp mode="page" />
		</RegistryProvider>
	);
	return { ...view, registry, select: () => registry.select( sessionStore ) };
}

/** Opens the app on a saved session (through the URL, as a reload would). */
async function renderWithSession(
	partial: Parameters< FakeBridge[ 'addSession' ] >[ 0 ] = {}
) {
	const session = bridge.addSession( {
		course_structure: STRUCTURE,
		conversation_state: 'course_structure',
		title: 'Watercolor',
		...partial,
	} );
	window.history.replaceState(
		null,
		'',
		`/wp-admin/admin.php?page=mpcc-course-editor&session=${ session.session_id }`
	);
	const view = renderApp();
	await screen.findByRole( 'textbox', { name: 'Course title' } );
	return view;
}

const sectionTitles = () =>
	(
		screen.getAllByRole( 'textbox', {
			name: /^Section \d+ title$/,
		} ) as HTMLInputElement[]
	 ).map( ( i ) => i.value );

beforeEach( () => {
	setConfig();
	localStorage.clear();
	window.history.replaceState(
		null,
		'',
		'/wp-admin/admin.php?page=mpcc-course-editor'
	);
	bridge = new FakeBridge();
	installBridge( bridge );
} );

describe( 'CourseEditorApp', () => {
	it( 'streams a reply and shows the outline the AI proposes', async () => {
		const streams: FakeStream[] = [];
		bridge.handlers.set(
			'mpcc_chat_message',
			( _fields, _call, signal ) => {
				const stream = new FakeStream( signal );
				streams.push( stream );
				return stream.response();
			}
		);
		const { select } = renderApp();
		expect(
			await screen.findByRole( 'heading', {
				name: 'What would you like to teach?',
			} )
		).toBeInTheDocument();
		expect( screen.getByText( 'Demo model' ) ).toBeInTheDocument();

		await userEvent.type(
			screen.getByRole( 'textbox', { name: 'Message' } ),
			'A course on watercolor{Enter}'
		);
		expect(
			await screen.findByText( 'A course on watercolor' )
		).toBeInTheDocument();
		await waitFor( () => expect( streams ).toHaveLength( 1 ) );
		const stream = streams[ 0 ] as FakeStream;
		act( () => stream.event( 'delta', { text: 'Here is an outline' } ) );
		expect(
			await screen.findByText( 'Here is an outline' )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Stop' } )
		).toBeInTheDocument();
		act( () =>
			stream.event( 'structure', {
				course_structure: STRUCTURE,
				conversation_state: 'course_structure',
			} )
		);
		expect(
			await screen.findByRole( 'textbox', { name: 'Course title' } )
		).toHaveValue( 'Watercolor Basics' );
		act( () => {
			stream.event( 'done', {
				message: 'Here is an outline.',
				session_id: 'sess-9',
				conversation_state: 'course_structure',
				demo: true,
			} );
			stream.end();
		} );
		await waitFor( () =>
			expect( select().getSessionId() ).toBe( 'sess-9' )
		);
		expect( sectionTitles() ).toEqual( [
			'Getting Started',
			'Techniques',
			'Projects',
		] );
		await waitFor( () =>
			expect( window.location.search ).toContain( 'session=sess-9' )
		);
	} );

	it( 'explains a failed reply and retries it', async () => {
		bridge.failures.set( 'mpcc_chat_message', {
			status: 503,
			code: 'mpcc_ai_service_error',
		} );
		renderApp();
		await userEvent.type(
			await screen.findByRole( 'textbox', { name: 'Message' } ),
			'Teach knots{Enter}'
		);
		expect(
			await screen.findByText( 'The AI service is not answering.' )
		).toBeInTheDocument();
		bridge.failures.delete( 'mpcc_chat_message' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Try again' } )
		);
		expect(
			await screen.findByText( 'Echo: Teach knots', {
				selector: '.mpcc-message__text',
			} )
		).toBeInTheDocument();
		expect( bridge.callsOf( 'mpcc_chat_message' ) ).toHaveLength( 2 );
	} );

	it( 'edits the outline in place, reorders from the keyboard, and undoes', async () => {
		const { select } = await renderWithSession();
		const lesson = screen.getByRole( 'textbox', {
			name: 'Lesson 1.1 title',
		} );
		await userEvent.clear( lesson );
		await userEvent.type( lesson, 'Choosing Paper' );
		expect( select().getLesson( 'l1' )?.title ).toBe( 'Choosing Paper' );

		await userEvent.click(
			screen.getByRole( 'button', {
				name: 'Move section “Getting Started” down',
			} )
		);
		expect( sectionTitles() ).toEqual( [
			'Techniques',
			'Getting Started',
			'Projects',
		] );
		expect(
			screen.getByText(
				/Moved section “Getting Started” to position 2 of 3/
			)
		).toBeInTheDocument();

		// A lesson past the end of its section moves into the next one.
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Move lesson “Washes” down' } )
		);
		expect( select().getLessonSectionId( 'l3' ) ).toBe( 's1' );

		await userEvent.click( screen.getByRole( 'button', { name: 'Undo' } ) );
		await userEvent.click( screen.getByRole( 'button', { name: 'Undo' } ) );
		expect( sectionTitles() ).toEqual( [
			'Getting Started',
			'Techniques',
			'Projects',
		] );
		await userEvent.click( screen.getByRole( 'button', { name: 'Redo' } ) );
		expect( sectionTitles() ).toEqual( [
			'Techniques',
			'Getting Started',
			'Projects',
		] );
	} );

	it( 'adds, collapses and deletes (a section with lessons after confirmation)', async () => {
		const { select } = await renderWithSession();
		await userEvent.click(
			screen.getAllByRole( 'button', {
				name: 'Add lesson',
			} )[ 0 ] as HTMLElement
		);
		await waitFor( () =>
			expect(
				screen.getByRole( 'textbox', { name: 'Lesson 1.3 title' } )
			).toHaveFocus()
		);
		await userEvent.type(
			screen.getByRole( 'textbox', { name: 'Lesson 1.3 title' } ),
			'Palettes'
		);
		expect(
			select()
				.getSections()[ 0 ]
				?.lessons.map( ( l ) => l.title )
		).toEqual( [ 'Paper', 'Brushes', 'Palettes' ] );

		const toggle = screen.getByRole( 'button', {
			name: 'Show lessons of “Techniques”',
		} );
		expect( toggle ).toHaveAttribute( 'aria-expanded', 'true' );
		await userEvent.click( toggle );
		expect( toggle ).toHaveAttribute( 'aria-expanded', 'false' );
		expect(
			screen.queryByRole( 'textbox', { name: 'Lesson 2.1 title' } )
		).not.toBeInTheDocument();

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Delete lesson “Paper”' } )
		);
		expect( select().getLesson( 'l1' ) ).toBeNull();

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Delete section “Projects”' } )
		);
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Delete section?',
		} );
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Cancel' } )
		);
		expect( sectionTitles() ).toContain( 'Projects' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Delete section “Projects”' } )
		);
		await userEvent.click(
			within(
				await screen.findByRole( 'dialog', { name: 'Delete section?' } )
			).getByRole( 'button', { name: 'Delete section' } )
		);
		expect( sectionTitles() ).toEqual( [
			'Getting Started',
			'Techniques',
		] );
	} );

	it( 'drafts a lesson and previews it as rendered blocks, without scripts', async () => {
		bridge.handlers.set( 'mpcc_generate_lesson_content', async () =>
			( await import( '../../../store/test/fake-bridge' ) ).fakeResponse(
				200,
				{
					success: true,
					data: {
						content:
							'<!-- wp:heading -->\n<h2 class="wp-block-heading">Overview</h2>\n<!-- /wp:heading -->\n<!-- wp:paragraph -->\n<p onclick="alert(1)">Wet paper first.<script>alert(1)</script></p>\n<!-- /wp:paragraph -->',
						draft_saved: true,
					},
				}
			)
		);
		const { select } = await renderWithSession();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Draft of Paper' } )
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Draft content' } )
		);
		expect(
			await screen.findByRole( 'heading', { name: 'Overview' } )
		).toBeInTheDocument();
		const preview = document.querySelector(
			'.mpcc-draft__preview'
		) as HTMLElement;
		expect( preview.querySelector( 'script' ) ).toBeNull();
		expect( preview.querySelector( '[onclick]' ) ).toBeNull();
		expect( select().getLesson( 'l1' )?.content ).toContain( 'wp:heading' );
		expect( screen.getByText( 'Draft ready' ) ).toBeInTheDocument();

		await userEvent.click( screen.getByRole( 'button', { name: 'Edit' } ) );
		const markup = screen.getByRole( 'textbox', {
			name: 'Lesson content (block markup)',
		} );
		await userEvent.type( markup, '!' );
		expect( select().getLesson( 'l1' )?.content?.endsWith( '!' ) ).toBe(
			true
		);
	} );

	it( 'shows what will be made, creates the course once, and links to it', async () => {
		await renderWithSession( { conversation_state: 'ready_to_create' } );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Create course' } )
		);
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Create this course?',
		} );
		expect( dialog ).toHaveTextContent( 'The course “Watercolor Basics”' );
		expect( dialog ).toHaveTextContent( '3 sections' );
		expect( dialog ).toHaveTextContent(
			'4 lessons (0 with drafted content)'
		);
		const confirm = within( dialog ).getByRole( 'button', {
			name: 'Create course',
		} );
		await userEvent.click( confirm );
		await userEvent.click( confirm );
		expect(
			await screen.findByText( 'Course created.' )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'link', { name: 'Edit course' } )
		).toHaveAttribute( 'href', '/edit/42' );
		expect(
			screen.getByRole( 'link', { name: /Preview/ } )
		).toHaveAttribute( 'href', '/c/42' );
		expect(
			screen.queryByRole( 'button', { name: 'Create course' } )
		).not.toBeInTheDocument();
		expect( bridge.callsOf( 'mpcc_create_course' ) ).toHaveLength( 1 );
	} );

	it( 'lists previous conversations newest first, renames, resumes and deletes them', async () => {
		bridge.addSession( {
			session_id: 'old',
			title: 'Old course',
			updated_at: '2024-01-01T10:00:00Z',
			conversation_state: 'created',
		} );
		bridge.addSession( {
			session_id: 'new',
			title: 'Pottery',
			updated_at: '2024-03-01T10:00:00Z',
			messages: [ { role: 'user', content: 'A pottery course' } ],
		} );
		renderApp();
		await userEvent.click(
			await screen.findByRole( 'button', { name: 'Conversations' } )
		);
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Previous conversations',
		} );
		await within( dialog ).findByText( 'Pottery', {
			selector: '.mpcc-sessions__title',
		} );
		const titles = within( dialog )
			.getAllByRole( 'listitem' )
			.map(
				( li ) =>
					li.querySelector( '.mpcc-sessions__title' )?.textContent
			);
		expect( titles ).toEqual( [ 'Pottery', 'Old course' ] );

		await userEvent.type(
			within( dialog ).getByRole( 'searchbox', {
				name: 'Search by title',
			} ),
			'old'
		);
		expect( within( dialog ).getAllByRole( 'listitem' ) ).toHaveLength( 1 );
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: /^Rename/ } )
		);
		const input = within( dialog ).getByRole( 'textbox', {
			name: 'Conversation title',
		} );
		expect( input ).toHaveFocus();
		await userEvent.clear( input );
		await userEvent.type( input, 'Old, renamed{Enter}' );
		expect(
			await within( dialog ).findByText( 'Old, renamed', {
				selector: '.mpcc-sessions__title',
			} )
		).toBeInTheDocument();
		expect( bridge.sessions.get( 'old' )?.title ).toBe( 'Old, renamed' );

		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: /^Delete/ } )
		);
		const confirm = await screen.findByRole( 'dialog', {
			name: 'Delete conversation?',
		} );
		await userEvent.click(
			within( confirm ).getByRole( 'button', { name: 'Delete' } )
		);
		await waitFor( () =>
			expect( bridge.sessions.has( 'old' ) ).toBe( false )
		);

		await userEvent.clear(
			within( dialog ).getByRole( 'searchbox', {
				name: 'Search by title',
			} )
		);
		await userEvent.click(
			await within( dialog ).findByRole( 'button', {
				name: /^Resume.*Pottery/,
			} )
		);
		expect(
			await screen.findByText( 'A pottery course' )
		).toBeInTheDocument();
		await waitFor( () =>
			expect( window.location.search ).toContain( 'session=new' )
		);
	} );

	it( 'says a conversation in the URL is gone, and starts a new one', async () => {
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=mpcc-course-editor&session=missing'
		);
		renderApp();
		await waitFor( () =>
			expect(
				document.querySelector( '.mpcc-error-notice strong' )
			).toHaveTextContent( 'That conversation could not be found.' )
		);
		expect(
			screen.getByRole( 'heading', {
				name: 'What would you like to teach?',
			} )
		).toBeInTheDocument();
	} );

	it( 'offers Keep mine / Use saved version on a save conflict', async () => {
		const { registry } = await renderWithSession();
		// Another tab changed the course title too: a real collision (others are merged).
		const other = bridge.sessions.get(
			[ ...bridge.sessions.keys() ][ 0 ] as string
		)!;
		other.revision = 7;
		other.course_structure = { ...STRUCTURE, title: 'Their title' };
		await userEvent.type(
			screen.getByRole( 'textbox', { name: 'Course title' } ),
			'!'
		);
		await act( async () => {
			await registry.dispatch( sessionStore ).save();
		} );
		expect(
			await screen.findByRole( 'button', { name: 'Keep mine' } )
		).toBeInTheDocument();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Keep mine' } )
		);
		await waitFor( () =>
			expect(
				document.querySelector( '.mpcc-save-status' )
			).toHaveAttribute( 'data-status', 'idle' )
		);
		expect( screen.getByText( /^Saved / ) ).toBeInTheDocument();
	} );
} );
