/**
 * The sidebar under a real registry: the real `mpcc/session` store, small fake editor stores, and
 * only the network faked (the admin-ajax bridge behind apiFetch).
 */
import {
	act,
	fireEvent,
	render,
	screen,
	waitFor,
	within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RegistryProvider } from '@wordpress/data';
import { AssistantSidebarPlugin } from '..';
import {
	FakeBridge,
	FakeStream,
	installBridge,
} from '../../../store/test/fake-bridge';
import {
	makeRegistry,
	noticesStore,
	setConfig,
} from '../../../store/test/helpers';
import {
	blockEditorStore,
	createBlock,
	editorStore,
	recorded,
	registerTestBlocks,
} from './editor-fakes';
import type { Block } from '@wordpress/blocks';
import type { EditorSuggestion } from '../../../schemas/suggestions';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );
jest.mock(
	'@wordpress/editor',
	() => require( './editor-fakes' ).editorModule,
	{ virtual: true }
);
jest.mock( '@wordpress/edit-post', () => ( {} ), { virtual: true } );
jest.mock(
	'@wordpress/block-editor',
	() => require( './editor-fakes' ).blockEditorModule,
	{ virtual: true }
);
// @wordpress/blocks' paste handler (unused here) imports `marked`, which ships ESM only.
jest.mock( 'marked', () => ( { Marked: class {} } ) );

const OBJECTIVES =
	'<!-- wp:heading -->\n<h2 class="wp-block-heading">Learning objectives</h2>\n<!-- /wp:heading -->\n\n' +
	'<!-- wp:list -->\n<ul class="wp-block-list"><!-- wp:list-item -->\n<li>Explain aperture.</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->';

const objectives: EditorSuggestion = {
	id: 'sugg-1',
	label: 'Insert learning objectives',
	type: 'insert_blocks',
	position: 'cursor',
	content: OBJECTIVES,
};

const paragraph = ( content: string ) =>
	createBlock( 'core/paragraph', { content } );

let bridge: FakeBridge;
let streams: FakeStream[];

beforeAll( registerTestBlocks );

beforeEach( () => {
	setConfig();
	localStorage.clear();
	bridge = new FakeBridge();
	installBridge( bridge );
	streams = [];
	bridge.handlers.set( 'mpcc_editor_ai_chat', ( _fields, _call, signal ) => {
		const stream = new FakeStream( signal );
		streams.push( stream );
		return stream.response();
	} );
	recorded.length = 0;
} );

function setup( {
	postType = 'mpcs-lesson',
	blocks,
}: { postType?: string; blocks?: Block[] } = {} ) {
	const { registry } = makeRegistry(
		editorStore,
		blockEditorStore,
		noticesStore()
	);
	const postBlocks = blocks ?? [
		paragraph( 'Aperture is the opening of the lens.' ),
		paragraph( 'It sets depth of field.' ),
	];
	registry.dispatch( editorStore ).setupPost( 12, postType, {
		title: 'Aperture and Depth of Field',
		excerpt: '',
	} );
	registry.dispatch( blockEditorStore ).resetBlocks( postBlocks );
	const ui = () => (
		<RegistryProvider value={ registry }>
			<AssistantSidebarPlugin />
		</RegistryProvider>
	);
	const view = render( ui() );
	return { registry, blocks: postBlocks, view, ui };
}

async function ready() {
	return screen
		.findByRole( 'textbox', { name: 'Message to the copilot' } )
		.then( async ( box ) => {
			await waitFor( () => expect( box ).toBeEnabled() );
			return box;
		} );
}

/** Streams a reply: some text, the suggestions, then `done`. */
async function reply(
	stream: FakeStream,
	message: string,
	suggestions: EditorSuggestion[] = []
) {
	await act( async () => {
		stream.event( 'delta', { text: message } );
		stream.event( 'suggestions', { suggestions } );
		stream.event( 'done', {
			message,
			suggestions,
			session_id: 'sess-post-12',
			demo: true,
		} );
		stream.end();
	} );
}

/** The conversation itself (the live region repeats replies for screen readers). */
async function inConversation( text: string ) {
	const log = await screen.findByRole( 'region', {
		name: 'Conversation with the copilot',
	} );
	return within( log ).findByText( text );
}

function chatCalls() {
	return bridge.callsOf( 'mpcc_editor_ai_chat' );
}

describe( 'assistant sidebar', () => {
	it( 'renders nothing on other post types', () => {
		setup( { postType: 'post' } );
		expect(
			screen.queryByRole( 'region', { name: 'Courses Copilot' } )
		).not.toBeInTheDocument();
		expect( bridge.calls ).toEqual( [] );
	} );

	it( 'on a lesson, restores the post’s conversation and offers the lesson’s quick actions', async () => {
		bridge.addSession( {
			session_id: 'sess-post-12',
			post_id: 12,
			messages: [
				{
					role: 'user',
					content: 'Write learning objectives for this lesson.',
				},
				{
					role: 'assistant',
					content: 'Here are learning objectives.',
					demo: true,
				},
			],
		} );
		setup();
		expect(
			screen.getByRole( 'menuitemcheckbox', { name: 'Courses Copilot' } )
		).toBeInTheDocument();
		const sidebar = screen.getByRole( 'region', {
			name: 'Courses Copilot',
		} );
		expect(
			await within( sidebar ).findByText(
				'Here are learning objectives.'
			)
		).toBeInTheDocument();
		expect(
			bridge.callsOf( 'mpcc_list_sessions' )[ 0 ]?.fields.post_id
		).toBe( '12' );
		const actions = within(
			screen.getByRole( 'group', { name: 'Quick actions' } )
		).getAllByRole( 'button' );
		expect( actions.map( ( b ) => b.textContent ) ).toEqual( [
			'Improve this lesson',
			'Summarize',
			'Write learning objectives',
			'Outline from title',
		] );
		expect( screen.getByText( 'Demo model' ) ).toBeInTheDocument();
	} );

	it( 'on a course, offers the course’s quick actions', async () => {
		setup( { postType: 'mpcs-course' } );
		await ready();
		const actions = within(
			screen.getByRole( 'group', { name: 'Quick actions' } )
		).getAllByRole( 'button' );
		expect( actions.map( ( b ) => b.textContent ) ).toEqual( [
			'Summarize',
			'Suggest the next lesson',
			'Write learning objectives',
		] );
		expect(
			screen.getByRole( 'heading', {
				name: 'Work on this course with the copilot',
			} )
		).toBeInTheDocument();
	} );

	it( 'sends a quick action with the live editor context, streams the reply and previews its suggestion', async () => {
		const { registry, blocks } = setup();
		await ready();
		act( () => {
			registry
				.dispatch( editorStore )
				.editPost( { title: 'Aperture (unsaved)' } );
			registry
				.dispatch( blockEditorStore )
				.selectBlock( blocks[ 0 ]!.clientId );
		} );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Write learning objectives' } )
		);
		await waitFor( () => expect( streams ).toHaveLength( 1 ) );
		const call = chatCalls()[ 0 ]!;
		expect( call.fields ).toMatchObject( {
			nonce: 'n-assistant',
			post_id: '12',
			post_type: 'mpcs-lesson',
			message: 'Write learning objectives for this lesson.',
			stream: '1',
		} );
		const context = JSON.parse( call.fields.context ?? '{}' );
		expect( context.title ).toBe( 'Aperture (unsaved)' );
		expect( context.content ).toContain(
			'Aperture is the opening of the lens.'
		);
		expect( context.selected_block ).toMatchObject( {
			client_id: blocks[ 0 ]!.clientId,
			name: 'core/paragraph',
		} );

		// The user's message shows at once; the reply streams in with Stop on offer.
		expect(
			screen.getByText( 'Write learning objectives for this lesson.' )
		).toBeInTheDocument();
		await act( async () => {
			streams[ 0 ]!.event( 'delta', { text: 'Here are objectives ' } );
		} );
		expect(
			await screen.findByText( 'Here are objectives' )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Stop' } )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Write learning objectives' } )
		).toBeDisabled();

		await reply( streams[ 0 ]!, 'Here are objectives from this lesson.', [
			objectives,
		] );
		const card = (
			await screen.findByRole( 'heading', {
				name: 'Insert learning objectives',
			} )
		).closest( 'li' )!;
		const preview = within( card ).getByRole( 'group', {
			name: 'Preview',
		} );
		expect(
			within( preview ).getByRole( 'heading', {
				name: 'Learning objectives',
			} )
		).toBeInTheDocument();
		expect(
			within( preview ).getByText( 'Explain aperture.' )
		).toBeInTheDocument();
		// The bridge stored the exchange with the reply: the status says so.
		expect( screen.getByText( /^Saved \d/ ) ).toBeInTheDocument();
		// Previewing changes nothing.
		expect( registry.select( blockEditorStore ).getBlocks() ).toHaveLength(
			2
		);
	} );

	it( 'applies a suggestion as real blocks after the selected block, offers Undo, and can apply again', async () => {
		const { registry, blocks } = setup();
		await ready();
		act( () => {
			registry
				.dispatch( blockEditorStore )
				.selectBlock( blocks[ 0 ]!.clientId );
		} );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Write learning objectives' } )
		);
		await waitFor( () => expect( streams ).toHaveLength( 1 ) );
		await reply( streams[ 0 ]!, 'Here you go.', [ objectives ] );
		// The selection moves on (the user clicks elsewhere): "cursor" is where it is at apply time.
		act( () => {
			registry
				.dispatch( blockEditorStore )
				.selectBlock( blocks[ 1 ]!.clientId );
		} );
		await userEvent.click(
			await screen.findByRole( 'button', { name: 'Apply' } )
		);

		const names = registry
			.select( blockEditorStore )
			.getBlocks()
			.map( ( b ) => b.name );
		expect( names ).toEqual( [
			'core/paragraph',
			'core/paragraph',
			'core/heading',
			'core/list',
		] );
		expect( recorded.map( ( a ) => a.type ) ).toEqual( [
			'INSERT_BLOCKS',
		] );
		expect(
			screen.getByText( 'Applied. The editor’s Undo takes it back.' )
		).toBeInTheDocument();

		const notices = registry.select( noticesStore() ).getNotices();
		expect( notices ).toEqual( [
			expect.objectContaining( {
				id: 'mpcc-assistant-applied',
				content: 'Blocks inserted.',
				type: 'snackbar',
			} ),
		] );
		act( () => {
			(
				notices[ 0 ] as unknown as {
					actions: Array< { onClick: () => void } >;
				}
			 ).actions[ 0 ]!.onClick();
		} );
		expect( recorded.map( ( a ) => a.type ) ).toEqual( [
			'INSERT_BLOCKS',
			'UNDO',
		] );

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Apply again' } )
		);
		expect( recorded.map( ( a ) => a.type ) ).toEqual( [
			'INSERT_BLOCKS',
			'UNDO',
			'INSERT_BLOCKS',
		] );

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Dismiss' } )
		);
		expect(
			screen.queryByRole( 'heading', {
				name: 'Insert learning objectives',
			} )
		).not.toBeInTheDocument();
	} );

	it( 'replaces the block that was selected when asking, and previews title changes', async () => {
		const { registry, blocks } = setup();
		await ready();
		act( () => {
			registry
				.dispatch( blockEditorStore )
				.selectBlock( blocks[ 1 ]!.clientId );
		} );
		await userEvent.type(
			screen.getByRole( 'textbox', { name: 'Message to the copilot' } ),
			'Improve this block{Enter}'
		);
		await waitFor( () => expect( streams ).toHaveLength( 1 ) );
		await reply( streams[ 0 ]!, 'Tighter, and a better title.', [
			{
				id: 'r1',
				label: 'Replace the selected block',
				type: 'replace_block',
				content:
					'<!-- wp:paragraph --><p>It controls depth of field.</p><!-- /wp:paragraph -->',
			},
			{
				id: 't1',
				label: 'Set the title',
				type: 'set_title',
				title: 'Aperture, Explained',
			},
		] );
		act( () => {
			registry
				.dispatch( blockEditorStore )
				.selectBlock( blocks[ 0 ]!.clientId );
		} );

		const titleCard = screen
			.getByRole( 'heading', { name: 'Set the title' } )
			.closest( 'li' )!;
		expect(
			within( titleCard ).getByText( 'Aperture, Explained' )
		).toBeInTheDocument();
		expect(
			within( titleCard ).getByText( 'Aperture and Depth of Field' )
		).toBeInTheDocument();

		const replaceCard = screen
			.getByRole( 'heading', { name: 'Replace the selected block' } )
			.closest( 'li' )!;
		await userEvent.click(
			within( replaceCard ).getByRole( 'button', { name: 'Apply' } )
		);
		expect(
			registry
				.select( blockEditorStore )
				.getBlocks()
				.map( ( b ) => b.attributes.content )
		).toEqual( [
			'Aperture is the opening of the lens.',
			'It controls depth of field.',
		] );
		await userEvent.click(
			within( titleCard ).getByRole( 'button', { name: 'Apply' } )
		);
		expect(
			registry.select( editorStore ).getEditedPostAttribute( 'title' )
		).toBe( 'Aperture, Explained' );
	} );

	it( 'refuses a suggestion that would be raw HTML, and says so', async () => {
		const { registry } = setup();
		await ready();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Summarize' } )
		);
		await waitFor( () => expect( streams ).toHaveLength( 1 ) );
		await reply( streams[ 0 ]!, 'Here.', [
			{
				id: 'h1',
				label: 'Insert summary',
				type: 'insert_blocks',
				position: 'end',
				content:
					'<!-- wp:html --><marquee>Hi</marquee><!-- /wp:html -->',
			},
		] );
		expect(
			await screen.findByText(
				'This cannot be shown as editor blocks, so it cannot be applied.'
			)
		).toBeInTheDocument();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Apply' } )
		);
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'could not be turned into editor blocks'
		);
		expect( registry.select( blockEditorStore ).getBlocks() ).toHaveLength(
			2
		);
	} );

	it( 'stops a streaming reply and retries it with the current context', async () => {
		const { registry } = setup();
		await ready();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Summarize' } )
		);
		await waitFor( () => expect( streams ).toHaveLength( 1 ) );
		await act( async () => {
			streams[ 0 ]!.event( 'delta', { text: 'Partial ' } );
		} );
		await userEvent.click(
			await screen.findByRole( 'button', { name: 'Stop' } )
		);
		expect(
			await screen.findByText( 'No reply to your last message.' )
		).toBeInTheDocument();
		expect( screen.getByText( 'Not answered' ) ).toBeInTheDocument();

		act( () => {
			registry
				.dispatch( editorStore )
				.editPost( { title: 'Edited meanwhile' } );
		} );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Retry' } )
		);
		await waitFor( () => expect( streams ).toHaveLength( 2 ) );
		const retried = chatCalls()[ 1 ]!;
		expect( retried.fields.message ).toBe( 'Summarize this lesson.' );
		expect( JSON.parse( retried.fields.context ?? '{}' ).title ).toBe(
			'Edited meanwhile'
		);
		await reply( streams[ 1 ]!, 'A summary.' );
		expect( await inConversation( 'A summary.' ) ).toBeInTheDocument();
		expect(
			screen.queryByText( 'No reply to your last message.' )
		).not.toBeInTheDocument();
	} );

	it( 'shows an error with its next step, and Try again sends the message again', async () => {
		setup();
		await ready();
		bridge.failures.set( 'mpcc_editor_ai_chat', {
			status: 503,
			code: 'mpcc_ai_service_error',
		} );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Summarize' } )
		);
		expect(
			await screen.findByText( 'The AI service is not answering.' )
		).toBeInTheDocument();
		expect(
			screen.getByText( 'Try again in a moment.' )
		).toBeInTheDocument();
		bridge.failures.delete( 'mpcc_editor_ai_chat' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Try again' } )
		);
		await waitFor( () => expect( streams ).toHaveLength( 1 ) );
		await reply( streams[ 0 ]!, 'Back again.' );
		expect( await inConversation( 'Back again.' ) ).toBeInTheDocument();
		expect(
			screen.queryByText( 'The AI service is not answering.' )
		).not.toBeInTheDocument();
	} );

	it( 'an expired nonce offers a reload and stops sending', async () => {
		setup();
		const box = await ready();
		bridge.failures.set( 'mpcc_editor_ai_chat', {
			status: 403,
			code: 'mpcc_invalid_nonce',
		} );
		fireEvent.change( box, { target: { value: 'Hello' } } );
		fireEvent.submit( box.closest( 'form' )! );
		expect(
			await screen.findByText( 'Your session expired.' )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Reload page' } )
		).toBeInTheDocument();
		await waitFor( () => expect( box ).toBeDisabled() );
		expect(
			screen.getByRole( 'button', { name: 'Summarize' } )
		).toBeDisabled();
	} );

	it( 'keeps the conversation when the sidebar is closed and reopened', async () => {
		const { view, ui } = setup();
		await ready();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Summarize' } )
		);
		await waitFor( () => expect( streams ).toHaveLength( 1 ) );
		await reply( streams[ 0 ]!, 'A short summary.' );
		expect(
			await inConversation( 'A short summary.' )
		).toBeInTheDocument();
		const lists = bridge.callsOf( 'mpcc_list_sessions' ).length;
		view.unmount();
		render( ui() );
		expect(
			await inConversation( 'A short summary.' )
		).toBeInTheDocument();
		expect(
			await inConversation( 'Summarize this lesson.' )
		).toBeInTheDocument();
		expect( bridge.callsOf( 'mpcc_list_sessions' ) ).toHaveLength( lists );
	} );
} );
