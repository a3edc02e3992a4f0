/**
 * The modules the quiz tests stand in for. Import this first in a test file: jest registers these
 * mocks for the whole file before anything of ours imports the real (or missing) packages.
 */
jest.mock( '@wordpress/api-fetch' );
jest.mock( '@wordpress/editor', () => require( './helpers' ).editorModule, {
	virtual: true,
} );
jest.mock( '@wordpress/edit-post', () => ( {} ), { virtual: true } );
jest.mock(
	'@wordpress/block-editor',
	() => require( './helpers' ).blockEditorModule,
	{ virtual: true }
);
// @wordpress/blocks' paste handler imports `marked`, which ships ESM only and jest.config.js does not transform it.
jest.mock( 'marked', () => ( { Marked: class {} } ) );

export {};
