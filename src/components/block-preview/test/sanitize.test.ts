/**
 * The preview sanitizer shared by the assistant sidebar (links as text) and the course editor's
 * lesson drafts (safe links kept).
 */
import { sanitizePreviewHtml } from '..';

describe( 'sanitizePreviewHtml', () => {
	it( 'keeps text structure and drops scripts, attributes, links and media', () => {
		const html = sanitizePreviewHtml(
			'<h2 class="x" onclick="evil()">Title</h2><script>alert(1)</script><p>See <a href="javascript:alert(1)">this</a> <img src="x" onerror="evil()"></p><ul><li style="color:red">One</li></ul><!-- c -->'
		);
		expect( html ).toBe(
			'<h2>Title</h2><p>See this </p><ul><li>One</li></ul>'
		);
	} );

	it( 'drops block delimiters, and unknown wrappers give way to their content', () => {
		expect(
			sanitizePreviewHtml(
				'<!-- wp:group -->\n<div class="wp-block-group"><span style="x">In</span> <form><input></form>a group</div>\n<!-- /wp:group -->'
			)
		).toBe( 'In a group' );
		expect( sanitizePreviewHtml( '  \n ' ) ).toBe( '' );
	} );

	it( 'keeps safe links, opened in a new tab, when asked to', () => {
		const html = sanitizePreviewHtml(
			'<p><a href=" https://example.com/a " class="x" onclick="evil()">Safe</a> <a href="javascript:alert(1)">Bad</a> <a href="/b">Local</a></p>',
			{ links: true }
		);
		const doc = new DOMParser().parseFromString( html, 'text/html' );
		const anchors = Array.from( doc.querySelectorAll( 'a' ) );
		expect( anchors.map( ( a ) => a.getAttribute( 'href' ) ) ).toEqual( [
			' https://example.com/a ',
			null,
			'/b',
		] );
		expect(
			anchors.every(
				( a ) =>
					a.getAttribute( 'rel' ) === 'noopener noreferrer' &&
					a.getAttribute( 'target' ) === '_blank' &&
					! a.hasAttribute( 'onclick' ) &&
					! a.hasAttribute( 'class' )
			)
		).toBe( true );
	} );
} );
