/**
 * Unit and component tests for the browser code (src/, blocks/) and shared schemas.
 * The proxy has its own runner (node:test via tsx, `npm run test:proxy`); e2e is Playwright.
 */
const base = require( '@wordpress/scripts/config/jest-unit.config.js' );

module.exports = {
	...base,
	reporters: [ 'default' ],
	roots: [ '<rootDir>/src', '<rootDir>/blocks', '<rootDir>/tests/unit' ],
	testMatch: [
		'**/test/**/*.test.[jt]s?(x)',
		'**/tests/unit/**/*.test.[jt]s?(x)',
	],
	setupFilesAfterEnv: [ '<rootDir>/tests/jest.setup.ts' ],
	testPathIgnorePatterns: [ '/node_modules/', '/build/', '/.wp/' ],
};
