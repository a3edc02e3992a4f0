/**
 * The stack the PHP first-token bench measures: the fake upstream (bench/proxy/fake-server.ts), the
 * proxy as `npm start` runs it (built JavaScript, provider openai pointed at the fake), and a dev site
 * of its own (.wp/sites/bench-first-token, `php -S` like `npm start`) with the bench-only timing
 * mu-plugin, plus an admin's cookies and editor nonce.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../scripts/lib/paths.mjs';
import { startProxy } from '../../scripts/lib/proxy.mjs';
import { ensureSite, startSite } from '../../scripts/wp/site.mjs';

const MU_PLUGIN = path.join(
	ROOT,
	'bench/php-first-token/timing-mu-plugin.php'
);

function startFakeUpstream() {
	return new Promise( ( resolve, reject ) => {
		const child = spawn(
			process.execPath,
			[ '--import', 'tsx', 'bench/proxy/fake-server.ts' ],
			{
				cwd: ROOT,
				env: { ...process.env, FAKE_CHUNK_DELAY_MS: '1' },
				stdio: [ 'ignore', 'pipe', 'inherit' ],
			}
		);
		child.stdout.once( 'data', ( chunk ) =>
			resolve( { child, url: chunk.toString().trim() } )
		);
		child.once( 'error', reject );
	} );
}

/** Cookies of a fresh admin login and the editor nonce bound to it, made inside the site. */
async function adminLogin( site ) {
	const code = `
		$expires = time() + DAY_IN_SECONDS;
		$token   = WP_Session_Tokens::get_instance( 1 )->create( $expires );
		$auth    = wp_generate_auth_cookie( 1, $expires, 'auth', $token );
		$logged  = wp_generate_auth_cookie( 1, $expires, 'logged_in', $token );
		$_COOKIE[ LOGGED_IN_COOKIE ] = $logged;
		wp_set_current_user( 1 );
		\\CoursesCopilot\\Settings\\Quota::reset( 1 );
		return array(
			'cookie' => AUTH_COOKIE . '=' . rawurlencode( $auth ) . '; ' . LOGGED_IN_COOKIE . '=' . rawurlencode( $logged ),
			'nonce'  => wp_create_nonce( \\CoursesCopilot\\Assets\\BrowserConfig::NONCE_EDITOR ),
		);`;
	const { code: status, output } = await runWithStdin(
		'php',
		[ path.join( ROOT, 'scripts/wp/eval.php' ) ],
		code,
		site.env
	);
	if ( status !== 0 ) {
		throw new Error( `logging in failed: ${ output }` );
	}
	return JSON.parse( output.slice( output.indexOf( '{' ) ) );
}

function runWithStdin( command, args, input, env ) {
	return new Promise( ( resolve ) => {
		const child = spawn( command, args, {
			env: { ...process.env, ...env },
			stdio: [ 'pipe', 'pipe', 'pipe' ],
		} );
		let output = '';
		child.stdout.on( 'data', ( c ) => ( output += c ) );
		child.stderr.on( 'data', ( c ) => ( output += c ) );
		child.on( 'close', ( code ) => resolve( { code, output } ) );
		child.stdin.end( input );
	} );
}

export async function startStack( { wpPort, proxyPort } ) {
	const fake = await startFakeUpstream();
	const token = crypto.randomBytes( 16 ).toString( 'hex' );
	const proxy = await startProxy( {
		port: proxyPort,
		token,
		env: {
			MPCC_LLM_PROVIDER: 'openai',
			MPCC_LLM_MODEL: 'bench-model',
			MPCC_LLM_BASE_URL: `${ fake.url }/v1`,
			OPENAI_API_KEY: 'sk-bench',
			MPCC_RATE_LIMIT_MAX: '1000000000',
			MPCC_LOG_LEVEL: 'warn',
		},
	} );
	const site = await ensureSite( {
		name: 'bench-first-token',
		version: '6.6',
		port: wpPort,
		proxy: { url: proxy.url, token },
	} );
	const timingFile = path.join( site.dir, 'timing.jsonl' );
	fs.rmSync( timingFile, { force: true } );
	fs.appendFileSync(
		path.join( site.dir, 'site-config.php' ),
		`define( 'MPCC_BENCH_TIMING_FILE', '${ timingFile }' );\n`
	);
	const muDir = path.join( site.core, 'wp-content/mu-plugins' );
	fs.mkdirSync( muDir, { recursive: true } );
	const muFile = path.join( muDir, 'mpcc-bench-timing.php' );
	fs.copyFileSync( MU_PLUGIN, muFile );
	const server = await startSite( site );
	const login = await adminLogin( site );
	return {
		site,
		proxy,
		token,
		login,
		timingFile,
		stop: () => {
			fs.rmSync( muFile, { force: true } );
			fake.child.kill( 'SIGTERM' );
			void server;
		},
	};
}
