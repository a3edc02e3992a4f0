/**
 * A read-only preview of blocks in the narrow sidebar: their saved HTML through the shared preview
 * sanitizer, with links as plain text, so nothing in a preview can run, load or be clicked.
 */
import { getBlockContent, type Block } from '@wordpress/blocks';
import { sanitizePreviewHtml } from '../../components/block-preview';

export function previewHtml( blocks: readonly Block[] ): string {
	return sanitizePreviewHtml(
		blocks.map( ( block ) => getBlockContent( block ) ).join( '\n' )
	);
}
