/**
 * WordPress' lint rules (the flat config @wordpress/scripts ships) for the browser code. Node tooling
 * (scripts, proxy, benchmarks, e2e) may log to the console, and TypeScript, not JSDoc, carries types.
 */
const wordpress = require( '@wordpress/scripts/config/eslint.config.cjs' );
const globals = require( 'globals' );

module.exports = [
	{
		ignores: [
			'**/build/**',
			'**/node_modules/**',
			'.wp/**',
			'test-results/**',
			'playwright-report/**',
		],
	},
	...wordpress,
	{
		rules: {
			'jsdoc/require-param-type': 'off',
			'jsdoc/require-returns-type': 'off',
			'jsdoc/require-param': 'off',
		},
	},
	{
		files: [
			'scripts/**',
			'proxy/**',
			'bench/**',
			'tests/e2e/**',
			'*.config.{js,cjs,ts}',
		],
		languageOptions: { globals: { ...globals.node } },
		rules: {
			'no-console': 'off',
			'import/no-extraneous-dependencies': 'off',
		},
	},
	{
		// Playwright fixtures hand values on through a function named `use`, which is not React's.
		files: [ 'tests/e2e/**' ],
		rules: { 'react-hooks/rules-of-hooks': 'off' },
	},
	{
		files: [ '**/test/**', 'tests/**' ],
		languageOptions: { globals: { ...globals.jest } },
	},
];
