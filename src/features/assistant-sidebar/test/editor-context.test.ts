/**
 * What the sidebar sends about the post: its live fields, content and selected block.
 */
import './editor-mocks';

import { readEditorContext } from '../editor-context';

import {
	blockEditorStore,
	editorStore,
	registerTestBlocks,
} from './editor-fakes';
import { paragraph, setupPost } from './suggestion-fixtures';

beforeAll( registerTestBlocks );

describe( 'readEditorContext', () => {
	it( 'sends the live title, excerpt, content and the selected block', () => {
		const { registry, blocks } = setupPost();
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
		const { registry } = setupPost( [
			paragraph( 'x'.repeat( 250_000 ) ),
		] );
		const context = readEditorContext( registry );
		expect( context.selected_block ).toBeNull();
		expect( context.content.length ).toBe( 200_000 );
	} );
} );
