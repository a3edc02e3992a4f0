/**
 * The sidebar under a real registry: the real `mpcc/session` store, small fake editor stores, and
 * only the network faked (the admin-ajax bridge behind apiFetch). Test files import './editor-mocks'
 * first, import this module as a namespace (`harness.bridge` is the current test's bridge), then
 * `beforeAll( registerTestBlocks )` and `beforeEach( harness.resetSidebar )`.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
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
import { blockEditorStore, editorStore, recorded } from './editor-fakes';
import { OBJECTIVES, paragraph } from './suggestion-fixtures';
import type { Block } from '@wordpress/blocks';
import type { EditorSuggestion } from '../../../schemas/suggestions';

export const objectives: EditorSuggestion = {
	id: 'sugg-1',
	label: 'Insert learning objectives',
	type: 'insert_blocks',
	position: 'cursor',
	content: OBJECTIVES,
};

/** The session the fake bridge stores for the post's first conversation. */
const POST_SESSION = 'sess-post-12';

/** This test's fake bridge, and the streams of its editor chat replies (in order). */
export let bridge: FakeBridge;
export let streams: FakeStream[];

/** A fresh bridge whose editor chat replies stream; run before each test. */
export function resetSidebar() {
	setConfig();
	localStorage.clear();
	bridge = new FakeBridge();
	installBridge( bridge );
	streams = [];
	bridge.handlers.set( 'mpcc_editor_ai_chat', ( fields, _call, signal ) => {
		const stream = new FakeStream( signal );
		streams.push( stream );
		if ( ! fields.session_id ) {
			// As the bridge does: the post's first conversation is stored with its question and named first.
			bridge.addSession( {
				session_id: POST_SESSION,
				post_id: Number( fields.post_id ),
				revision: 1,
				messages: [ { role: 'user', content: fields.message ?? '' } ],
			} );
			stream.event( 'session', {
				session_id: POST_SESSION,
				title: 'Aperture and Depth of Field',
				revision: 1,
			} );
		}
		return stream.response();
	} );
	recorded.length = 0;
}

export function setup( {
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

export async function ready() {
	return screen
		.findByRole( 'textbox', { name: 'Message to the copilot' } )
		.then( async ( box ) => {
			await waitFor( () => expect( box ).toBeEnabled() );
			return box;
		} );
}

/** Streams a reply: some text, the suggestions, then `done`. */
export async function reply(
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
			session_id: POST_SESSION,
			demo: true,
		} );
		stream.end();
	} );
}

/** The conversation itself (the live region repeats replies for screen readers). */
export async function inConversation( text: string ) {
	const log = await screen.findByRole( 'region', {
		name: 'Conversation with the copilot',
	} );
	return within( log ).findByText( text );
}

export function chatCalls() {
	return bridge.callsOf( 'mpcc_editor_ai_chat' );
}

/** Selects a block in the editor, as a click in the canvas would. */
export function selectBlock(
	registry: ReturnType< typeof setup >[ 'registry' ],
	clientId: string
) {
	act( () => {
		registry.dispatch( blockEditorStore ).selectBlock( clientId );
	} );
}

/** Waits for the sidebar's `n`th chat request to start streaming. */
export async function streamStarted( n = 1 ) {
	await waitFor( () => expect( streams ).toHaveLength( n ) );
	return streams[ n - 1 ]!;
}
