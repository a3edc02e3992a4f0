/**
 * End-to-end tests: builds, starts a demo-provider proxy and two fresh WordPress sites (6.6 and 6.5,
 * SQLite), runs Playwright in Debian's Chromium against both, stops everything, and prints
 * `E2E: N passed, N failed`. Extra arguments go to `playwright test` (e.g. a file or --grep).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureBuild, ensureDebianPackages } from '../lib/dependencies.mjs';
import { ROOT, WP_DIR } from '../lib/paths.mjs';
import {
	run,
	startProcess,
	stopAll,
	stopAllOnExit,
	waitForHttp,
} from '../lib/processes.mjs';
import { buildPluginZip } from '../release/plugin-zip.mjs';
import { installProxyTarball, packProxy } from '../release/proxy-pack.mjs';
import { startProxy } from '../lib/proxy.mjs';
import { ensureSite, startSite } from '../wp/site.mjs';
import { parseJUnit } from './junit.mjs';

stopAllOnExit();
await ensureDebianPackages( [ 'chromium' ] );
await ensureBuild();

// Several runs can share a machine (each engineer's, CI's): MPCC_E2E_PORT_BASE moves every port,
// site folder and output folder of this run.
const portBase = Number( process.env.MPCC_E2E_PORT_BASE || 18890 );
const suffix = process.env.MPCC_E2E_PORT_BASE ? `-${ portBase }` : '';
const outputDir = path.join( ROOT, `test-results/e2e${ suffix }` );

const token = crypto.randomBytes( 16 ).toString( 'hex' );
const proxy = await startProxy( {
	port: portBase - 100,
	token,
	env: { MPCC_LLM_PROVIDER: 'demo', MPCC_RATE_LIMIT_MAX: '100000' },
	logFile: path.join( WP_DIR, `proxy-e2e${ suffix }.log` ),
} );
const env = { MPCC_E2E_OUTPUT: outputDir };
for ( const [ version, port ] of [
	[ '6.6', portBase + 1 ],
	[ '6.5', portBase + 2 ],
] ) {
	const key = version.replace( '.', '' );
	const site = await ensureSite( {
		name: `e2e-${ key }${ suffix }`,
		version,
		port,
		fresh: true,
		proxy: { url: proxy.url, token },
	} );
	await startSite( site );
	Object.assign( env, {
		[ `MPCC_E2E_URL_${ key }` ]: site.url,
		[ `MPCC_E2E_SITE_${ key }` ]: site.dir,
		[ `MPCC_E2E_CORE_${ key }` ]: site.core,
	} );
}

// The clean-site install test (tests/e2e/clean-install.spec.ts) gets what a site owner gets: the plugin
// zip, a proxy installed from the packed tarball and started from its bin with env only, and a clean
// WordPress per version with the plugin neither linked nor active. Built whenever that spec may run.
const specs = process.argv
	.slice( 2 )
	.filter( ( a ) => a.endsWith( '.spec.ts' ) );
if (
	specs.length === 0 ||
	specs.some( ( s ) => s.includes( 'clean-install' ) )
) {
	const zip = await buildPluginZip();
	const bin = installProxyTarball(
		await packProxy(),
		path.join( WP_DIR, `release-proxy${ suffix }` )
	);
	const releaseToken = crypto.randomBytes( 16 ).toString( 'hex' );
	const releasePort = portBase - 99;
	startProcess( 'release-proxy', bin, [], {
		env: {
			MPCC_PROXY_PORT: String( releasePort ),
			MPCC_PROXY_TOKEN: releaseToken,
			MPCC_LLM_PROVIDER: 'demo',
		},
		logFile: path.join( WP_DIR, `release-proxy${ suffix }.log` ),
	} );
	const releaseUrl = `http://127.0.0.1:${ releasePort }`;
	await waitForHttp( `${ releaseUrl }/healthz`, {
		timeoutMs: 30000,
		okStatus: 200,
	} );
	Object.assign( env, {
		MPCC_E2E_PLUGIN_ZIP: zip,
		MPCC_E2E_RELEASE_PROXY_URL: releaseUrl,
		MPCC_E2E_RELEASE_PROXY_TOKEN: releaseToken,
	} );
	for ( const [ version, port ] of [
		[ '6.6', portBase + 3 ],
		[ '6.5', portBase + 4 ],
	] ) {
		const key = version.replace( '.', '' );
		const site = await ensureSite( {
			name: `e2e-clean-${ key }${ suffix }`,
			version,
			port,
			fresh: true,
			clean: true,
		} );
		await startSite( site );
		Object.assign( env, {
			[ `MPCC_E2E_CLEAN_URL_${ key }` ]: site.url,
			[ `MPCC_E2E_CLEAN_SITE_${ key }` ]: site.dir,
			[ `MPCC_E2E_CLEAN_CORE_${ key }` ]: site.core,
		} );
	}
}

const junit = path.join( outputDir, 'junit.xml' );
const results = path.join( outputDir, 'results.json' );
fs.rmSync( junit, { force: true } );
fs.rmSync( results, { force: true } );
const { code } = await run(
	'npx',
	[ 'playwright', 'test', ...process.argv.slice( 2 ) ],
	{ cwd: ROOT, env }
);
await stopAll();

const counts = fs.existsSync( junit )
	? parseJUnit( fs.readFileSync( junit, 'utf8' ) )
	: { passed: 0, failed: 1, skipped: 0 };
if ( code !== 0 && counts.failed === 0 ) {
	counts.failed = 1;
}
if ( counts.failed ) {
	printSiteLogs();
}
const flaky = fs.existsSync( results )
	? Number(
			JSON.parse( fs.readFileSync( results, 'utf8' ) ).stats?.flaky ?? 0
		)
	: 0;
console.log(
	`E2E: ${ counts.passed } passed, ${ counts.failed } failed${ counts.skipped ? `, ${ counts.skipped } skipped` : '' }${ flaky ? ` (${ flaky } of the passed failed once and passed on retry: see above)` : '' }`
);

/** What the sites logged (PHP errors, the proxy's failures): CI shows only this output. */
function printSiteLogs() {
	const logs = fs
		.readdirSync( path.join( WP_DIR, 'sites' ) )
		.filter(
			( name ) => name.startsWith( 'e2e-' ) && name.endsWith( suffix )
		)
		.map( ( name ) => path.join( WP_DIR, 'sites', name, 'debug.log' ) );
	logs.push( path.join( WP_DIR, `proxy-e2e${ suffix }.log` ) );
	for ( const file of logs.filter( ( f ) => fs.existsSync( f ) ) ) {
		const lines = fs
			.readFileSync( file, 'utf8' )
			.split( '\n' )
			.filter( ( line ) => /error|warn|fatal|locked/i.test( line ) )
			.slice( -30 );
		if ( lines.length ) {
			console.log(
				`\n--- ${ path.relative( ROOT, file ) } (last ${ lines.length } problem lines)\n${ lines.join( '\n' ) }`
			);
		}
	}
}
process.exit( counts.failed ? 1 : 0 );
