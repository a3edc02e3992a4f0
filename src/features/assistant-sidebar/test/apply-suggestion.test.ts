/**
 * Model output becomes real blocks (never raw HTML blocks) and lands where the suggestion says,
 * each apply in a single editor dispatch (one undo level).
 */
/// <reference types="@wordpress/jest-console" />
import { createRegistry } from '@wordpress/data';
import { applySuggestion } from '../apply-suggestion';
import { blocksFromMarkup } from '../blocks-from-markup';
import { captureBlockTarget } from '../block-target';
import { readEditorContext } from '../editor-context';
import { previewHtml } from '../preview-html';
import {
	blockEditorStore,
	createBlock,
	editorStore,
	recorded,
	registerTestBlocks,
} from './editor-fakes';
import type { EditorSuggestion } from '../../../schemas/suggestions';

jest.mock(
	'@wordpress/editor',
	() => require( './editor-fakes' ).editorModule,
	{ virtual: true }
);
jest.mock(
	'@wordpress/block-editor',
	() => require( './editor-fakes' ).blockEditorModule,
	{ virtual: true }
);
// @wordpress/blocks' paste handler (unused here) imports `marked`, which ships ESM only.
jest.mock( 'marked', () => ( { Marked: class {} } ) );

const OBJECTIVES =
	'<!-- wp:heading -->\n<h2 class="wp-block-heading">Learning objectives</h2>\n<!-- /wp:heading -->\n\n' +
	'<!-- wp:list -->\n<ul class="wp-block-list"><!-- wp:list-item -->\n<li>Explain aperture.</li>\n<!-- /wp:list-item -->\n\n' +
	'<!-- wp:list-item -->\n<li>Use depth of field.</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->';

const paragraph = ( content: string ) =>
	createBlock( 'core/paragraph', { content } );

function setup(
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

const insert = (
	position: 'cursor' | 'end',
	content = OBJECTIVES
): EditorSuggestion => ( {
	id: 's1',
	label: 'Insert learning objectives',
	type: 'insert_blocks',
	position,
	content,
} );

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

describe( 'applySuggestion', () => {
	it( 'inserts after the selected block in one dispatch', () => {
		const { registry, blocks, names, texts } = setup();
		registry
			.dispatch( blockEditorStore )
			.selectBlock( blocks[ 0 ]!.clientId );
		expect( applySuggestion( registry, insert( 'cursor' ) ) ).toEqual( {
			ok: true,
			message: 'Blocks inserted.',
		} );
		expect( names() ).toEqual( [
			'core/paragraph',
			'core/heading',
			'core/list',
			'core/paragraph',
			'core/paragraph',
		] );
		expect( texts()[ 1 ] ).toBe( 'Learning objectives' );
		expect( recorded.map( ( a ) => a.type ) ).toEqual( [
			'INSERT_BLOCKS',
		] );
	} );

	it( 'inserts at the end when nothing is selected, or when the suggestion says end', () => {
		const { registry, blocks, names } = setup();
		applySuggestion( registry, insert( 'cursor' ) );
		expect( names().slice( 3 ) ).toEqual( [ 'core/heading', 'core/list' ] );
		registry
			.dispatch( blockEditorStore )
			.selectBlock( blocks[ 0 ]!.clientId );
		applySuggestion(
			registry,
			insert(
				'end',
				'<!-- wp:paragraph --><p>Last</p><!-- /wp:paragraph -->'
			)
		);
		expect( names() ).toHaveLength( 6 );
		expect(
			registry.select( blockEditorStore ).getBlocks()[ 5 ]?.attributes
				.content
		).toBe( 'Last' );
	} );

	it( 'inserts inside the parent of a nested selected block', () => {
		const inner = paragraph( 'Inside' );
		const group = createBlock( 'core/group', {}, [ inner ] );
		const { registry } = setup( [ group, paragraph( 'After' ) ] );
		registry.dispatch( blockEditorStore ).selectBlock( inner.clientId );
		applySuggestion( registry, insert( 'cursor' ) );
		const top = registry.select( blockEditorStore ).getBlocks();
		expect( top.map( ( b ) => b.name ) ).toEqual( [
			'core/group',
			'core/paragraph',
		] );
		expect( top[ 0 ]?.innerBlocks.map( ( b ) => b.name ) ).toEqual( [
			'core/paragraph',
			'core/heading',
			'core/list',
		] );
	} );

	it( 'takes over the empty paragraph of a new post instead of leaving it above', () => {
		const empty = createBlock( 'core/paragraph' );
		const { registry, names } = setup( [ empty ] );
		applySuggestion( registry, insert( 'end' ) );
		expect( names() ).toEqual( [ 'core/heading', 'core/list' ] );
		expect( recorded.map( ( a ) => a.type ) ).toEqual( [
			'REPLACE_BLOCKS',
		] );
	} );

	it( 'replaces the block selected when the question was asked, even if the selection moved', () => {
		const { registry, blocks, texts } = setup();
		registry
			.dispatch( blockEditorStore )
			.selectBlock( blocks[ 2 ]!.clientId );
		const result = applySuggestion(
			registry,
			{
				id: 'r',
				label: 'Replace',
				type: 'replace_block',
				content:
					'<!-- wp:paragraph --><p>Better one</p><!-- /wp:paragraph -->',
			},
			{ clientId: blocks[ 0 ]!.clientId }
		);
		expect( result.ok ).toBe( true );
		expect( texts() ).toEqual( [ 'Better one', 'Two', 'Three' ] );
		expect( recorded.map( ( a ) => a.type ) ).toEqual( [
			'REPLACE_BLOCKS',
		] );
	} );

	it( 'says what to do when there is no block to replace', () => {
		const { registry, texts } = setup();
		const result = applySuggestion(
			registry,
			{
				id: 'r',
				label: 'Replace',
				type: 'replace_block',
				content:
					'<!-- wp:paragraph --><p>Better</p><!-- /wp:paragraph -->',
			},
			{ clientId: 'gone' }
		);
		expect( result ).toEqual( {
			ok: false,
			message: expect.stringContaining( 'Select a block' ),
		} );
		expect( texts() ).toEqual( [ 'One', 'Two', 'Three' ] );
		expect( recorded ).toEqual( [] );
	} );

	it( 'refuses raw HTML output and leaves the post alone', () => {
		const { registry, names } = setup();
		const result = applySuggestion(
			registry,
			insert(
				'end',
				'<!-- wp:html --><script>alert(1)</script><!-- /wp:html -->'
			)
		);
		expect( result.ok ).toBe( false );
		expect( result.message ).toMatch(
			/could not be turned into editor blocks/
		);
		expect( names() ).toHaveLength( 3 );
		expect( recorded ).toEqual( [] );
	} );

	it( 'sets the title and the excerpt through editPost, one edit each', () => {
		const { registry } = setup();
		applySuggestion( registry, {
			id: 't',
			label: 'Title',
			type: 'set_title',
			title: 'Aperture, Explained',
		} );
		applySuggestion( registry, {
			id: 'e',
			label: 'Excerpt',
			type: 'set_excerpt',
			excerpt: 'A short summary.',
		} );
		const editor = registry.select( editorStore );
		expect( editor.getEditedPostAttribute( 'title' ) ).toBe(
			'Aperture, Explained'
		);
		expect( editor.getEditedPostAttribute( 'excerpt' ) ).toBe(
			'A short summary.'
		);
		expect( recorded ).toEqual( [
			{ type: 'EDIT_POST', edits: { title: 'Aperture, Explained' } },
			{ type: 'EDIT_POST', edits: { excerpt: 'A short summary.' } },
		] );
	} );
} );

describe( 'readEditorContext', () => {
	it( 'sends the live title, excerpt, content and the selected block', () => {
		const { registry, blocks } = setup();
		registry.dispatch( editorStore ).editPost( { title: 'Unsaved title' } );
		registry
			.dispatch( blockEditorStore )
			.selectBlock( blocks[ 1 ]!.clientId );
		const context = readEditorContext( registry );
		expect( context.title ).toBe( 'Unsaved title' );
		expect( context.excerpt ).toBe( 'Old excerpt' );
		expect( context.content ).toContain(
			'<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->'
		);
		expect( context.selected_block ).toEqual( {
			client_id: blocks[ 1 ]!.clientId,
			name: 'core/paragraph',
			content:
				'<!-- wp:paragraph -->\n<p>Two</p>\n<!-- /wp:paragraph -->',
		} );
	} );

	it( 'has no selected block when none is selected, and stays within the proxy limits', () => {
		const { registry } = setup( [ paragraph( 'x'.repeat( 250_000 ) ) ] );
		const context = readEditorContext( registry );
		expect( context.selected_block ).toBeNull();
		expect( context.content.length ).toBe( 200_000 );
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

describe( 'a replace card keeps its block', () => {
	const better = {
		id: 'r',
		label: 'Rewrite',
		type: 'replace_block' as const,
		content: '<!-- wp:paragraph --><p>Better two</p><!-- /wp:paragraph -->',
	};

	it( 'does not overwrite a block edited since the suggestion: it shows both versions, and replaces only when told', () => {
		const { registry, blocks, texts } = setup();
		const target = captureBlockTarget( registry, blocks[ 1 ]!.clientId )!;
		expect( target ).toMatchObject( {
			name: 'core/paragraph',
			path: [ 1 ],
		} );
		// The author edits the block after asking.
		registry
			.dispatch( blockEditorStore )
			.resetBlocks( [
				blocks[ 0 ]!,
				{ ...blocks[ 1 ]!, attributes: { content: 'Two, edited' } },
				blocks[ 2 ]!,
			] );
		recorded.length = 0;
		const result = applySuggestion( registry, better, { block: target } );
		expect( result.ok ).toBe( false );
		expect( result ).toMatchObject( {
			edited: {
				before: expect.stringContaining( '<p>Two</p>' ),
				now: expect.stringContaining( '<p>Two, edited</p>' ),
			},
		} );
		expect( texts() ).toEqual( [ 'One', 'Two, edited', 'Three' ] );
		expect( recorded ).toEqual( [] );

		const anyway = applySuggestion( registry, better, {
			block: target,
			replaceEdited: true,
		} );
		expect( anyway.ok ).toBe( true );
		expect( texts() ).toEqual( [ 'One', 'Better two', 'Three' ] );
	} );

	it( 'after a reload (new clientIds) finds its block by its markup, whatever is selected', () => {
		const { registry, blocks, texts } = setup();
		const target = captureBlockTarget( registry, blocks[ 1 ]!.clientId )!;
		// A reload parses the post again: same blocks, new clientIds, another order, another selection.
		const reloaded = [
			paragraph( 'Zero' ),
			paragraph( 'One' ),
			paragraph( 'Two' ),
			paragraph( 'Three' ),
		];
		registry.dispatch( blockEditorStore ).resetBlocks( reloaded );
		registry
			.dispatch( blockEditorStore )
			.selectBlock( reloaded[ 0 ]!.clientId );
		const result = applySuggestion( registry, better, { block: target } );
		expect( result.ok ).toBe( true );
		expect( texts() ).toEqual( [ 'Zero', 'One', 'Better two', 'Three' ] );
	} );

	it( 'says so when its block is gone, and changes nothing', () => {
		const { registry, blocks, texts } = setup();
		const target = captureBlockTarget( registry, blocks[ 2 ]!.clientId )!;
		registry
			.dispatch( blockEditorStore )
			.resetBlocks( [ blocks[ 0 ]!, blocks[ 1 ]! ] );
		const result = applySuggestion( registry, better, { block: target } );
		expect( result ).toEqual( {
			ok: false,
			message: expect.stringContaining( 'no longer in the post' ),
		} );
		expect( texts() ).toEqual( [ 'One', 'Two' ] );
	} );
} );
