/**
 * PHP tests: `php -l` on every PHP file, then Debian's phpunit against the real WordPress tree,
 * twice: on SQLite (the quick start) and on MariaDB (real InnoDB transactions). A demo-provider
 * proxy is started for the bridge to call. Prints `PHP: N passed, N failed`.
 *
 * Env for the tests (read by tests/php/bootstrap.php): MPCC_WP_SITE_DIR, MPCC_WP_CORE_DIR, MPCC_DB_ENGINE.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, WP_DIR } from '../lib/paths.mjs';
import { run, stopAll, stopAllOnExit } from '../lib/processes.mjs';
import { recreateDatabase, startMariaDb } from '../lib/mariadb.mjs';
import { startProxy } from '../lib/proxy.mjs';
import { ensureSite } from '../wp/site.mjs';
import { parseJUnit } from './junit.mjs';

stopAllOnExit();
const totals = { passed: 0, failed: 0, skipped: 0 };

function phpFiles( dir ) {
	const out = [];
	for ( const entry of fs.readdirSync( dir, { withFileTypes: true } ) ) {
		const full = path.join( dir, entry.name );
		if ( entry.isDirectory() ) {
			out.push( ...phpFiles( full ) );
		} else if ( entry.name.endsWith( '.php' ) ) {
			out.push( full );
		}
	}
	return out;
}

// Syntax of every PHP file we ship, counted as one check each.
const lintTargets = [
	path.join( ROOT, 'plugin.php' ),
	path.join( ROOT, 'uninstall.php' ),
	...[ 'php-bridge', 'blocks', 'scripts/wp', 'tests/php' ].flatMap( ( d ) =>
		fs.existsSync( path.join( ROOT, d ) )
			? phpFiles( path.join( ROOT, d ) )
			: []
	),
];
for ( const file of lintTargets ) {
	const { code, output } = await run( 'php', [ '-l', file ], {
		capture: true,
	} );
	if ( code === 0 ) {
		totals.passed++;
	} else {
		totals.failed++;
		console.error( output.trim() );
	}
}
console.log(
	`php -l: ${ lintTargets.length } files, ${ totals.failed } with errors`
);

const config = path.join( ROOT, 'tests/php/phpunit.xml' );
if ( fs.existsSync( config ) ) {
	const token = crypto.randomBytes( 16 ).toString( 'hex' );
	// Several runs can share a machine: MPCC_PHP_PORT_BASE moves the sites' ports, MPCC_TEST_PROXY_PORT the proxy's.
	const portBase = Number( process.env.MPCC_PHP_PORT_BASE || 18880 );
	const proxyPort = Number( process.env.MPCC_TEST_PROXY_PORT || 18787 );
	const proxy = await startProxy( {
		port: proxyPort,
		token,
		env: { MPCC_LLM_PROVIDER: 'demo', MPCC_RATE_LIMIT_MAX: '100000' },
		logFile: path.join( WP_DIR, 'proxy-php-tests.log' ),
	} );
	const mariadb = await startMariaDb();
	await recreateDatabase( 'mpcc_phpunit' );

	const sites = [
		await ensureSite( {
			name: 'phpunit-sqlite',
			version: '6.6',
			port: portBase + 1,
			fresh: true,
			proxy: { url: proxy.url, token },
		} ),
		await ensureSite( {
			name: 'phpunit-mysql',
			version: '6.6',
			port: portBase + 2,
			db: 'mysql',
			mysql: { socket: mariadb.socket, database: 'mpcc_phpunit' },
			proxy: { url: proxy.url, token },
		} ),
	];
	for ( const site of sites ) {
		const junit = path.join( site.dir, 'junit.xml' );
		fs.rmSync( junit, { force: true } );
		const engine = site.name.endsWith( 'mysql' ) ? 'mysql' : 'sqlite';
		console.log( `\n• phpunit on ${ engine }` );
		const { code } = await run(
			'phpunit',
			[ '-c', config, '--log-junit', junit, ...process.argv.slice( 2 ) ],
			{
				cwd: ROOT,
				env: {
					...site.env,
					MPCC_DB_ENGINE: engine,
					MPCC_PROXY_URL: proxy.url,
					MPCC_PROXY_TOKEN: token,
				},
			}
		);
		const counts = fs.existsSync( junit )
			? parseJUnit( fs.readFileSync( junit, 'utf8' ) )
			: { passed: 0, failed: 1, skipped: 0 };
		if ( code !== 0 && counts.failed === 0 ) {
			counts.failed = 1; // phpunit crashed before writing results.
		}
		totals.passed += counts.passed;
		totals.failed += counts.failed;
		totals.skipped += counts.skipped;
	}
}
await stopAll();
console.log(
	`PHP: ${ totals.passed } passed, ${ totals.failed } failed${ totals.skipped ? `, ${ totals.skipped } skipped` : '' }`
);
process.exit( totals.failed ? 1 : 0 );
