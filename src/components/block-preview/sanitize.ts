/**
 * A read-only preview of block markup (a lesson draft, a suggestion's blocks): the saved HTML
 * already in the markup, cut down to an allowlist of text-level tags with every attribute removed,
 * so nothing in a preview can run or load, whatever the model wrote. Block delimiters (comments)
 * go; scripts, styles, frames, forms, media and embeds go with everything inside them; any other
 * wrapper (div, span, details …) gives way to its cleaned content.
 *
 * Links become plain text unless `links` is set: then a link with a safe href (http(s), mailto,
 * #, /) keeps only that href and opens in a new tab without an opener or a referrer.
 */
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
	'FRAME',
	'FRAMESET',
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
	'BASE',
	'IMG',
	'VIDEO',
	'AUDIO',
	'SOURCE',
	'PICTURE',
	'CANVAS',
	'HEAD',
	'TITLE',
] );
const SAFE_HREF = /^(https?:|mailto:|#|\/)/i;

export interface PreviewOptions {
	/** Keep links with a safe href (opened in a new tab); otherwise a link gives way to its text. */
	links?: boolean;
}

function clean( parent: Node, links: boolean ): void {
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
		clean( element, links );
		const link = links && tag === 'A';
		if ( ! link && ! KEEP.has( tag ) ) {
			while ( element.firstChild ) {
				parent.insertBefore( element.firstChild, element );
			}
			parent.removeChild( element );
			continue;
		}
		for ( const attribute of Array.from( element.attributes ) ) {
			const keep =
				link &&
				attribute.name === 'href' &&
				SAFE_HREF.test( attribute.value.trim() );
			if ( ! keep ) {
				element.removeAttribute( attribute.name );
			}
		}
		if ( link ) {
			element.setAttribute( 'rel', 'noopener noreferrer' );
			element.setAttribute( 'target', '_blank' );
		}
	}
}

/** Safe HTML for previewing block markup (or any saved block HTML). */
export function sanitizePreviewHtml(
	html: string,
	{ links = false }: PreviewOptions = {}
): string {
	if ( ! html.trim() || typeof DOMParser === 'undefined' ) {
		return '';
	}
	// DOMParser documents are inert: nothing in them runs or loads while we clean them.
	const doc = new DOMParser().parseFromString(
		`<!DOCTYPE html><html><body>${ html }</body></html>`,
		'text/html'
	);
	clean( doc.body, links );
	return doc.body.innerHTML.trim();
}
