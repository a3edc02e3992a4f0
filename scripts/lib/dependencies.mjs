/**
 * Installs what a fresh clone lacks: Debian packages (as root, through apt-get), npm packages, the build.
 * Each step checks first, so a second run costs a few milliseconds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.mjs';
import { run } from './processes.mjs';

/** Debian packages the project runs on: PHP for WordPress, MariaDB for real MySQL, Chromium for e2e, Redis for shared limits. */
export const DEBIAN_PACKAGES = [
	'php-cli',
	'php-sqlite3',
	'php-xml',
	'php-mbstring',
	'php-mysql',
	'php-curl',
	'unzip',
	'phpunit',
	'mariadb-server',
	'redis-server',
	'chromium',
];

async function isInstalled( pkg ) {
	const { code, output } = await run(
		'dpkg-query',
		[ '-W', '-f=${Status}', pkg ],
		{ capture: true }
	);
	return code === 0 && output.includes( 'install ok installed' );
}

export async function ensureDebianPackages( packages = DEBIAN_PACKAGES ) {
	const missing = [];
	for ( const pkg of packages ) {
		if ( ! ( await isInstalled( pkg ) ) ) {
			missing.push( pkg );
		}
	}
	if ( missing.length === 0 ) {
		return;
	}
	if ( process.getuid?.() !== 0 ) {
		throw new Error(
			`Missing Debian packages: ${ missing.join( ' ' ) }.\nInstall them with: sudo apt-get update && sudo apt-get install -y ${ missing.join( ' ' ) }`
		);
	}
	console.log( `• Installing Debian packages: ${ missing.join( ' ' ) }` );
	const env = { DEBIAN_FRONTEND: 'noninteractive' };
	if (
		( await run( 'apt-get', [ 'update', '-q' ], { env, quiet: true } ) )
			.code !== 0
	) {
		console.warn(
			'  apt-get update failed; trying the install with the lists at hand'
		);
	}
	const { code, output } = await run(
		'apt-get',
		[ 'install', '-y', '-q', ...missing ],
		{ env, capture: true }
	);
	if ( code !== 0 ) {
		throw new Error(
			`apt-get install failed:\n${ output.slice( -3000 ) }`
		);
	}
}

export async function ensureNodeModules() {
	const lock = path.join( ROOT, 'package-lock.json' );
	const installed = path.join( ROOT, 'node_modules/.package-lock.json' );
	if (
		fs.existsSync( installed ) &&
		fs.statSync( installed ).mtimeMs >= fs.statSync( lock ).mtimeMs
	) {
		return;
	}
	console.log( '• Installing npm packages (npm ci)' );
	const { code } = await run( 'npm', [ 'ci', '--no-audit', '--no-fund' ], {
		cwd: ROOT,
	} );
	if ( code !== 0 ) {
		throw new Error( 'npm ci failed' );
	}
}

function newestMtime( dir ) {
	let newest = 0;
	if ( ! fs.existsSync( dir ) ) {
		return newest;
	}
	for ( const entry of fs.readdirSync( dir, { withFileTypes: true } ) ) {
		const full = path.join( dir, entry.name );
		if ( entry.isDirectory() ) {
			if ( entry.name !== 'test' && entry.name !== 'node_modules' ) {
				newest = Math.max( newest, newestMtime( full ) );
			}
		} else {
			newest = Math.max( newest, fs.statSync( full ).mtimeMs );
		}
	}
	return newest;
}

/**
 * Builds the browser bundles when any source is newer than the last build.
 * @param root0
 * @param root0.force
 */
export async function ensureBuild( { force = false } = {} ) {
	const marker = path.join( ROOT, 'build/.built' );
	const sources = Math.max(
		newestMtime( path.join( ROOT, 'src' ) ),
		newestMtime( path.join( ROOT, 'blocks' ) ),
		fs.statSync( path.join( ROOT, 'webpack.config.js' ) ).mtimeMs
	);
	if (
		! force &&
		fs.existsSync( marker ) &&
		fs.statSync( marker ).mtimeMs >= sources
	) {
		return;
	}
	console.log( '• Building the browser bundles (wp-scripts build)' );
	const { code } = await run( 'npx', [ 'wp-scripts', 'build' ], {
		cwd: ROOT,
	} );
	if ( code !== 0 ) {
		throw new Error( 'wp-scripts build failed' );
	}
	fs.writeFileSync( marker, new Date().toISOString() );
}
