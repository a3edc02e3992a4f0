/**
 * The config of @wordpress/scripts, with our explicit entries: one bundle per surface, plus the
 * question blocks. WordPress packages stay external (wp.* globals) through its dependency extraction.
 * A second, tiny build makes the react-jsx-runtime script that WordPress 6.5 does not ship.
 */
const path = require( 'path' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

const base = Array.isArray( defaultConfig ) ? defaultConfig[ 0 ] : defaultConfig;

/*
 * The session store is its own script (mpcc-session-store), shared by the surfaces the way WordPress
 * shares its own stores: registered once per page even where two of our bundles load (a lesson
 * editor has the sidebar and the quiz bundle), and counted once against the bundle budgets.
 * PHP lists the handle as a dependency of each bundle that uses it (php-bridge/Assets/ScriptLoader.php).
 */
const SESSION_STORE_ENTRY = path.resolve( __dirname, 'src/store/index.ts' );
const SESSION_STORE_SCRIPT = path.resolve( __dirname, 'src/entries/session-store.ts' );
function sessionStoreExternal( { context, request, contextInfo }, callback ) {
	if ( request.startsWith( '.' ) && contextInfo?.issuer !== SESSION_STORE_SCRIPT ) {
		const target = path.resolve( context, request );
		if ( target === path.dirname( SESSION_STORE_ENTRY ) || `${ target }.ts` === SESSION_STORE_ENTRY || target === SESSION_STORE_ENTRY ) {
			return callback( null, [ 'mpcc', 'sessionStore' ], 'window' );
		}
	}
	return callback();
}

const bundles = {
	...base,
	name: 'bundles',
	entry: {
		'session-store/index': SESSION_STORE_SCRIPT,
		'course-editor/index': path.resolve( __dirname, 'src/entries/course-editor.tsx' ),
		'assistant-sidebar/index': path.resolve( __dirname, 'src/entries/assistant-sidebar.tsx' ),
		'quiz-modal/index': path.resolve( __dirname, 'src/entries/quiz-modal.tsx' ),
		'question-blocks/index': path.resolve( __dirname, 'blocks/index.ts' ),
	},
	output: {
		...base.output,
		path: path.resolve( __dirname, 'build' ),
	},
	externals: [ ...[ base.externals ?? [] ].flat(), sessionStoreExternal ],
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
