/**
 * Unit and component tests for the browser code (src/, blocks/) and shared schemas.
 * The proxy has its own runner (node:test via tsx, `npm run test:proxy`); e2e is Playwright.
 */
const base = require( '@wordpress/scripts/config/jest-unit.config.js' );

module.exports = {
	...base,
	reporters: [ 'default' ],
	roots: [ '<rootDir>/src', '<rootDir>/blocks' ],
	testMatch: [
		'**/test/**/*.test.[jt]s?(x)',
		'**/tests/unit/**/*.test.[jt]s?(x)',
	],
	setupFiles: [ '<rootDir>/tests/jest.web-streams.ts' ],
	setupFilesAfterEnv: [ '<rootDir>/tests/jest.setup.ts' ],
	// @wordpress/components pulls in packages that ship ESM only (.mjs): transform those too.
	transform: {
		'\\.m?[jt]sx?$':
			require.resolve( '@wordpress/scripts/config/babel-transform.js' ),
	},
	transformIgnorePatterns: [
		'/node_modules/(?!(uuid|marked|@wordpress/theme|@wordpress/ui)/)',
	],
	testPathIgnorePatterns: [ '/node_modules/', '/build/', '/.wp/' ],
};
