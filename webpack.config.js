/**
 * The config of @wordpress/scripts, with our explicit entries: one bundle per surface, plus the
 * question blocks. WordPress packages stay external (wp.* globals) through its dependency extraction.
 * A second, tiny build makes the react-jsx-runtime script that WordPress 6.5 does not ship.
 */
const path = require( 'path' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

const base = Array.isArray( defaultConfig )
	? defaultConfig[ 0 ]
	: defaultConfig;

/*
 * The session store is its own script (mpcc-session-store), shared by the surfaces the way WordPress
 * shares its own stores: registered once per page even where two of our bundles load (a lesson
 * editor has the sidebar and the quiz bundle), and counted once against the bundle budgets.
 * PHP lists the handle as a dependency of each bundle that uses it (php-bridge/Assets/ScriptLoader.php).
 */
const SESSION_STORE_ENTRY = path.resolve( __dirname, 'src/store/index.ts' );
const SESSION_STORE_SCRIPT = path.resolve(
	__dirname,
	'src/entries/session-store.ts'
);
const STORE_DIR = path.dirname( SESSION_STORE_ENTRY );
/** Modules whose exports the shared script re-exports: importing them from a surface means the shared script. */
const SHARED_FROM_STORE = [ STORE_DIR, path.join( STORE_DIR, 'persistence' ) ];
function sessionStoreExternal( { context, request, contextInfo }, callback ) {
	const issuer = contextInfo?.issuer ?? '';
	// The store's own modules (persistence imports '..') are inside the shared script: never external there.
	if (
		request.startsWith( '.' ) &&
		issuer !== SESSION_STORE_SCRIPT &&
		! issuer.startsWith( STORE_DIR + path.sep )
	) {
		const target = path
			.resolve( context, request )
			.replace( /\.ts$/, '' )
			.replace( /[\\/]index$/, '' );
		if ( SHARED_FROM_STORE.includes( target ) ) {
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
		'course-editor/index': path.resolve(
			__dirname,
			'src/entries/course-editor.tsx'
		),
		'assistant-sidebar/index': path.resolve(
			__dirname,
			'src/entries/assistant-sidebar.tsx'
		),
		'classic-assistant/index': path.resolve(
			__dirname,
			'src/entries/classic-assistant.tsx'
		),
		'quiz-modal/index': path.resolve(
			__dirname,
			'src/entries/quiz-modal.tsx'
		),
		'question-blocks/index': path.resolve( __dirname, 'blocks/index.ts' ),
	},
	output: {
		...base.output,
		path: path.resolve( __dirname, 'build' ),
	},
	externals: [ ...[ base.externals ?? [] ].flat(), sessionStoreExternal ],
	optimization: {
		...base.optimization,
		/*
		 * Without wp-scripts' `style` group, which moves every `style.scss` into one chunk named after the
		 * first entry that imports it: a stylesheet two surfaces share (the chat's) then reached only one
		 * bundle's CSS, and the Classic Editor's metabox showed its chat unstyled. WordPress loads each
		 * surface's `index.css` on its own, so each must hold every rule its components use.
		 */
		splitChunks: { cacheGroups: { default: false } },
	},
};

const jsxRuntimeForWordPress65 = {
	// Runs after the main build, whose clean step would otherwise delete this output.
	dependencies: [ 'bundles' ],
	mode: base.mode,
	entry: {
		'vendor/react-jsx-runtime': path.resolve(
			__dirname,
			'src/vendor/react-jsx-runtime.js'
		),
	},
	output: { path: path.resolve( __dirname, 'build' ), filename: '[name].js' },
	externals: { react: 'React' },
	devtool: false,
};

module.exports = [ bundles, jsxRuntimeForWordPress65 ];
