/**
 * Prepares a WordPress core tree from @wp-playground/wordpress-builds (no network needed):
 * PHP from src/wordpress/wp-<v>.zip, static assets from public/wp-<v>/ copied over it, the SQLite
 * drop-in, our wp-config.php (which reads the site from MPCC_WP_SITE_DIR) and the plugin's runtime
 * files linked in (see linkPlugin).
 * One tree per version is shared by every site on that version; sites differ only in their config.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
	BUILDS_DIR,
	CORE_DIR,
	PLUGIN_SLUG,
	ROOT,
	WP_VERSIONS,
} from '../lib/paths.mjs';
import { run } from '../lib/processes.mjs';

const TEMPLATES = path.join( ROOT, 'scripts/wp/templates' );
const CORE_STAMP = 'mpcc-core-v2';

export function coreDir( version ) {
	return path.join( CORE_DIR, version );
}

export async function ensureCore( version ) {
	const info = WP_VERSIONS[ version ];
	if ( ! info ) {
		throw new Error(
			`Unknown WordPress version ${ version }; known: ${ Object.keys( WP_VERSIONS ).join( ', ' ) }`
		);
	}
	const dir = coreDir( version );
	const stamp = path.join( dir, '.mpcc-core' );
	if (
		fs.existsSync( stamp ) &&
		fs.readFileSync( stamp, 'utf8' ) === CORE_STAMP
	) {
		linkPlugin( dir );
		return dir;
	}
	console.log(
		`• Preparing ${ info.label } in ${ path.relative( ROOT, dir ) }`
	);
	fs.rmSync( dir, { recursive: true, force: true } );
	fs.mkdirSync( dir, { recursive: true } );
	await unzip(
		path.join( BUILDS_DIR, `src/wordpress/wp-${ info.build }.zip` ),
		dir
	);
	fs.cpSync( path.join( BUILDS_DIR, `public/wp-${ info.build }` ), dir, {
		recursive: true,
	} );
	for ( const leftover of [
		'wordpress-remote-asset-paths',
		'wp-content/database/.ht.sqlite',
		'wp-config.php',
	] ) {
		fs.rmSync( path.join( dir, leftover ), { force: true } );
	}

	// The SQLite drop-in, wired as its own db.copy says, but skipped for sites that run on MySQL.
	const plugins = path.join( dir, 'wp-content/plugins' );
	await unzip(
		path.join(
			BUILDS_DIR,
			'src/sqlite-database-integration/sqlite-database-integration.zip'
		),
		plugins
	);
	fs.renameSync(
		path.join( plugins, 'sqlite-database-integration-main' ),
		path.join( plugins, 'sqlite-database-integration' )
	);
	const sqliteDir = path.join( plugins, 'sqlite-database-integration' );
	const dropIn = fs
		.readFileSync( path.join( sqliteDir, 'db.copy' ), 'utf8' )
		.replaceAll( '{SQLITE_IMPLEMENTATION_FOLDER_PATH}', sqliteDir )
		.replaceAll( '{SQLITE_PLUGIN}', 'sqlite-database-integration/load.php' )
		.replace(
			'<?php',
			"<?php\nif ( defined( 'MPCC_DB_ENGINE' ) && 'mysql' === MPCC_DB_ENGINE ) {\n\treturn;\n}"
		);
	fs.writeFileSync( path.join( dir, 'wp-content/db.php' ), dropIn );

	fs.copyFileSync(
		path.join( TEMPLATES, 'wp-config.php' ),
		path.join( dir, 'wp-config.php' )
	);
	fs.mkdirSync( path.join( dir, 'wp-content/mu-plugins' ), {
		recursive: true,
	} );
	fs.copyFileSync(
		path.join( TEMPLATES, 'mpcc-local-site.php' ),
		path.join( dir, 'wp-content/mu-plugins/mpcc-local-site.php' )
	);
	linkPlugin( dir );
	fs.writeFileSync( stamp, CORE_STAMP );
	return dir;
}

/**
 * A core tree of its own for a clean site (the install e2e): a copy of the prepared tree without
 * the plugin linked in, so the plugin arrives only as a site owner's would, through Upload Plugin.
 * Made afresh each time: an earlier run's uploaded plugin must not linger.
 * @param version
 * @param name    the site's name: every clean site gets its own tree
 */
export async function ensureCleanCore( version, name ) {
	const source = await ensureCore( version );
	const dir = path.join( CORE_DIR, `clean-${ name }` );
	fs.rmSync( dir, { recursive: true, force: true } );
	const plugin = path.join( source, 'wp-content/plugins', PLUGIN_SLUG );
	fs.cpSync( source, dir, {
		recursive: true,
		verbatimSymlinks: true,
		filter: ( file ) => file !== plugin,
	} );
	return dir;
}

/**
 * What of the repository the site's web server may reach: the plugin's runtime files, as the
 * release zip ships them. Nothing else of the working tree (.wp/ with the sites' databases and
 * tokens, scripts/, tests/, src/, node_modules/, proxy/) is linked, and scripts/wp/router.php
 * serves only core and these entries.
 */
export const PLUGIN_RUNTIME_ENTRIES = [
	'plugin.php',
	'uninstall.php',
	'readme.txt',
	'php-bridge',
	'blocks',
	'build',
	'languages',
];

/**
 * The plugin folder is a real folder of links to the repository's runtime entries, so edits show
 * up without copying. (It used to be one link to the whole repository.)
 * @param dir
 */
function linkPlugin( dir ) {
	const folder = path.join( dir, 'wp-content/plugins', PLUGIN_SLUG );
	if ( fs.lstatSync( folder, { throwIfNoEntry: false } )?.isSymbolicLink() ) {
		fs.rmSync( folder ); // The old link to the whole repository: removes the link, not the repository.
	}
	fs.mkdirSync( folder, { recursive: true } );
	const wanted = new Set(
		PLUGIN_RUNTIME_ENTRIES.filter( ( entry ) =>
			fs.existsSync( path.join( ROOT, entry ) )
		)
	);
	let changed = false;
	for ( const entry of fs.readdirSync( folder ) ) {
		const link = path.join( folder, entry );
		const target = fs.lstatSync( link ).isSymbolicLink()
			? fs.readlinkSync( link )
			: null;
		if ( ! wanted.has( entry ) || target !== path.join( ROOT, entry ) ) {
			// This folder holds our links and nothing else; a link is removed, never what it points to.
			fs.rmSync( link, { recursive: true, force: true } );
			changed = true;
		}
	}
	for ( const entry of wanted ) {
		const link = path.join( folder, entry );
		if ( ! fs.lstatSync( link, { throwIfNoEntry: false } ) ) {
			fs.symlinkSync( path.join( ROOT, entry ), link );
			changed = true;
		}
	}
	if ( ! changed ) {
		return;
	}
	// Templates may have changed since the tree was made.
	fs.copyFileSync(
		path.join( TEMPLATES, 'wp-config.php' ),
		path.join( dir, 'wp-config.php' )
	);
	fs.copyFileSync(
		path.join( TEMPLATES, 'mpcc-local-site.php' ),
		path.join( dir, 'wp-content/mu-plugins/mpcc-local-site.php' )
	);
}

async function unzip( zip, into ) {
	const { code, output } = await run(
		'unzip',
		[ '-q', '-o', zip, '-d', into ],
		{ capture: true }
	);
	if ( code !== 0 ) {
		throw new Error( `unzip ${ zip } failed: ${ output }` );
	}
}
