/**
 * The modules the sidebar tests stand in for. Import this first in a test file: jest registers
 * these mocks for the whole file before anything of ours imports the real (or missing) packages.
 */
jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );
jest.mock(
	'@wordpress/editor',
	() => require( './editor-fakes' ).editorModule,
	{ virtual: true }
);
jest.mock( '@wordpress/edit-post', () => ( {} ), { virtual: true } );
jest.mock(
	'@wordpress/block-editor',
	() => require( './editor-fakes' ).blockEditorModule,
	{ virtual: true }
);
// @wordpress/blocks' paste handler (unused here) imports `marked`, which ships ESM only.
jest.mock( 'marked', () => ( { Marked: class {} } ) );

export {};
