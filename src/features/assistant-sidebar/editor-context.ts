/**
 * The live editor state sent with each message: the title, excerpt and content as they are now
 * (unsaved edits included) and the selected block. Read on demand, not subscribed to, so typing
 * in the editor never re-renders the sidebar.
 */
import { serialize } from '@wordpress/blocks';
import { store as blockEditorStore } from '@wordpress/block-editor';
import { store as editorStore } from '@wordpress/editor';
import type { DataRegistry } from '@wordpress/data';
import type { EditorContextInput } from '../../api/types';
import { CONTEXT_LIMITS } from './constants';

function text( value: unknown, limit: number ): string {
	return typeof value === 'string' ? value.slice( 0, limit ) : '';
}

export function readEditorContext(
	registry: DataRegistry
): EditorContextInput {
	const editor = registry.select( editorStore );
	const blockEditor = registry.select( blockEditorStore );
	const selected = blockEditor.getSelectedBlock();
	const context: EditorContextInput = {
		title: text(
			editor.getEditedPostAttribute( 'title' ),
			CONTEXT_LIMITS.title
		),
		content: text( editor.getEditedPostContent(), CONTEXT_LIMITS.content ),
		excerpt: text(
			editor.getEditedPostAttribute( 'excerpt' ),
			CONTEXT_LIMITS.excerpt
		),
		selected_block: null,
	};
	if ( selected ) {
		context.selected_block = {
			client_id: selected.clientId,
			name: selected.name,
			content: text(
				serialize( [ selected ] ),
				CONTEXT_LIMITS.selectedBlock
			),
		};
	}
	return context;
}
