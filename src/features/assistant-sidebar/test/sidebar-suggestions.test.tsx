/**
 * The assistant sidebar's suggestions: streamed with the live editor context, previewed, applied as
 * real blocks (insert, replace, title), refused when raw HTML.
 */
import './editor-mocks';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
	blockEditorStore,
	editorStore,
	recorded,
	registerTestBlocks,
} from './editor-fakes';
import * as harness from './sidebar-harness';
import { store as sessionStore } from '../../../store';
import { noticesStore } from '../../../store/test/helpers';

beforeAll( registerTestBlocks );
beforeEach( harness.resetSidebar );

describe( 'assistant sidebar suggestions', () => {
	it( 'sends a quick action with the live editor context, streams the reply and previews its suggestion', async () => {
		const { registry, blocks } = harness.setup();
		await harness.ready();
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
		await harness.streamStarted();
		const call = harness.chatCalls()[ 0 ]!;
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
			harness.streams[ 0 ]!.event( 'delta', {
				text: 'Here are objectives ',
			} );
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

		await harness.reply(
			harness.streams[ 0 ]!,
			'Here are objectives from this lesson.',
			[ harness.objectives ]
		);
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
		const { registry, blocks } = harness.setup();
		await harness.ready();
		harness.selectBlock( registry, blocks[ 0 ]!.clientId );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Write learning objectives' } )
		);
		await harness.streamStarted();
		await harness.reply( harness.streams[ 0 ]!, 'Here you go.', [
			harness.objectives,
		] );
		// The selection moves on (the user clicks elsewhere): "cursor" is where it is at apply time.
		harness.selectBlock( registry, blocks[ 1 ]!.clientId );
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

	it( 'is open again once the editor’s Undo has taken its blocks out, and the session keeps it open', async () => {
		const { registry, blocks } = harness.setup();
		await harness.ready();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Write learning objectives' } )
		);
		await harness.streamStarted();
		await harness.reply( harness.streams[ 0 ]!, 'Here you go.', [
			harness.objectives,
		] );
		await userEvent.click(
			await screen.findByRole( 'button', { name: 'Apply' } )
		);
		expect(
			screen.getByText( 'Applied. The editor’s Undo takes it back.' )
		).toBeInTheDocument();

		// What the editor's Undo does to the post: the inserted blocks are gone.
		act( () => {
			registry.dispatch( blockEditorStore ).resetBlocks( blocks );
		} );
		expect(
			await screen.findByRole( 'button', { name: 'Apply' } )
		).toBeInTheDocument();
		expect(
			screen.queryByText( 'Applied. The editor’s Undo takes it back.' )
		).not.toBeInTheDocument();
		// Kept as the session keeps cards: saved (as the auto-save would), the card has no state.
		await act( async () => {
			await registry.dispatch( sessionStore ).save();
		} );
		const saved = harness.bridge.sessions.get( 'sess-post-12' )!;
		const card = (
			saved.messages[ 1 ] as { suggestions: Array< { state?: string } > }
		 ).suggestions[ 0 ]!;
		expect( card.state ).toBeUndefined();
	} );

	it( 'replaces the block that was selected when asking, and previews title changes', async () => {
		const { registry, blocks } = harness.setup();
		await harness.ready();
		harness.selectBlock( registry, blocks[ 1 ]!.clientId );
		await userEvent.type(
			screen.getByRole( 'textbox', { name: 'Message to the copilot' } ),
			'Improve this block{Enter}'
		);
		await harness.streamStarted();
		await harness.reply(
			harness.streams[ 0 ]!,
			'Tighter, and a better title.',
			[
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
			]
		);
		harness.selectBlock( registry, blocks[ 0 ]!.clientId );

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
		const { registry } = harness.setup();
		await harness.ready();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Summarize' } )
		);
		await harness.streamStarted();
		await harness.reply( harness.streams[ 0 ]!, 'Here.', [
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
} );
