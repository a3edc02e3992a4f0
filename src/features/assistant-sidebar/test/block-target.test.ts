/**
 * A replace card keeps its block: edited since, moved by a reload, or gone.
 */
import './editor-mocks';
import { applySuggestion } from '../apply-suggestion';

import { captureBlockTarget } from '../block-target';

import { blockEditorStore, recorded, registerTestBlocks } from './editor-fakes';
import { paragraph, setupPost } from './suggestion-fixtures';

beforeAll( registerTestBlocks );

describe( 'a replace card keeps its block', () => {
	const better = {
		id: 'r',
		label: 'Rewrite',
		type: 'replace_block' as const,
		content: '<!-- wp:paragraph --><p>Better two</p><!-- /wp:paragraph -->',
	};

	it( 'does not overwrite a block edited since the suggestion: it shows both versions, and replaces only when told', () => {
		const { registry, blocks, texts } = setupPost();
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
		const { registry, blocks, texts } = setupPost();
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
		const { registry, blocks, texts } = setupPost();
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
