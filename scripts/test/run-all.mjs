/**
 * npm test: every check and test suite, one after another, each counted; starts and stops every
 * server it needs (through the suites' own runners) and ends with one line: `N passed, N failed`.
 *
 *   node scripts/test/run-all.mjs            all suites
 *   node scripts/test/run-all.mjs unit php   only the named suites
 */
import fs from 'node:fs';
import path from 'node:path';
import {
	ensureBuild,
	ensureDebianPackages,
	ensureNodeModules,
} from '../lib/dependencies.mjs';
import { ROOT } from '../lib/paths.mjs';

const node = process.execPath;
const npx = 'npx';

/** Each suite: a command, and how to read its counts from its output (a single check when it has none). */
const SUITES = {
	typecheck: { command: [ npx, 'tsc', '--noEmit', '-p', '.' ] },
	lint: {
		command: [
			npx,
			'wp-scripts',
			'lint-js',
			'src',
			'blocks',
			'proxy',
			'tests',
			'bench',
			'scripts',
		],
	},
	budgets: {
		command: [ node, 'scripts/test/bundle-budgets.mjs' ],
		counts: plainLine( 'Budgets' ),
	},
	unit: {
		command: [
			npx,
			'wp-scripts',
			'test-unit-js',
			'--ci',
			'--json',
			'--outputFile=test-results/jest.json',
		],
		counts: jestCounts,
	},
	// npm's script lists the test files itself: Node 20's --test does not expand globs.
	proxy: {
		command: [ 'npm', 'run', '--silent', 'test:proxy' ],
		counts: nodeTestCounts,
	},
	// What ships: the plugin zip's contents, readme.txt against plugin.php, the .pot being current,
	// and the proxy tarball installed into an empty folder and run (builds both, as CI must).
	release: {
		command: [ 'npm', 'run', '--silent', 'test:release' ],
		counts: nodeTestCounts,
	},
	php: {
		command: [ node, 'scripts/test/php.mjs' ],
		counts: plainLine( 'PHP' ),
	},
	e2e: {
		command: [ node, 'scripts/test/e2e.mjs' ],
		counts: plainLine( 'E2E' ),
	},
};

function plainLine( label ) {
	return ( output ) => {
		const match = [
			...output.matchAll(
				new RegExp( `^${ label }: (\\d+) passed, (\\d+) failed`, 'gm' )
			),
		].pop();
		return match
			? { passed: Number( match[ 1 ] ), failed: Number( match[ 2 ] ) }
			: null;
	};
}

function nodeTestCounts( output ) {
	const pass = [ ...output.matchAll( /^ℹ pass (\d+)/gm ) ].pop();
	const fail = [ ...output.matchAll( /^ℹ fail (\d+)/gm ) ].pop();
	return pass && fail
		? { passed: Number( pass[ 1 ] ), failed: Number( fail[ 1 ] ) }
		: null;
}

function jestCounts() {
	const file = path.join( ROOT, 'test-results/jest.json' );
	if ( ! fs.existsSync( file ) ) {
		return null;
	}
	const report = JSON.parse( fs.readFileSync( file, 'utf8' ) );
	// A suite that fails to load has no tests in the counts: count it as a failure.
	return {
		passed: report.numPassedTests,
		failed: report.numFailedTests + report.numRuntimeErrorTestSuites,
	};
}

/** Runs a command, streaming its output while keeping a copy to read counts from. */
async function runSuite( name, { command, counts } ) {
	const started = Date.now();
	console.log( `\n━━ ${ name } ━━ ${ command.slice( 1 ).join( ' ' ) }` );
	const { spawn } = await import( 'node:child_process' );
	const output = await new Promise( ( resolve ) => {
		let text = '';
		const child = spawn( command[ 0 ], command.slice( 1 ), {
			cwd: ROOT,
			env: { ...process.env, FORCE_COLOR: '0' },
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		} );
		const keep = ( chunk ) => {
			text += chunk;
			process.stdout.write( chunk );
		};
		child.stdout.on( 'data', keep );
		child.stderr.on( 'data', keep );
		child.on( 'exit', ( code ) => resolve( { text, code: code ?? 1 } ) );
		child.on( 'error', ( error ) =>
			resolve( { text: String( error ), code: 127 } )
		);
	} );
	let result = counts ? counts( output.text ) : null;
	if ( ! result ) {
		result =
			output.code === 0
				? { passed: 1, failed: 0 }
				: { passed: 0, failed: 1 };
	} else if ( output.code !== 0 && result.failed === 0 ) {
		result.failed = 1; // It exited with an error after its tests: count that too.
	}
	return { name, ...result, seconds: ( Date.now() - started ) / 1000 };
}

const wanted = process.argv.slice( 2 );
const selected = Object.entries( SUITES ).filter(
	( [ name ] ) => wanted.length === 0 || wanted.includes( name )
);

await ensureDebianPackages();
await ensureNodeModules();
fs.mkdirSync( path.join( ROOT, 'test-results' ), { recursive: true } );
await ensureBuild( { force: true } );

const results = [];
for ( const [ name, suite ] of selected ) {
	results.push( await runSuite( name, suite ) );
}

console.log( '\n| suite | passed | failed | seconds |\n|---|---|---|---|' );
for ( const r of results ) {
	console.log(
		`| ${ r.name } | ${ r.passed } | ${ r.failed } | ${ r.seconds.toFixed( 1 ) } |`
	);
}
const passed = results.reduce( ( sum, r ) => sum + r.passed, 0 );
const failed = results.reduce( ( sum, r ) => sum + r.failed, 0 );
console.log( `\n${ passed } passed, ${ failed } failed` );
process.exit( failed ? 1 : 0 );
