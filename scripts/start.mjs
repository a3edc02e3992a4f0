/**
 * npm start: installs what is missing, builds, brings up the LLM proxy and a real WordPress with
 * Courses Copilot active, prints the URL and login, and stops everything on Ctrl-C.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
	ensureBuild,
	ensureDebianPackages,
	ensureNodeModules,
} from './lib/dependencies.mjs';
import { SITES_DIR, WP_DIR } from './lib/paths.mjs';
import { stopAllOnExit } from './lib/processes.mjs';

const started = Date.now();
const wpPort = Number( process.env.MPCC_WP_PORT || 8880 );
const proxyPort = Number( process.env.MPCC_PROXY_PORT || 8787 );
const password = process.env.MPCC_ADMIN_PASSWORD || 'password';

stopAllOnExit();
try {
	await ensureDebianPackages( [
		'php-cli',
		'php-sqlite3',
		'php-xml',
		'php-mbstring',
		'php-curl',
		'unzip',
	] );
	await ensureNodeModules();
	await ensureBuild();

	// Imported after npm ci: these need node_modules.
	const { startProxy } = await import( './lib/proxy.mjs' );
	const { ensureSite, startSite } = await import( './wp/site.mjs' );

	fs.mkdirSync( WP_DIR, { recursive: true } );
	const tokenFile = path.join( WP_DIR, 'proxy-token' );
	if ( ! fs.existsSync( tokenFile ) ) {
		fs.writeFileSync(
			tokenFile,
			crypto.randomBytes( 24 ).toString( 'hex' ),
			{ mode: 0o600 }
		);
	}
	const token =
		process.env.MPCC_PROXY_TOKEN ||
		fs.readFileSync( tokenFile, 'utf8' ).trim();

	console.log( `• Starting the LLM proxy on 127.0.0.1:${ proxyPort }` );
	const proxy = await startProxy( {
		port: proxyPort,
		token,
		logFile: path.join( WP_DIR, 'proxy.log' ),
	} );

	console.log( `• Starting WordPress on 127.0.0.1:${ wpPort }` );
	const site = await ensureSite( {
		name: 'dev',
		version: process.env.MPCC_WP_VERSION || '6.6',
		port: wpPort,
		proxy: { url: proxy.url, token },
		adminPassword: password,
	} );
	await startSite( site );

	const loginToken = crypto.randomBytes( 16 ).toString( 'hex' );
	fs.writeFileSync(
		path.join( SITES_DIR, 'dev', 'autologin.json' ),
		JSON.stringify( {
			token: loginToken,
			user: 'admin',
			expires: Math.floor( Date.now() / 1000 ) + 600,
			redirect: 'admin.php?page=mpcc-course-editor',
		} )
	);
	const provider = proxy.health?.provider ?? 'unknown';
	console.log( `
Courses Copilot is running (${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s).

  Open (logs you in once):  ${ site.url }/wp-login.php?mpcc_autologin=${ loginToken }
  WordPress:                ${ site.url }/wp-admin/   user: admin   password: ${ password }
  Course editor:            ${ site.url }/wp-admin/admin.php?page=mpcc-course-editor
  LLM proxy:                ${ proxy.url }  (provider: ${ provider }${ proxy.health?.demo ? ', the offline demo model' : '' })
  Logs:                     .wp/sites/dev/server.log, .wp/sites/dev/debug.log, .wp/proxy.log

Press Ctrl-C to stop.` );
	await new Promise( () => {} );
} catch ( error ) {
	console.error( `\n✖ ${ error.message }` );
	const { stopAll } = await import( './lib/processes.mjs' );
	await stopAll();
	process.exit( 1 );
}
