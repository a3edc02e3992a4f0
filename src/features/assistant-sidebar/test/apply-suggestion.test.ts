/**
 * A suggestion lands where it says, each apply in a single editor dispatch (one undo level).
 */
import './editor-mocks';
import { applySuggestion } from '../apply-suggestion';

import {
	blockEditorStore,
	createBlock,
	editorStore,
	recorded,
	registerTestBlocks,
} from './editor-fakes';
import {
	insert,
	paragraph,
	replaceWith,
	setupPost,
} from './suggestion-fixtures';

beforeAll( registerTestBlocks );

describe( 'applySuggestion', () => {
	it( 'inserts after the selected block in one dispatch', () => {
		const { registry, blocks, names, texts } = setupPost();
		registry
			.dispatch( blockEditorStore )
			.selectBlock( blocks[ 0 ]!.clientId );
		const result = applySuggestion( registry, insert( 'cursor' ) );
		expect( result ).toMatchObject( {
			ok: true,
			message: 'Blocks inserted.',
		} );
		// It names the blocks it put in, the ones now in the post after the selection.
		expect( result.ok && result.clientIds ).toEqual(
			registry
				.select( blockEditorStore )
				.getBlocks()
				.slice( 1, 3 )
				.map( ( block ) => block.clientId )
		);
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
		const { registry, blocks, names } = setupPost();
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
		const { registry } = setupPost( [ group, paragraph( 'After' ) ] );
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
		const { registry, names } = setupPost( [ empty ] );
		applySuggestion( registry, insert( 'end' ) );
		expect( names() ).toEqual( [ 'core/heading', 'core/list' ] );
		expect( recorded.map( ( a ) => a.type ) ).toEqual( [
			'REPLACE_BLOCKS',
		] );
	} );

	it( 'replaces the block selected when the question was asked, even if the selection moved', () => {
		const { registry, blocks, texts } = setupPost();
		registry
			.dispatch( blockEditorStore )
			.selectBlock( blocks[ 2 ]!.clientId );
		const result = applySuggestion( registry, replaceWith( 'Better one' ), {
			clientId: blocks[ 0 ]!.clientId,
		} );
		expect( result.ok ).toBe( true );
		expect( texts() ).toEqual( [ 'Better one', 'Two', 'Three' ] );
		expect( recorded.map( ( a ) => a.type ) ).toEqual( [
			'REPLACE_BLOCKS',
		] );
	} );

	it( 'says what to do when there is no block to replace', () => {
		const { registry, texts } = setupPost();
		const result = applySuggestion( registry, replaceWith( 'Better' ), {
			clientId: 'gone',
		} );
		expect( result ).toEqual( {
			ok: false,
			message: expect.stringContaining( 'Select a block' ),
		} );
		expect( texts() ).toEqual( [ 'One', 'Two', 'Three' ] );
		expect( recorded ).toEqual( [] );
	} );

	it( 'refuses raw HTML output and leaves the post alone', () => {
		const { registry, names } = setupPost();
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
		const { registry } = setupPost();
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
