/**
 * Lesson drafts are block markup. Their static HTML is already in the markup: the preview drops
 * the block delimiters (comments) and anything not plain content — scripts, styles, frames,
 * forms, event handlers, javascript: links — before rendering.
 */
const ALLOWED = new Set( [
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
	'A',
	'CODE',
	'PRE',
	'BLOCKQUOTE',
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
	'SPAN',
	'DIV',
	'MARK',
	'SUB',
	'SUP',
	'CITE',
	'KBD',
	'DL',
	'DT',
	'DD',
	'DETAILS',
	'SUMMARY',
] );
const DROPPED = new Set( [
	'SCRIPT',
	'STYLE',
	'IFRAME',
	'OBJECT',
	'EMBED',
	'SVG',
	'MATH',
	'TEMPLATE',
	'NOSCRIPT',
	'FORM',
	'INPUT',
	'TEXTAREA',
	'BUTTON',
	'SELECT',
	'LINK',
	'META',
	'BASE',
	'VIDEO',
	'AUDIO',
	'IMG',
	'PICTURE',
	'SOURCE',
	'FRAME',
	'FRAMESET',
] );
const SAFE_HREF = /^(https?:|mailto:|#|\/)/i;

function clean( node: Node, doc: Document ): void {
	for ( const child of Array.from( node.childNodes ) ) {
		if ( child.nodeType === 3 ) {
			continue;
		}
		if ( child.nodeType !== 1 ) {
			child.parentNode?.removeChild( child );
			continue;
		}
		const element = child as Element;
		if ( DROPPED.has( element.tagName ) ) {
			element.remove();
			continue;
		}
		clean( element, doc );
		if ( ! ALLOWED.has( element.tagName ) ) {
			const fragment = doc.createDocumentFragment();
			while ( element.firstChild ) {
				fragment.appendChild( element.firstChild );
			}
			element.replaceWith( fragment );
			continue;
		}
		for ( const attribute of Array.from( element.attributes ) ) {
			const keep =
				element.tagName === 'A' &&
				attribute.name === 'href' &&
				SAFE_HREF.test( attribute.value.trim() );
			if ( ! keep ) {
				element.removeAttribute( attribute.name );
			}
		}
		if ( element.tagName === 'A' ) {
			element.setAttribute( 'rel', 'noopener noreferrer' );
			element.setAttribute( 'target', '_blank' );
		}
	}
}

/** Safe HTML for previewing a lesson draft's block markup. */
export function previewHtml( markup: string ): string {
	if ( ! markup.trim() || typeof DOMParser === 'undefined' ) {
		return '';
	}
	const doc = new DOMParser().parseFromString(
		`<!DOCTYPE html><body>${ markup }</body>`,
		'text/html'
	);
	clean( doc.body, doc );
	return doc.body.innerHTML.trim();
}

/** Plain words in a draft (for "N words"). */
export function wordCount( markup: string ): number {
	const text = markup
		.replace( /<!--[\s\S]*?-->/g, ' ' )
		.replace( /<[^>]+>/g, ' ' )
		.trim();
	return text ? text.split( /\s+/ ).length : 0;
}
