/** Import first in a course editor test: only the network is faked. */
jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

export {};
