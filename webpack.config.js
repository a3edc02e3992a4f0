/**
 * The config of @wordpress/scripts, with our explicit entries: one bundle per surface, plus the
 * question blocks. WordPress packages stay external (wp.* globals) through its dependency extraction.
 * A second, tiny build makes the react-jsx-runtime script that WordPress 6.5 does not ship.
 */
const path = require( 'path' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

const base = Array.isArray( defaultConfig ) ? defaultConfig[ 0 ] : defaultConfig;

const bundles = {
	...base,
	name: 'bundles',
	entry: {
		'course-editor/index': path.resolve( __dirname, 'src/entries/course-editor.tsx' ),
		'assistant-sidebar/index': path.resolve( __dirname, 'src/entries/assistant-sidebar.tsx' ),
		'quiz-modal/index': path.resolve( __dirname, 'src/entries/quiz-modal.tsx' ),
		'question-blocks/index': path.resolve( __dirname, 'blocks/index.ts' ),
	},
	output: {
		...base.output,
		path: path.resolve( __dirname, 'build' ),
	},
};

const jsxRuntimeForWordPress65 = {
	// Runs after the main build, whose clean step would otherwise delete this output.
	dependencies: [ 'bundles' ],
	mode: base.mode,
	entry: { 'vendor/react-jsx-runtime': path.resolve( __dirname, 'src/vendor/react-jsx-runtime.js' ) },
	output: { path: path.resolve( __dirname, 'build' ), filename: '[name].js' },
	externals: { react: 'React' },
	devtool: false,
};

module.exports = [ bundles, jsxRuntimeForWordPress65 ];
