/**
 * Builds the LLM proxy to plain JavaScript: proxy/server.ts (and what it imports, src/schemas
 * included) → build-proxy/server.mjs plus lazily loaded chunks (one per provider, ioredis).
 *
 *   node scripts/proxy/build.mjs            build when stale (any input newer than the build)
 *   node scripts/proxy/build.mjs --force    always build
 *
 * Why these options (measured on Node 20, provider openai, idle after start + GC; proxy/README.md
 * "How it is run"): tsx 100 MB RSS → packages external 76 MB → npm packages bundled too 65 MB
 * (fewer module records, resolution caches and source strings) → whitespace/syntax minified 62 MB.
 * Identifiers are not mangled, so stack traces and logged error types keep their names. Code
 * splitting keeps each provider's `import()` lazy: only the configured provider's SDK loads.
 * Left external: what the proxy never loads at run time (fastify's ajv and fast-json-stringify
 * compilers, replaced in app.ts; light-my-request, only for inject() in tests) and ioredis (loaded
 * only with MPCC_REDIS_URL; CJS with optional requires).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'../..'
);
export const BUILD_DIR = path.join( ROOT, 'build-proxy' );
export const SERVER_FILE = path.join( BUILD_DIR, 'server.mjs' );
const META_FILE = path.join( BUILD_DIR, 'meta.json' );
/** Changing these changes the output even when no source file did. */
const ALWAYS_INPUTS = [
	'package.json',
	'package-lock.json',
	'tsconfig.json',
	'scripts/proxy/build.mjs',
];

/** Why the build is stale, or undefined when it is current. */
export function staleReason() {
	let meta;
	let builtAt;
	try {
		meta = JSON.parse( fs.readFileSync( META_FILE, 'utf8' ) );
		fs.statSync( SERVER_FILE );
		// When esbuild started reading: an edit during the build makes the next run build again.
		builtAt = meta.startedAt;
	} catch {
		return 'no build yet';
	}
	if ( typeof builtAt !== 'number' ) {
		return 'build from an older build script';
	}
	const inputs = [
		...ALWAYS_INPUTS,
		// Our sources; packages count through package-lock.json (npm ci/install rewrites it).
		...Object.keys( meta.inputs ?? {} ),
		...( meta.outputs ?? [] ).map( ( output ) =>
			path.relative( ROOT, path.join( BUILD_DIR, output ) )
		),
	];
	// A chunk that is gone makes the build stale; one that is newer (another build wrote it) does not.
	for ( const input of inputs ) {
		let stat;
		try {
			stat = fs.statSync( path.join( ROOT, input ) );
		} catch {
			if ( ALWAYS_INPUTS.includes( input ) ) {
				continue;
			}
			return `${ input } is gone`;
		}
		if ( stat.mtimeMs > builtAt && ! input.startsWith( 'build-proxy/' ) ) {
			return `${ input } changed`;
		}
	}
	return undefined;
}

/** Replaces a file atomically: a proxy starting meanwhile reads the old or the new file, never half of one. */
function writeAtomic( file, contents ) {
	fs.mkdirSync( path.dirname( file ), { recursive: true } );
	const temporary = `${ file }.${ process.pid }.tmp`;
	fs.writeFileSync( temporary, contents );
	fs.renameSync( temporary, file );
}

export async function buildProxy() {
	const esbuild = await import( 'esbuild' );
	const started = Date.now();
	const result = await esbuild.build( {
		absWorkingDir: ROOT,
		entryPoints: { server: 'proxy/server.ts' },
		outdir: BUILD_DIR,
		outExtension: { '.js': '.mjs' },
		// Chunk names carry a content hash: a new build never overwrites a chunk a running proxy may still import.
		chunkNames: 'chunks/[name]-[hash]',
		write: false,
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		external: [
			'@fastify/ajv-compiler',
			'@fastify/fast-json-stringify-compiler',
			'light-my-request',
			'ioredis',
		],
		// Bundled CommonJS packages require node builtins: give the ES module a require.
		banner: {
			js: "import { createRequire as __mpccCreateRequire } from 'node:module'; const require = __mpccCreateRequire( import.meta.url );",
		},
		minifyWhitespace: true,
		minifySyntax: true,
		minifyIdentifiers: false,
		sourcemap: false,
		legalComments: 'none',
		// `courses-copilot-proxy --version` (proxy/server.ts).
		define: {
			MPCC_PROXY_VERSION: JSON.stringify(
				JSON.parse(
					fs.readFileSync( path.join( ROOT, 'package.json' ), 'utf8' )
				).version
			),
		},
		metafile: true,
		logLevel: 'warning',
	} );
	// The esbuild service process is not needed after this build.
	await esbuild.stop();
	// Chunks first, the entry (which names them) next, the record of inputs last.
	const files = [ ...result.outputFiles ].sort(
		( a, b ) =>
			Number( a.path === SERVER_FILE ) - Number( b.path === SERVER_FILE )
	);
	for ( const file of files ) {
		writeAtomic( file.path, asciiOnly( file.text ) );
	}
	const outputs = files.map( ( file ) =>
		path.relative( BUILD_DIR, file.path )
	);
	writeAtomic(
		META_FILE,
		JSON.stringify( {
			// Our sources; packages count through package-lock.json (npm ci/install rewrites it).
			inputs: Object.fromEntries(
				Object.keys( result.metafile.inputs )
					.filter(
						( input ) => ! input.startsWith( 'node_modules/' )
					)
					.map( ( input ) => [ input, true ] )
			),
			outputs,
			startedAt: started,
		} )
	);
	removeOldChunks( new Set( outputs ) );
	return { ms: Date.now() - started, outputs };
}

/**
 * esbuild leaves non-ASCII characters in regular expression literals (’ “ • in the demo provider);
 * one of them makes V8 keep the whole module source as a two-byte string (~0.6 MB more RSS).
 * \uXXXX escapes mean the same in strings, templates, regular expressions and identifiers.
 */
function asciiOnly( text ) {
	return text.replace(
		/[^\x00-\x7f]/g,
		( char ) =>
			`\\u${ char.charCodeAt( 0 ).toString( 16 ).padStart( 4, '0' ) }`
	);
}

/** Chunks of earlier builds, once no proxy can still be starting from them. */
function removeOldChunks( current ) {
	const dir = path.join( BUILD_DIR, 'chunks' );
	for ( const name of fs.readdirSync( dir ) ) {
		const file = path.join( dir, name );
		if (
			! current.has( `chunks/${ name }` ) &&
			Date.now() - fs.statSync( file ).mtimeMs > 10 * 60_000
		) {
			fs.rmSync( file, { force: true } );
		}
	}
}

/** Builds when stale; returns the file to run with node. */
export async function ensureProxyBuild( { quiet = false } = {} ) {
	const reason = staleReason();
	if ( reason !== undefined ) {
		const { ms } = await buildProxy();
		if ( ! quiet ) {
			process.stderr.write(
				`mpcc proxy: built ${ path.relative( ROOT, SERVER_FILE ) } in ${ ms } ms (${ reason })\n`
			);
		}
	}
	return SERVER_FILE;
}

if ( process.argv[ 1 ] === fileURLToPath( import.meta.url ) ) {
	if ( process.argv.includes( '--force' ) ) {
		const { ms, outputs } = await buildProxy();
		process.stderr.write(
			`mpcc proxy: built ${ outputs.join( ', ' ) } in ${ ms } ms\n`
		);
	} else {
		await ensureProxyBuild();
	}
}
