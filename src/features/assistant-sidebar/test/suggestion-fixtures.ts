/** Shared fixtures for the suggestion tests: model output, paragraphs, and a post in the fake editor. */
import { createRegistry } from '@wordpress/data';
import {
	blockEditorStore,
	createBlock,
	editorStore,
	recorded,
} from './editor-fakes';
import type { EditorSuggestion } from '../../../schemas/suggestions';

/** A heading and a two-item list, as the model writes them. */
export const OBJECTIVES =
	'<!-- wp:heading -->\n<h2 class="wp-block-heading">Learning objectives</h2>\n<!-- /wp:heading -->\n\n' +
	'<!-- wp:list -->\n<ul class="wp-block-list"><!-- wp:list-item -->\n<li>Explain aperture.</li>\n<!-- /wp:list-item -->\n\n' +
	'<!-- wp:list-item -->\n<li>Use depth of field.</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->';

export const paragraph = ( content: string ) =>
	createBlock( 'core/paragraph', { content } );

/** A lesson post of paragraphs (One, Two, Three) in the fake editor stores, with readers of its blocks. */
export function setupPost(
	blocks = [ paragraph( 'One' ), paragraph( 'Two' ), paragraph( 'Three' ) ]
) {
	const registry = createRegistry();
	registry.register( editorStore );
	registry.register( blockEditorStore );
	registry.dispatch( editorStore ).setupPost( 12, 'mpcs-lesson', {
		title: 'Aperture',
		excerpt: 'Old excerpt',
	} );
	registry.dispatch( blockEditorStore ).resetBlocks( blocks );
	recorded.length = 0;
	const names = () =>
		registry
			.select( blockEditorStore )
			.getBlocks()
			.map( ( b ) => b.name );
	const texts = () =>
		registry
			.select( blockEditorStore )
			.getBlocks()
			.map( ( b ) =>
				String(
					b.attributes.content ??
						b.innerBlocks
							.map( ( i ) => i.attributes.content )
							.join( '|' )
				)
			);
	return { registry, blocks, names, texts };
}

export const insert = (
	position: 'cursor' | 'end',
	content = OBJECTIVES
): EditorSuggestion => ( {
	id: 's1',
	label: 'Insert learning objectives',
	type: 'insert_blocks',
	position,
	content,
} );

/** A replace_block suggestion whose new block is one paragraph of `text`. */
export const replaceWith = ( text: string ): EditorSuggestion => ( {
	id: 'r',
	label: 'Replace',
	type: 'replace_block',
	content: `<!-- wp:paragraph --><p>${ text }</p><!-- /wp:paragraph -->`,
} );
