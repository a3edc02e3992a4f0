/**
 * A read-only preview of blocks in the narrow sidebar: their saved HTML, cut down to an allowlist of
 * text-level tags with every attribute removed (links become plain text, no images or embeds), so
 * nothing in a preview can run, load or be clicked, whatever the model wrote.
 */
import { getBlockContent, type Block } from '@wordpress/blocks';

const KEEP = new Set( [
	'P',
	'H1',
	'H2',
	'H3',
	'H4',
	'H5',
	'H6',
	'UL',
	'OL',
	'LI',
	'STRONG',
	'EM',
	'B',
	'I',
	'U',
	'S',
	'CODE',
	'PRE',
	'BLOCKQUOTE',
	'CITE',
	'BR',
	'HR',
	'FIGURE',
	'FIGCAPTION',
	'TABLE',
	'THEAD',
	'TBODY',
	'TFOOT',
	'TR',
	'TH',
	'TD',
	'SUB',
	'SUP',
	'MARK',
	'KBD',
	'DL',
	'DT',
	'DD',
] );
/** Dropped with everything inside them. */
const DROP = new Set( [
	'SCRIPT',
	'STYLE',
	'IFRAME',
	'OBJECT',
	'EMBED',
	'TEMPLATE',
	'NOSCRIPT',
	'SVG',
	'MATH',
	'FORM',
	'INPUT',
	'TEXTAREA',
	'SELECT',
	'BUTTON',
	'LINK',
	'META',
	'IMG',
	'VIDEO',
	'AUDIO',
	'SOURCE',
	'PICTURE',
	'CANVAS',
	'HEAD',
	'TITLE',
] );

function clean( parent: Node ): void {
	for ( const node of Array.from( parent.childNodes ) ) {
		if ( node.nodeType === 3 ) {
			continue;
		}
		if ( node.nodeType !== 1 ) {
			parent.removeChild( node );
			continue;
		}
		const element = node as Element;
		const tag = element.tagName.toUpperCase();
		if ( DROP.has( tag ) ) {
			parent.removeChild( element );
			continue;
		}
		clean( element );
		if ( ! KEEP.has( tag ) ) {
			// Unknown wrappers (div, span, a …) give way to their (cleaned) content.
			while ( element.firstChild ) {
				parent.insertBefore( element.firstChild, element );
			}
			parent.removeChild( element );
			continue;
		}
		for ( const attribute of Array.from( element.attributes ) ) {
			element.removeAttribute( attribute.name );
		}
	}
}

export function sanitizePreviewHtml( html: string ): string {
	if ( typeof DOMParser === 'undefined' ) {
		return '';
	}
	// DOMParser documents are inert: nothing in them runs or loads while we clean them.
	const doc = new DOMParser().parseFromString(
		`<!DOCTYPE html><html><body>${ html }</body></html>`,
		'text/html'
	);
	clean( doc.body );
	return doc.body.innerHTML;
}

export function previewHtml( blocks: readonly Block[] ): string {
	return sanitizePreviewHtml(
		blocks.map( ( block ) => getBlockContent( block ) ).join( '\n' )
	);
}
