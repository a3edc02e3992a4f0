/**
 * Model output becomes real blocks (never raw HTML blocks), and their preview is their saved HTML.
 */
/// <reference types="@wordpress/jest-console" />
import './editor-mocks';

import { blocksFromMarkup } from '../blocks-from-markup';

import { previewHtml } from '../preview-html';
import { registerTestBlocks } from './editor-fakes';
import { OBJECTIVES } from './suggestion-fixtures';

beforeAll( registerTestBlocks );

describe( 'blocksFromMarkup', () => {
	it( 'parses block markup into valid core blocks with their inner blocks', () => {
		const blocks = blocksFromMarkup( OBJECTIVES );
		expect( blocks?.map( ( b ) => b.name ) ).toEqual( [
			'core/heading',
			'core/list',
		] );
		expect( blocks?.every( ( b ) => b.isValid ) ).toBe( true );
		expect(
			blocks?.[ 1 ]?.innerBlocks.map( ( b ) => b.attributes.content )
		).toEqual( [ 'Explain aperture.', 'Use depth of field.' ] );
	} );

	it( 'turns plain HTML (a classic block) into real blocks with the raw handler', () => {
		const blocks = blocksFromMarkup(
			'<p>Plain <strong>HTML</strong> paragraph.</p>'
		);
		expect( blocks?.map( ( b ) => b.name ) ).toEqual( [
			'core/paragraph',
		] );
		expect( blocks?.[ 0 ]?.attributes.content ).toBe(
			'Plain <strong>HTML</strong> paragraph.'
		);
	} );

	it( 'refuses what can only be a raw HTML block or an unknown block', () => {
		expect(
			blocksFromMarkup(
				'<!-- wp:html --><marquee>Hi</marquee><!-- /wp:html -->'
			)
		).toBeNull();
		expect(
			blocksFromMarkup(
				'<!-- wp:acme/widget --><div>x</div><!-- /wp:acme/widget -->'
			)
		).toBeNull();
		expect( blocksFromMarkup( '   ' ) ).toBeNull();
	} );

	it( 'recovers a block whose markup does not match its save output', () => {
		const blocks = blocksFromMarkup(
			'<!-- wp:heading -->\n<h2 class="something-else">Title</h2>\n<!-- /wp:heading -->'
		);
		expect( blocks?.[ 0 ]?.name ).toBe( 'core/heading' );
		expect( blocks?.[ 0 ]?.isValid ).toBe( true );
		expect( blocks?.[ 0 ]?.attributes.content ).toBe( 'Title' );
		// The editor's own validation reports the mismatch before we recover.
		expect( console ).toHaveErrored();
		expect( console ).toHaveWarned();
	} );
} );

describe( 'preview HTML', () => {
	it( 'renders parsed blocks as their saved HTML', () => {
		expect(
			previewHtml( blocksFromMarkup( OBJECTIVES ) ?? [] ).replace(
				/\s*\n\s*/g,
				''
			)
		).toBe(
			'<h2>Learning objectives</h2><ul><li>Explain aperture.</li><li>Use depth of field.</li></ul>'
		);
	} );
} );
